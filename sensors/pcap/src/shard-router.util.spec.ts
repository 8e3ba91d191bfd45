import { readFileSync } from 'node:fs';

import { type CaptureStats, mergeCaptureStats, mergeRoutedCaptureStats } from '@apiscope/capture';

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

/** `count` shards that each read the whole capture and keep their own connections. */
function unrouted(data: Buffer, count: number) {
  const shards = Array.from(
    { length: count },
    (_, shardIndex) => new CaptureShard({ ...options, shardIndex, shardCount: count }),
  );
  for (const shard of shards) shard.push(data);
  const stats = mergeCaptureStats(shards.map((s) => s.finish()));
  return { events: lines(shards), stats };
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

  // against shards that each read everything (as before routing): with corrupted timestamps a
  // shard's clock, which only its own packets move, can close a connection at another time than
  // one engine's clock, so one worker is not the reference there
  it('should agree with unrouted shards on cut and corrupted captures, and never throw', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (const file of captures.slice(0, 40)) {
      const data = Buffer.from(readFileSync(file));
      for (let i = 0; i < 20; i++) data[24 + random(data.length - 24)] = random(256);
      const cut = data.subarray(0, random(data.length));
      const all = unrouted(cut, 3);
      const many = await routed(cut, 3, 4096);
      expect({ file, events: many.events }).toEqual({ file, events: all.events });
      expect(many.stats).toEqual(all.stats);
    }
  });
});
