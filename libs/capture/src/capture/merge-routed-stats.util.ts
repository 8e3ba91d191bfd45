import { DECODE_STATUS_NAMES } from '../packet/decoded-packet.type';
import { type CaptureStats } from './capture-stats.type';
import { type RouterStats } from './frame-router.util';
import { mergeCaptureStats } from './merge-capture-stats.util';

/**
 * Figures of shards fed by a FrameRouter: the input is the router's, each frame's decoding was
 * counted once (by the router for frames without TCP, by the owning shard for segments, by shard 0
 * for fragments), and fragments, which every shard reassembles, are shard 0's.
 */
export function mergeRoutedCaptureStats(router: RouterStats, shards: readonly CaptureStats[]): CaptureStats {
  const merged = mergeCaptureStats(shards);
  merged.bytes = router.bytes;
  merged.read = structuredClone(router.read);
  // in the decoder's order, as one engine lists them
  const decode: Record<string, number> = {};
  for (const status of Object.values(DECODE_STATUS_NAMES)) {
    const n = shards.reduce((sum, s) => sum + (s.decode[status] ?? 0), router.decode[status] ?? 0);
    if (n > 0) decode[status] = n;
  }
  merged.decode = decode;
  return merged;
}
