import { parentPort, workerData } from 'node:worker_threads';

import { CaptureShard } from './capture-shard.util';
import { type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol.type';

/**
 * Worker thread entry: reads every chunk of the capture from the shared ring (all workers see all
 * bytes, which costs only header decoding) and keeps the connections of its own shard.
 */
const init = workerData as WorkerInit;
const shard = new CaptureShard(init);
const port = parentPort;
if (port === null) throw new Error('pcap.worker must run in a worker thread');

const send = (message: FromWorker) => port.postMessage(message);

function flush(): void {
  const { text, count } = shard.take();
  if (count > 0) send({ type: 'calls', text, count });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'chunk') {
    shard.push(Buffer.from(init.ring, message.slot * init.slotSize, message.length));
    flush();
    send({ type: 'released', slot: message.slot, failed: shard.failed });
    return;
  }
  const stats = shard.finish();
  flush();
  send({ type: 'stats', stats });
});
