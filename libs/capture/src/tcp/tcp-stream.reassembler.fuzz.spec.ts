import fc from 'fast-check';

import { type MemoryBudget } from '../http/memory-budget.type';
import { emptyTcpStats } from './tcp-stats.type';
import { TcpStreamReassembler } from './tcp-stream.reassembler';

function harness(maxHeld: number) {
  const chunks: Buffer[] = [];
  let gapBytes = 0;
  const budget: MemoryBudget = { used: 0, limit: 1 << 30 };
  const stats = emptyTcpStats();
  const stream = new TcpStreamReassembler(
    {
      data: (buf, offset, length) => {
        if (offset < 0 || length < 0 || offset + length > buf.length)
          throw new Error(`delivered outside its buffer: ${offset}+${length} of ${buf.length}`);
        chunks.push(Buffer.from(buf.subarray(offset, offset + length)));
      },
      gap: (length) => {
        if (length <= 0) throw new Error(`gap of ${length}`);
        // counted, not materialised: an acknowledgment far ahead declares up to 1 GiB lost
        gapBytes += length;
      },
    },
    budget,
    stats,
    maxHeld,
  );
  return { stream, budget, stats, out: () => Buffer.concat(chunks), gapBytes: () => gapBytes };
}

/** A stream cut into segments (with overlaps), each sent one or more times, in any order. */
const segmented = fc
  .record({
    isn: fc.nat({ max: 0xffffffff }),
    data: fc.uint8Array({ minLength: 1, maxLength: 3000 }),
    cuts: fc.array(fc.nat({ max: 3000 }), { maxLength: 40 }),
    overlap: fc.nat({ max: 16 }),
    dupes: fc.array(fc.nat(), { maxLength: 10 }),
  })
  .chain((s) => {
    const points = [...new Set([0, ...s.cuts.map((c) => c % s.data.length), s.data.length])].sort(
      (a, b) => a - b,
    );
    const segments = points.slice(0, -1).map((from, i) => {
      const start = Math.max(0, from - (i % 2 === 1 ? s.overlap : 0));
      return { offset: start, bytes: Buffer.from(s.data.subarray(start, points[i + 1])) };
    });
    const withDupes = [...segments, ...s.dupes.map((d) => segments[d % segments.length])];
    return fc
      .shuffledSubarray(withDupes, { minLength: withDupes.length, maxLength: withDupes.length })
      .map((order) => ({
        isn: s.isn,
        data: Buffer.from(s.data),
        order,
      }));
  });

const PAYLOAD = Buffer.alloc(2000, 1);

describe(`${TcpStreamReassembler.name} (property-based)`, () => {
  it('should rebuild the exact stream from segments in any order, duplicated and overlapping, across seq wrap', () => {
    fc.assert(
      fc.property(segmented, ({ isn, data, order }) => {
        const h = harness(1 << 20);
        h.stream.syn(isn);
        for (const seg of order)
          h.stream.segment((isn + 1 + seg.offset) >>> 0, seg.bytes, 0, seg.bytes.length, 0);
        h.stream.flush(0);
        expect(h.gapBytes()).toBe(0);
        expect(h.out().equals(data)).toBe(true);
        expect(h.stream.bufferedBytes).toBe(0);
        h.stream.release();
        expect(h.budget.used).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('should stay bounded and consistent on arbitrary segments, acks and FINs', () => {
    const event = fc.oneof(
      fc.record({
        kind: fc.constant('seg' as const),
        seq: fc.nat({ max: 0xffffffff }),
        len: fc.nat({ max: 2000 }),
      }),
      fc.record({
        kind: fc.constant('near' as const),
        delta: fc.integer({ min: -5000, max: 5000 }),
        len: fc.nat({ max: 2000 }),
      }),
      fc.record({ kind: fc.constant('ack' as const), delta: fc.integer({ min: -5000, max: 2 ** 31 - 1 }) }),
      fc.record({ kind: fc.constant('fin' as const), delta: fc.integer({ min: -100, max: 5000 }) }),
      fc.record({ kind: fc.constant('syn' as const), seq: fc.nat({ max: 0xffffffff }) }),
    );
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.array(event, { maxLength: 80 }),
        fc.integer({ min: 1, max: 8192 }),
        (base, events, maxHeld) => {
          const h = harness(maxHeld);
          for (const e of events) {
            switch (e.kind) {
              case 'seg':
                h.stream.segment(e.seq, PAYLOAD, 0, e.len, 0);
                break;
              case 'near':
                h.stream.segment((base + e.delta) >>> 0, PAYLOAD, 0, e.len, 0);
                break;
              case 'ack':
                h.stream.acknowledged((base + e.delta) >>> 0, 0);
                break;
              case 'fin':
                h.stream.fin((base + e.delta) >>> 0, 0);
                break;
              case 'syn':
                h.stream.syn(e.seq);
                break;
            }
            // held bytes never exceed the bound by more than one segment
            expect(h.stream.bufferedBytes).toBeLessThanOrEqual(maxHeld + 2000);
          }
          h.stream.flush(0);
          expect(h.stream.bufferedBytes).toBe(0);
          h.stream.release();
          expect(h.budget.used).toBe(0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
