import { type BusEvent, type EventVerdict } from './bus.type';
import { InProcessBus } from './in-process.bus';
import { TransportException, TransportExceptionCode } from './transport.exception';

const events = (n: number, tag = 'e'): BusEvent[] =>
  Array.from({ length: n }, (_, i) => ({ payload: `${tag}${i}`, source: 'test' }));

describe(InProcessBus.name, () => {
  it('should coalesce queued publishes into one batch and split the verdicts back', async () => {
    const bus = new InProcessBus({ maxBatchEvents: 100 });
    const batches: number[] = [];
    const a = bus.publish(events(3, 'a'));
    const b = bus.publish(events(2, 'b'));
    bus.subscribe((batch) => {
      batches.push(batch.length);
      return Promise.resolve(
        batch.map((e): EventVerdict => (e.payload === 'a1' || e.payload === 'b0' ? 'bad' : null)),
      );
    });
    expect(await a).toEqual({ accepted: 2, rejected: 1, rejections: [{ index: 1, reason: 'bad' }] });
    expect(await b).toEqual({ accepted: 1, rejected: 1, rejections: [{ index: 0, reason: 'bad' }] });
    expect(batches).toEqual([5]);
    expect(bus.stats()).toEqual({
      pendingEvents: 0,
      processedEvents: 5,
      batches: 1,
      failedBatches: 0,
      refusedEvents: 0,
      publishedEvents: 5,
      failedEvents: 0,
    });
  });

  it('should cap coalesced batches at maxBatchEvents but never split one publish', async () => {
    const bus = new InProcessBus({ maxBatchEvents: 4 });
    const sizes: number[] = [];
    const all = [bus.publish(events(3)), bus.publish(events(3)), bus.publish(events(6))];
    bus.subscribe((batch) => {
      sizes.push(batch.length);
      return Promise.resolve(batch.map(() => null));
    });
    await Promise.all(all);
    expect(sizes).toEqual([3, 3, 6]);
  });

  it('should refuse to queue past maxPendingEvents with a retriable error', async () => {
    const bus = new InProcessBus({ maxPendingEvents: 5 });
    const first = bus.publish(events(5));
    await expect(bus.publish(events(1))).rejects.toMatchObject({
      code: TransportExceptionCode.BUS_OVERLOADED,
      retriable: true,
    });
    bus.subscribe((batch) => Promise.resolve(batch.map(() => null)));
    await expect(first).resolves.toMatchObject({ accepted: 5 });
    await expect(bus.publish(events(1))).resolves.toMatchObject({ accepted: 1 });
  });

  it('should reject the publishers of a batch whose handler failed, and carry on', async () => {
    const bus = new InProcessBus();
    let fail = true;
    bus.subscribe((batch) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('storage down'));
      }
      return Promise.resolve(batch.map(() => null));
    });
    await expect(bus.publish(events(2))).rejects.toThrow('storage down');
    await expect(bus.publish(events(2))).resolves.toMatchObject({ accepted: 2 });
    expect(bus.stats().failedBatches).toBe(1);
  });

  it('should finish queued work on close and refuse new work after it', async () => {
    const bus = new InProcessBus();
    let stored = 0;
    bus.subscribe(async (batch) => {
      await new Promise((r) => setTimeout(r, 5));
      stored += batch.length;
      return batch.map(() => null);
    });
    const pending = bus.publish(events(4));
    await bus.close();
    expect(stored).toBe(4);
    await expect(pending).resolves.toMatchObject({ accepted: 4 });
    await expect(bus.publish(events(1))).rejects.toBeInstanceOf(TransportException);
  });
});
