/**
 * Opaque keyset cursors: base64url of a JSON array of the sort key of a page's last item. A cursor
 * is checked against the shape its list expects, so a forged or foreign cursor is a 400, never a
 * query with odd values.
 */
export type CursorShape = ReadonlyArray<'string' | 'number'>;
type CursorValues = Array<string | number>;

const MAX_CURSOR_CHARS = 8192;

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values when `cursor` is one of this shape; undefined otherwise. */
export function decodeCursor(cursor: string, shape: CursorShape): CursorValues | undefined {
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== shape.length) return undefined;
    const ok = value.every((v, i) =>
      shape[i] === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string',
    );
    return ok ? (value as CursorValues) : undefined;
  } catch {
    return undefined;
  }
}
