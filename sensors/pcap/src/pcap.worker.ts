import { parentPort, workerData } from 'node:worker_threads';

import { CaptureShard } from './capture-shard.util';
import { detachEarly } from './detach-early.util';
import { FrameIndex } from './frame-index.util';
import { type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol.type';

/**
 * Worker thread entry: reads its input from the shared ring of capture chunks, either whole (one
 * worker: it reads the records itself) or only the frames the reading thread listed for it
 * (several workers: each decodes only its own connections' packets). Events go back as NDJSON blocks whose memory
 * is transferred, not copied.
 */
detachEarly();
const init = workerData as WorkerInit;
const shard = new CaptureShard(init);
const index =
  init.index === undefined
    ? undefined
    : new FrameIndex(init.index.capacity, init.index.slots, init.index.buffer);
const port = parentPort;
if (port === null) throw new Error('pcap.worker must run in a worker thread');

function flush(all: boolean): void {
  for (const out of shard.take(all)) {
    const message: FromWorker = { type: 'calls', data: out.data, count: out.count };
    port?.postMessage(message, [out.data.buffer as ArrayBuffer]);
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'chunk': {
      if (index === undefined)
        shard.push(Buffer.from(init.ring, message.slot * init.slotSize, message.length));
      else
        shard.pushIndexed(
          Buffer.from(init.ring, message.slot * init.slotSize, init.slotSize),
          index,
          message.slot,
          message.length,
        );
      // live captures trickle: send what is there so events are not held back
      flush(message.live);
      port.postMessage({ type: 'released', slot: message.slot, failed: shard.failed } satisfies FromWorker);
      return;
    }
    case 'frame': {
      const frame = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
      shard.pushFrame(frame, message.linkType, message.tsMs, message.everyShard);
      flush(false);
      port.postMessage({ type: 'frameReleased', bytes: frame.length } satisfies FromWorker);
      return;
    }
    case 'recycle':
      shard.recycle(message.block);
      return;
    case 'end': {
      const stats = shard.finish();
      flush(true);
      port.postMessage({ type: 'stats', stats } satisfies FromWorker);
    }
  }
});
