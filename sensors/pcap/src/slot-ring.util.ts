/**
 * Fixed slots of one SharedArrayBuffer handed to worker threads: a slot is taken (held by the
 * thread that fills it), sent to workers (one hold per message), and free again once every hold
 * is released. At most `slots` are in flight, which bounds memory and paces the filling thread.
 */
export class SlotRing {
  readonly buffer: SharedArrayBuffer;
  private readonly holders: number[];
  private waiting: Array<() => void> = [];

  constructor(
    readonly slotSize: number,
    readonly slots: number,
  ) {
    this.buffer = new SharedArrayBuffer(slotSize * slots);
    this.holders = new Array<number>(slots).fill(0);
  }

  /** A free slot, waiting while all are held; throws what `failure` returns once it is set. */
  async acquire(failure: () => Error | undefined): Promise<number> {
    for (;;) {
      const error = failure();
      if (error !== undefined) throw error;
      const slot = this.holders.indexOf(0);
      if (slot !== -1) {
        this.holders[slot] = 1; // the filling thread's own hold, released once the slot is sent
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  view(slot: number): Buffer {
    return Buffer.from(this.buffer, slot * this.slotSize, this.slotSize);
  }

  /** The slot was sent in `messages` more messages, each to be released. */
  hold(slot: number, messages: number): void {
    this.holders[slot] += messages;
  }

  release(slot: number): void {
    if (--this.holders[slot] === 0) this.wake();
  }

  /** Wakes every waiter (to see a failure). */
  wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
