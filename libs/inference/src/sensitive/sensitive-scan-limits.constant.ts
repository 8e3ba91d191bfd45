/** Bounds on the work one call may cost, whatever its bodies hold (hostile input must stay cheap). */
export interface SensitiveScanLimits {
  /** Longer bodies are scanned up to this many characters, as if truncated. */
  maxBodyChars: number;
  /** Deeper JSON is not descended into. */
  maxDepth: number;
  /** JSON values (containers and leaves) visited per body. */
  maxNodes: number;
  /** Items read per array; one path (`$.items[*].email`) names them all, so the first ones suffice. */
  maxArrayItems: number;
  /** Members read per object. */
  maxObjectKeys: number;
  /** Query, header, cookie and form pairs read per part. */
  maxFields: number;
}

export const DEFAULT_SENSITIVE_SCAN_LIMITS: Readonly<SensitiveScanLimits> = {
  maxBodyChars: 1 << 20,
  maxDepth: 32,
  maxNodes: 20_000,
  maxArrayItems: 100,
  maxObjectKeys: 1_000,
  maxFields: 500,
};
