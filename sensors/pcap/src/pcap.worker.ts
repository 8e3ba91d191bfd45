import { parentPort, workerData } from 'node:worker_threads';

import { detachEarly } from './detach-early.util';
import { serveShard } from './shard-server.util';
import { type WorkerInit } from './worker-protocol.type';

/** Worker thread entry: one engine shard (shard-server.util.ts) behind the parent port. */
detachEarly();
if (parentPort === null) throw new Error('pcap.worker must run in a worker thread');
serveShard(parentPort, workerData as WorkerInit);
