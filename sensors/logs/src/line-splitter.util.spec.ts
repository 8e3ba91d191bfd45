import { LineSplitter } from './line-splitter.util';

interface Seen {
  lines: Array<[string, number, number]>;
  tooLong: Array<[number, number]>;
}

/** Feeds `text` in chunks of `size` bytes; records each line with its number and end offset. */
function split(text: string | Buffer, size: number, maxLineBytes = 1024): Seen {
  const seen: Seen = { lines: [], tooLong: [] };
  const splitter: LineSplitter = new LineSplitter({
    maxLineBytes,
    onLine: (line, n) => seen.lines.push([line, n, splitter.offsetAfter()]),
    onTooLong: (n, bytes) => seen.tooLong.push([n, bytes]),
  });
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size));
  splitter.end();
  return seen;
}

describe(LineSplitter.name, () => {
  const text = 'GET /a\r\nPOST /caf\u00e9\n\nlast without break';

  it.each([1, 2, 3, 5, 7, 64])(
    'should cut the same lines and offsets whatever the chunk size (%i bytes)',
    (size) => {
      expect(split(text, size)).toEqual({
        lines: [
          ['GET /a', 1, 8],
          ['POST /caf\u00e9', 2, 20],
          ['', 3, 21],
          ['last without break', 4, 39],
        ],
        tooLong: [],
      });
    },
  );

  it('should report an over-long line by number and size without keeping it, then go on', () => {
    const long = `a\n${'x'.repeat(5000)}\nb\n`;
    for (const size of [3, 100, 10_000]) {
      expect(split(long, size, 1024)).toEqual({
        lines: [
          ['a', 1, 2],
          ['b', 3, 5005],
        ],
        tooLong: [[2, 5000]],
      });
    }
  });

  it('should resume numbering and offsets where a saved read stopped', () => {
    const seen: Array<[string, number, number]> = [];
    const splitter: LineSplitter = new LineSplitter({
      maxLineBytes: 100,
      firstLine: 41,
      startOffset: 1000,
      onLine: (line, n) => seen.push([line, n, splitter.offsetAfter()]),
      onTooLong: () => undefined,
    });
    splitter.push(Buffer.from('x\nyz\npartial'));
    expect(seen).toEqual([
      ['x', 42, 1002],
      ['yz', 43, 1005],
    ]);
    expect([splitter.offset, splitter.pendingBytes]).toEqual([1005, 7]);
  });
});
