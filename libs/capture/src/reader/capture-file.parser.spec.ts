import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { corpusFile } from '../testing/corpus-path.util';
import { type CapturedFrame, pcapFile, pcapngFile } from '../testing/frame-builder.util';
import { CaptureFileParser } from './capture-file.parser';

interface Seen {
  linkType: number;
  tsMs: number;
  hex: string;
}

function readAll(data: Buffer, chunk = data.length): { frames: Seen[]; parser: CaptureFileParser } {
  const frames: Seen[] = [];
  const parser = new CaptureFileParser({
    frame: (linkType, buf, offset, length, tsMs) =>
      frames.push({ linkType, tsMs, hex: buf.toString('hex', offset, offset + length) }),
  });
  for (let i = 0; i < data.length; i += chunk) parser.push(data.subarray(i, i + chunk));
  return { frames, parser };
}

const REAL = corpusFile('zeek', 'scripts.base.protocols.http.http-pipelining', 'pipelined-requests.pcap');
const reference = readAll(readFileSync(REAL)).frames;
const asCaptured = (frames: Seen[]): CapturedFrame[] =>
  frames.map((f) => ({ data: Buffer.from(f.hex, 'hex'), tsMs: f.tsMs }));

function hasEditcap(): boolean {
  try {
    execFileSync('editcap', ['-h'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe(CaptureFileParser.name, () => {
  it('should read every frame of a real tcpdump capture with its link type and timestamp', () => {
    expect(reference).toHaveLength(49);
    expect(reference.every((f) => f.linkType === 1)).toBe(true);
    expect(reference[0].tsMs).toBeGreaterThan(Date.UTC(2009, 0, 1));
    expect(reference[1].tsMs).toBeGreaterThanOrEqual(reference[0].tsMs);
  });

  it.each([
    ['little-endian microseconds', { bigEndian: false, nanos: false }],
    ['big-endian microseconds', { bigEndian: true, nanos: false }],
    ['little-endian nanoseconds', { bigEndian: false, nanos: true }],
    ['big-endian nanoseconds', { bigEndian: true, nanos: true }],
  ])('should read classic pcap written %s', (_name, options) => {
    const { frames, parser } = readAll(pcapFile(asCaptured(reference), 1, options));
    expect(parser.stats()).toMatchObject({ format: 'pcap', frames: 49, linkTypes: [1] });
    expect(frames.map((f) => f.hex)).toEqual(reference.map((f) => f.hex));
    frames.forEach((f, i) => expect(f.tsMs).toBeCloseTo(reference[i].tsMs, 3));
  });

  it.each([
    ['little-endian', false],
    ['big-endian', true],
  ])(
    'should read %s pcapng with two interfaces of different link types and resolutions, EPB and SPB',
    (_name, bigEndian) => {
      // odd frames go out on a raw-IP interface (link type 101): the Ethernet header is left off
      const frames = asCaptured(reference).map((f, i) => ({
        ...f,
        iface: i % 2,
        data: i % 2 ? f.data.subarray(14) : f.data,
      }));
      const file = pcapngFile(
        [...frames, { data: frames[0].data, tsMs: 0, simple: true }],
        [{ linkType: 1 }, { linkType: 101, tsresol: 9 }],
        { bigEndian },
      );
      const { frames: got, parser } = readAll(file, 333);
      expect(parser.stats()).toMatchObject({ format: 'pcapng', frames: 50 });
      expect(parser.stats().linkTypes.sort()).toEqual([1, 101]);
      expect(got.slice(0, 49).map((f) => f.linkType)).toEqual(reference.map((_, i) => (i % 2 ? 101 : 1)));
      expect(got.slice(0, 49).map((f) => f.hex)).toEqual(
        reference.map((f, i) => (i % 2 ? f.hex.slice(28) : f.hex)),
      );
      got.slice(0, 49).forEach((f, i) => expect(f.tsMs).toBeCloseTo(reference[i].tsMs, 3));
      // a Simple Packet Block has no timestamp: it takes the last one seen
      expect(got[49].tsMs).toBe(got[48].tsMs);
    },
  );

  it.each([1, 7, 16, 24, 1000])(
    'should yield the same frames when the stream arrives in %i-byte pieces',
    (chunk) => {
      const data = readFileSync(REAL);
      expect(readAll(data, chunk).frames).toEqual(reference);
    },
  );

  (hasEditcap() ? it : it.skip)(
    'should read pcapng and nanosecond pcap written by editcap (Wireshark)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'capture-spec-'));
      try {
        for (const format of ['pcapng', 'nsecpcap']) {
          const out = join(dir, `out.${format}`);
          execFileSync('editcap', ['-F', format, REAL, out]);
          const { frames, parser } = readAll(readFileSync(out), 4096);
          expect(parser.stats().format).toBe(format === 'pcapng' ? 'pcapng' : 'pcap');
          expect(frames.map((f) => f.hex)).toEqual(reference.map((f) => f.hex));
          frames.forEach((f, i) => expect(f.tsMs).toBeCloseTo(reference[i].tsMs, 3));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('should count the bytes of a record cut off at the end of a truncated file', () => {
    const data = readFileSync(REAL);
    const { frames, parser } = readAll(data.subarray(0, data.length - 10), 512);
    expect(frames).toHaveLength(48);
    expect(parser.stats().truncatedBytes).toBeGreaterThan(0);
    expect(parser.stats().error).toBeUndefined();
  });

  it.each([
    ['not a capture', Buffer.from('GET / HTTP/1.1\r\n\r\n'), /not a pcap or pcapng capture/],
    [
      'an impossible record length',
      Buffer.concat([pcapFile([], 1), Buffer.from('00000000000000000000ffff00000000', 'hex')]),
      /corrupt/,
    ],
    [
      'a pcapng block length that is not a multiple of 4',
      pcapngFile([], [{ linkType: 1 }]).fill(0x0d, 4, 5),
      /invalid/,
    ],
  ])('should stop with a reason on %s', (_name, data, reason) => {
    const { parser } = readAll(data);
    expect(parser.failed).toBe(true);
    expect(parser.stats().error).toMatch(reason);
  });
});
