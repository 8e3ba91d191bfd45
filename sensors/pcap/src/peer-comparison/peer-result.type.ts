/** One capture compared with one peer: how many of the peer's items we matched, and which not. */
export interface PeerResult {
  /** Items the peer expects (request rows, event checks, sessions). */
  total: number;
  matched: number;
  /** Items matched on every compared field, not only the key ones. */
  fullyMatched: number;
  /** Stable ids of what did not match, with what differed (ids are documented in PEER-COMPARISON.md). */
  mismatches: Array<{ id: string; detail: string }>;
  /** Items the peer logs that are outside what an ApiCall can carry, counted apart. */
  notComparable: number;
}
