import { parentPort, workerData } from 'node:worker_threads';

import { CaptureShard } from './capture-shard.util';
import { type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol.type';

/**
 * Worker thread entry: reads every chunk of the capture from the shared ring (all workers see all
 * bytes, which costs only header decoding) and keeps the connections of its own shard. Events go
 * back as NDJSON blocks whose memory is transferred, not copied.
 */
const init = workerData as WorkerInit;
const shard = new CaptureShard(init);
const port = parentPort;
if (port === null) throw new Error('pcap.worker must run in a worker thread');

function flush(all: boolean): void {
  for (const out of shard.take(all)) {
    const message: FromWorker = { type: 'calls', data: out.data, count: out.count };
    port?.postMessage(message, [out.data.buffer as ArrayBuffer]);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'chunk') {
    shard.push(Buffer.from(init.ring, message.slot * init.slotSize, message.length));
    // live captures trickle: send what is there so events are not held back
    flush(message.live);
    port.postMessage({ type: 'released', slot: message.slot, failed: shard.failed } satisfies FromWorker);
    return;
  }
  if (message.type === 'recycle') {
    shard.recycle(message.block);
    return;
  }
  const stats = shard.finish();
  flush(true);
  port.postMessage({ type: 'stats', stats } satisfies FromWorker);
});
