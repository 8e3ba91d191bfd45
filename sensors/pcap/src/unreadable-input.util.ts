import { type CaptureStats } from '@apiscope/capture';

/**
 * Why the input is not a capture at all (bad input: the command exits 2), or undefined. A valid
 * capture without packets is not bad input: the summary says it held none.
 */
export function unreadableInput(stats: CaptureStats): string | undefined {
  if (stats.read.frames > 0) return undefined;
  if (stats.read.error !== undefined) return stats.read.error;
  if (stats.bytes === 0) return 'empty input, not a capture';
  if (stats.read.format === 'unknown')
    return `${stats.bytes} bytes, too short to be a pcap or pcapng capture`;
  if (stats.read.linkTypes.length === 0 && stats.read.truncatedBytes > 0)
    return `${stats.bytes} bytes, the ${stats.read.format} file header is cut short`;
  return undefined;
}
