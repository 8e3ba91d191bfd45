import { parentPort, workerData } from 'node:worker_threads';

import { serveShard } from './shard-server.util';
import { type WorkerInit } from './worker-protocol.type';

/**
 * Worker thread entry: one engine shard (shard-server.util.ts) behind the parent port. A worker
 * started early (worker-start.util.ts) gets its shard in a first `init` message.
 */
const port = parentPort;
if (port === null) throw new Error('pcap.worker must run in a worker thread');
const given = workerData as Partial<WorkerInit>;
if (given.ring !== undefined) serveShard(port, given as WorkerInit);
else port.once('message', (message: { type: 'init'; init: WorkerInit }) => serveShard(port, message.init));
