import { RequestValidationException } from '../problem/validation.exception';
import { type CursorShape, decodeCursor, encodeCursor } from './cursor.util';
import { DEFAULT_PAGE_SIZE } from './page-query.dto';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The cursor's values, or a 400 naming the field when it is not one this list produced. */
export function readCursor(
  cursor: string | undefined,
  shape: CursorShape,
): Array<string | number> | undefined {
  if (cursor === undefined) return undefined;
  const values = decodeCursor(cursor, shape);
  if (!values)
    throw new RequestValidationException([
      { field: 'cursor', problem: 'cursor is not one this API returned' },
    ]);
  return values;
}

/** Callers fetch `limit + 1` rows: the extra one says whether a next page exists. */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  view: (row: R) => T,
  sortKey: (row: R) => Array<string | number>,
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortKey(last)) : null,
  };
}

export const pageSize = (limit: number | undefined): number => limit ?? DEFAULT_PAGE_SIZE;
