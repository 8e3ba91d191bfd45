import { type MessagePort, parentPort, workerData } from 'node:worker_threads';

import { CaptureShard } from './capture-shard.util';
import { FrameIndex } from './frame-index.util';
import { type FromWorker, type ToWorker, type WorkerInit } from './worker-protocol.type';

/**
 * Worker thread entry: one engine shard behind the parent port. It reads its input from the shared
 * ring of capture chunks, either whole (one worker: it reads the records itself) or only the frames
 * the reading thread listed for it (several: each decodes only its own connections' packets), and
 * sends its events back as NDJSON blocks in shared memory (neither copied nor transferred:
 * ndjson-buffer.util.ts). A worker started early (worker-start.util.ts) gets its shard in a first
 * `init` message.
 */
const port = parentPort;
if (port === null) throw new Error('pcap.worker must run in a worker thread');
const given = workerData as Partial<WorkerInit>;
if (given.ring !== undefined) serveShard(port, given as WorkerInit);
else port.once('message', (message: { type: 'init'; init: WorkerInit }) => serveShard(port, message.init));

function serveShard(port: MessagePort, init: WorkerInit): void {
  const shard = new CaptureShard(init);
  const index =
    init.index === undefined
      ? undefined
      : new FrameIndex(init.index.capacity, init.index.slots, init.index.buffer);

  const flush = (all: boolean): void => {
    for (const out of shard.take(all)) {
      const message: FromWorker = { type: 'calls', data: out.data, count: out.count };
      port.postMessage(message);
    }
  };

  const receive = (message: ToWorker): void => {
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
  };
  port.on('message', receive);
}
