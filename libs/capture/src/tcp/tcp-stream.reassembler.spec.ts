import { type MemoryBudget } from '../http/memory-budget.type';
import { emptyTcpStats } from './tcp-stats.type';
import { TcpStreamReassembler } from './tcp-stream.reassembler';

function setup(maxHeld = 1 << 20) {
  const out: string[] = [];
  const budget: MemoryBudget = { used: 0, limit: 1 << 30 };
  const stats = emptyTcpStats();
  const stream = new TcpStreamReassembler(
    {
      data: (buf, offset, length) => out.push(buf.toString('latin1', offset, offset + length)),
      gap: (length) => out.push(`<gap ${length}>`),
    },
    budget,
    stats,
    maxHeld,
  );
  const send = (seq: number, text: string) =>
    stream.segment(seq >>> 0, Buffer.from(text, 'latin1'), 0, text.length, 0);
  return { out, budget, stats, stream, send, text: () => out.join('') };
}

describe(TcpStreamReassembler.name, () => {
  it('should deliver in-order segments as they come', () => {
    const t = setup();
    t.stream.syn(99);
    t.send(100, 'GET ');
    t.send(104, '/ HTTP/1.1');
    expect(t.out).toEqual(['GET ', '/ HTTP/1.1']);
  });

  it('should hold out-of-order segments and place them when the hole fills', () => {
    const t = setup();
    t.stream.syn(99);
    t.send(108, 'CCCC');
    t.send(104, 'BBBB');
    expect(t.text()).toBe('');
    expect(t.budget.used).toBe(8);
    t.send(100, 'AAAA');
    expect(t.text()).toBe('AAAABBBBCCCC');
    expect(t.budget.used).toBe(0);
    expect(t.stats.outOfOrder).toBe(2);
  });

  it('should keep within its bound when the first held segment is empty (found by the property test)', () => {
    const t = setup(4);
    t.send(0, '');
    t.send(2, ''); // empty segments ahead are held too
    t.send(1, '');
    t.send(3, 'AAAAAA'); // over the bound: the hole up to the empty segment at 1 delivers nothing
    expect(t.stream.bufferedBytes).toBe(0);
    t.send(3, 'AAAAAABBBBBBBB');
    expect(t.stream.bufferedBytes).toBe(0);
    expect(t.text()).toBe('<gap 1><gap 1><gap 1>AAAAAABBBBBBBB');
    expect(t.budget.used).toBe(0);
  });

  it('should drop retransmissions and keep only the new tail of an overlap (first copy wins)', () => {
    const t = setup();
    t.stream.syn(99);
    t.send(100, 'AAAA');
    t.send(100, 'XXXX');
    t.send(102, 'XXBBBB');
    expect(t.text()).toBe('AAAABBBB');
    expect(t.stats.retransmitted).toBe(2);
  });

  it('should follow sequence numbers across the 2^32 wrap', () => {
    const t = setup();
    t.stream.syn(0xfffffffd);
    t.send(0xfffffffe, 'AB');
    t.send(2, 'DD');
    t.send(0, 'CC');
    expect(t.text()).toBe('ABCCDD');
  });

  it('should start at the first segment seen when the capture began mid-connection', () => {
    const t = setup();
    t.send(5000, 'HTTP/1.1 200 OK');
    t.send(5015, '\r\n');
    expect(t.text()).toBe('HTTP/1.1 200 OK\r\n');
  });

  it('should declare a gap once the peer acknowledged bytes the capture never saw', () => {
    const t = setup();
    t.stream.syn(99);
    t.send(100, 'AAAA');
    t.send(110, 'CCCC');
    t.stream.acknowledged(114, 0);
    expect(t.out).toEqual(['AAAA', '<gap 6>', 'CCCC']);
    expect(t.stats.gaps).toBe(1);
    expect(t.stats.gapBytes).toBe(6);
  });

  it('should not declare a gap for an acknowledgment of bytes still in flight without later data', () => {
    const t = setup();
    t.stream.syn(99);
    t.send(100, 'AAAA');
    t.stream.acknowledged(120, 0);
    t.send(104, 'BBBB');
    expect(t.text()).toBe('AAAABBBB');
  });

  it('should declare a gap when the held bytes pass the per-flow bound', () => {
    const t = setup(10);
    t.stream.syn(99);
    t.send(200, 'x'.repeat(8));
    expect(t.out).toEqual([]);
    t.send(208, 'y'.repeat(8));
    expect(t.out).toEqual(['<gap 100>', 'x'.repeat(8), 'y'.repeat(8)]);
    expect(t.budget.used).toBe(0);
  });

  it('should deliver what is held at the end, holes reported as gaps', () => {
    const t = setup();
    t.stream.syn(99);
    t.send(104, 'BBBB');
    t.send(112, 'DDDD');
    t.stream.flush(0);
    expect(t.out).toEqual(['<gap 4>', 'BBBB', '<gap 4>', 'DDDD']);
  });

  it('should know the direction finished once every byte up to the FIN was delivered', () => {
    const t = setup();
    t.stream.syn(99);
    t.send(104, 'BBBB');
    t.stream.fin(108, 0);
    expect(t.stream.finished).toBe(false);
    t.send(100, 'AAAA');
    expect(t.stream.finished).toBe(true);
  });

  it('should ignore a segment far outside the window', () => {
    const t = setup();
    t.stream.syn(99);
    t.send(100 + 2 ** 31 - 10, 'ZZZZ');
    expect(t.stats.outOfWindow).toBe(1);
    expect(t.budget.used).toBe(0);
  });
});
