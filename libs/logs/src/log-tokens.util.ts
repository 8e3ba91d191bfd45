export interface LogTokens {
  values: string[];
  /** Whether each value was written in double quotes (layouts are told apart by it). */
  quoted: boolean[];
}

/**
 * Splits a space-separated log line whose fields may be `"quoted"` or `[bracketed]` (Envoy, ALB).
 * Neither writer escapes quotes inside a field, so a quoted field ends at a `"` followed by a space or
 * the end of the line: a User-Agent with a quote inside still comes out whole. Undefined when a
 * quote or bracket is never closed.
 */
export function tokenizeLogLine(line: string): LogTokens | undefined {
  const values: string[] = [];
  const quoted: boolean[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    if (line.charCodeAt(i) === 0x20) {
      i++;
      continue;
    }
    const c = line.charCodeAt(i);
    let end: number;
    if (c === 0x22) {
      end = i;
      do {
        end = line.indexOf('"', end + 1);
        if (end === -1) return undefined;
      } while (end + 1 < n && line.charCodeAt(end + 1) !== 0x20);
      values.push(line.slice(i + 1, end));
      quoted.push(true);
      i = end + 1;
    } else if (c === 0x5b) {
      end = line.indexOf(']', i);
      if (end === -1) return undefined;
      values.push(line.slice(i + 1, end));
      quoted.push(false);
      i = end + 1;
    } else {
      end = line.indexOf(' ', i);
      if (end === -1) end = n;
      values.push(line.slice(i, end));
      quoted.push(false);
      i = end;
    }
  }
  return { values, quoted };
}
