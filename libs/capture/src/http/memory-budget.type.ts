/**
 * Bytes held across all flows of one engine (out-of-order segments, partial heads, kept bodies).
 * Holders add and subtract as they keep and release; the engine evicts the oldest flows when
 * `used` passes `limit`.
 */
export interface MemoryBudget {
  used: number;
  limit: number;
}
