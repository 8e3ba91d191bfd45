import fc from 'fast-check';

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; other: number; from: number }
  | { op: 'repeat'; at: number; length: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; length: number };

const position = fc.nat({ max: 0xffffffff });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: position, bit: fc.nat({ max: 7 }) }),
  fc.record({
    op: fc.constant('set' as const),
    at: position,
    value: fc.constantFrom(0, 0xff, 0x7f, 0x80, 1),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('splice' as const), at: position, other: position, from: position }),
  fc.record({ op: fc.constant('repeat' as const), at: position, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ op: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 256 }) }),
);

function apply(input: Buffer, m: Mutation, seeds: readonly Buffer[]): Buffer {
  if (input.length === 0) return input;
  const at = m.at % input.length;
  switch (m.op) {
    case 'flip': {
      const out = Buffer.from(input);
      out[at] ^= 1 << m.bit;
      return out;
    }
    case 'set': {
      const out = Buffer.from(input);
      out[at] = m.value;
      return out;
    }
    case 'truncate':
      return input.subarray(0, at);
    case 'splice': {
      const other = seeds[m.other % seeds.length];
      return Buffer.concat([
        input.subarray(0, at),
        other.subarray(other.length === 0 ? 0 : m.from % other.length),
      ]);
    }
    case 'repeat':
      return Buffer.concat([input.subarray(0, at + m.length), input.subarray(at)]);
    case 'insert':
      return Buffer.concat([input.subarray(0, at), Buffer.from(m.bytes), input.subarray(at)]);
    case 'delete':
      return Buffer.concat([input.subarray(0, at), input.subarray(at + m.length)]);
  }
}

/**
 * Real inputs (captures, logs, specs) broken the ways files break: bits flipped, truncated anywhere,
 * spliced with another seed, ranges repeated, inserted or deleted. The shrinker walks back towards
 * the seed, so a failure shrinks to a small mutation of a real file.
 */
export function mutatedFrom(seeds: readonly Buffer[], maxMutations = 6): fc.Arbitrary<Buffer> {
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      mutations: fc.array(mutation, { minLength: 1, maxLength: maxMutations }),
    })
    .map(({ seed, mutations }) => mutations.reduce((b, m) => apply(b, m, seeds), seeds[seed]));
}
