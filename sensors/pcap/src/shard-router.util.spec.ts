import { readFileSync } from 'node:fs';

import { type CaptureStats, mergeRoutedCaptureStats } from '@apiscope/capture';

import { CaptureShard } from './capture-shard.util';
import { corpusCaptures } from './peer-comparison/corpus-index.util';
import { ShardRouter } from './shard-router.util';

const options = { sensorId: 'spec', maxBodyBytes: 64 * 1024 };

const lines = (shards: CaptureShard[]) =>
  shards
    .flatMap((s) => s.take(true))
    .flatMap((block) => block.data.toString('utf8').split('\n'))
    .filter((l) => l !== '')
    .sort();

/** One shard reading the whole capture, as one worker does. */
function single(data: Buffer) {
  const shard = new CaptureShard({ ...options, shardIndex: 0, shardCount: 1 });
  shard.push(data);
  const stats = shard.finish();
  return { events: lines([shard]), stats };
}

/**
 * A ShardRouter feeding `count` shards, the messages a worker would get delivered in this thread,
 * the capture read `readSize` bytes at a time (small reads split many records across chunks).
 */
async function routed(data: Buffer, count: number, readSize: number, maxFrames?: number) {
  const shards = Array.from(
    { length: count },
    (_, shardIndex) => new CaptureShard({ ...options, shardIndex, shardCount: count }),
  );
  let spilled = 0;
  const router: ShardRouter = new ShardRouter(
    count,
    (w, message) => {
      if (message.type === 'chunk') {
        shards[w].pushIndexed(
          router.ring.view(message.slot),
          router.indexes[w],
          message.slot,
          message.length,
        );
        router.ring.release(message.slot);
      } else if (message.type === 'frame') {
        spilled += 1;
        const frame = Buffer.from(message.data);
        shards[w].pushFrame(frame, message.linkType, message.tsMs, message.everyShard);
        router.spillReleased(frame.length);
      }
    },
    () => undefined,
    maxFrames,
  );
  for (let pos = 0; pos < data.length; pos += readSize) {
    const { slot, view } = await router.acquire();
    const length = data.copy(view, 0, pos, Math.min(data.length, pos + readSize));
    router.dispatch(slot, view, length, false);
  }
  const stats = mergeRoutedCaptureStats(
    router.router.stats(),
    shards.map((s) => s.finish()),
  );
  return { events: lines(shards), stats, spilled };
}

/** Idle closes depend on each shard's own clock (see frame-router.util.spec.ts). */
const figures = (stats: CaptureStats) => ({ ...stats, tcp: { ...stats.tcp, closedIdle: 0 } });

describe(ShardRouter.name, () => {
  const captures = corpusCaptures().map((c) => c.capture);

  it.each([
    [3, 1024 * 1024, undefined],
    [2, 997, undefined],
    [4, 64, undefined],
    [2, 1024 * 1024, 5],
  ])(
    'should give every corpus capture the events and figures of one worker: %i workers, reads of %i bytes, index of %s frames',
    async (count, readSize, maxFrames) => {
      let spills = 0;
      for (const file of captures) {
        const data = readFileSync(file);
        const one = single(data);
        const many = await routed(data, count, readSize, maxFrames);
        expect({ file, events: many.events }).toEqual({ file, events: one.events });
        expect(figures(many.stats)).toEqual(figures(one.stats));
        spills += many.spilled;
      }
      // small reads split records across chunks, and a full index sends the rest of its chunk:
      // those frames must have travelled alone, and arrived; whole-file reads split none
      if (readSize < 1000 || maxFrames !== undefined) expect(spills).toBeGreaterThan(100);
      else expect(spills).toBe(0);
    },
  );
});
