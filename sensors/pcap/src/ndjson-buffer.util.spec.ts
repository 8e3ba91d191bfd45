import { NdjsonBuffer } from './ndjson-buffer.util';

const MiB = 1024 * 1024;

function lines(blocks: Array<{ data: Buffer; count: number }>): string[] {
  return blocks.flatMap((b) => b.data.toString('utf8').split('\n').slice(0, -1));
}

describe(NdjsonBuffer.name, () => {
  it.each([
    ['a few small events', 3, 10],
    ['events filling several blocks', 9_000, 700],
    ['multi-byte characters near block ends', 5_000, 500],
  ])('should give back %s byte for byte, one line each, counts matching', (_name, n, width) => {
    const buffer = new NdjsonBuffer();
    const events = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ i, text: (_name.startsWith('multi') ? 'é€😀' : 'x').repeat(width) }),
    );
    for (const e of events) buffer.add(e);
    const blocks = buffer.take();
    expect(lines(blocks)).toEqual(events);
    expect(blocks.reduce((sum, b) => sum + b.count, 0)).toBe(n);
    expect(buffer.take()).toEqual([]);
    expect(buffer.size).toBe(0);
  });

  it('should give an event larger than a block a block of its own', () => {
    const buffer = new NdjsonBuffer();
    const big = JSON.stringify({ body: 'y'.repeat(3 * MiB) });
    buffer.add('{"a":1}');
    buffer.add(big);
    buffer.add('{"b":2}');
    const blocks = buffer.take();
    expect(lines(blocks)).toEqual(['{"a":1}', big, '{"b":2}']);
    expect(blocks.reduce((sum, b) => sum + b.count, 0)).toBe(3);
    expect(blocks[0].count).toBe(1); // the open block was sealed, not grown
  });

  it('should write into recycled blocks instead of fresh memory', () => {
    const buffer = new NdjsonBuffer();
    buffer.add('{"first":true}');
    const [first] = buffer.take();
    const memory = Buffer.from(first.data.buffer);
    buffer.recycle(memory);
    buffer.add('{"filler":true}');
    const event = JSON.stringify({ pad: 'z'.repeat(1000) });
    // fill the open block so that the next one comes from the spare list
    while (buffer.size < 2 * MiB - 2000) buffer.add(event);
    buffer.add(JSON.stringify({ pad: 'w'.repeat(4000) }));
    const blocks = buffer.take();
    expect(blocks.some((b) => b.data.buffer === memory.buffer)).toBe(true);
  });

  it('should not keep blocks of another size for reuse', () => {
    const buffer = new NdjsonBuffer();
    const odd = Buffer.allocUnsafe(1000);
    buffer.recycle(odd);
    buffer.add('{"x":1}');
    for (const block of buffer.take()) expect(block.data.buffer).not.toBe(odd.buffer);
  });
});
