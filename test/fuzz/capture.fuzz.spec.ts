import fc from 'fast-check';

import { mutatedFrom } from '../support/byte-mutator';
import { FUZZ_TARGETS, captureSeeds } from './fuzz-targets';

const seeds = captureSeeds();

/** The pcap/pcapng reader, link/IP/TCP decoding, reassembly and HTTP parsing, end to end. */
describe('capture fuzzing (pcap and pcapng reader, TCP reassembly, HTTP parser)', () => {
  it('should read every seed cleanly (the seeds are real captures with HTTP in them)', () => {
    for (const seed of seeds) expect(() => FUZZ_TARGETS.capture(seed)).not.toThrow();
  });

  it('should hold on real captures bit-flipped, truncated, spliced and cut into random chunks', () => {
    fc.assert(
      fc.property(mutatedFrom(seeds), fc.integer({ min: 1, max: 9000 }), (input, chunk) => {
        FUZZ_TARGETS.capture(input, chunk);
      }),
      { numRuns: 2500 },
    );
  });

  it('should hold on random bytes behind a valid pcap or pcapng header', () => {
    const headers = seeds.map((s) => s.subarray(0, s[0] === 0x0a ? 28 : 24));
    fc.assert(
      fc.property(fc.constantFrom(...headers), fc.uint8Array({ maxLength: 2048 }), (header, rest) => {
        FUZZ_TARGETS.capture(Buffer.concat([header, Buffer.from(rest)]));
      }),
      { numRuns: 2500 },
    );
  });
});
