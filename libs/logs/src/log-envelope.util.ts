/**
 * The log line inside a shipper's JSON wrapper: Docker's json-file driver writes
 * `{"log":"<line>\n","stream":"stdout","time":...}`, Kubernetes collectors and Elastic write
 * `{"message":"<line>", "kubernetes": {...}}`. Anything else is returned unchanged.
 */
export function unwrapLogEnvelope(line: string): string {
  if (line.charCodeAt(0) !== 0x7b) return line;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof value !== 'object' || value === null) return line;
  const inner =
    (value as { log?: unknown; message?: unknown }).log ?? (value as { message?: unknown }).message;
  return typeof inner === 'string' ? inner.replace(/\r?\n$/, '') : line;
}
