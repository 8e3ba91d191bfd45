import { type KeyboardEvent, type MouseEvent, type ReactNode, useEffect, useRef, useState } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'right';
  width?: string;
  /** present: the header is a sort button */
  sortable?: boolean;
}

export interface DataTableProps<T> {
  /** what the table lists, for screen readers */
  caption: string;
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Enter or a click on a row */
  onActivate?: (row: T) => void;
  sort?: { key: string; desc: boolean };
  onSort?: (key: string) => void;
  /** shown instead of the body when there are no rows */
  empty?: ReactNode;
  /** dims the rows while the next data loads */
  busy?: boolean;
}

const PAGE_STEP = 10;

/** Keys that move the active row, and where they move it. */
function nextIndex(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
    case 'k':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, index + PAGE_STEP);
    case 'PageUp':
      return Math.max(0, index - PAGE_STEP);
    default:
      return undefined;
  }
}

/**
 * The catalog's table. Keyboard: Tab enters the table on one row (roving tabindex), arrows or j/k
 * move, Home/End and PageUp/PageDown jump, Enter opens the row. Sortable headers are buttons with
 * aria-sort. Interactive content inside a row (links) stays out of the tab order: the row is the stop.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  onActivate,
  sort,
  onSort,
  empty,
  busy = false,
}: DataTableProps<T>) {
  const [active, setActive] = useState(0);
  const rowRefs = useRef<Array<HTMLTableRowElement | null>>([]);
  const current = Math.min(active, Math.max(0, rows.length - 1));

  useEffect(() => {
    if (active >= rows.length && rows.length > 0) setActive(rows.length - 1);
  }, [active, rows.length]);

  const move = (to: number) => {
    setActive(to);
    rowRefs.current[to]?.focus();
    rowRefs.current[to]?.scrollIntoView?.({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    if (event.target !== event.currentTarget) return; // keys typed in a control inside the row
    if (event.key === 'Enter' && onActivate) {
      event.preventDefault();
      onActivate(row);
      return;
    }
    const to = nextIndex(event.key, index, rows.length);
    if (to !== undefined) {
      event.preventDefault();
      move(to);
    }
  };

  const onClick = (event: MouseEvent<HTMLTableRowElement>, index: number, row: T) => {
    setActive(index);
    // a click on a link inside the row is that link's; elsewhere it opens the row
    if ((event.target as HTMLElement).closest('a, button, input, select')) return;
    onActivate?.(row);
  };

  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy || undefined} style={busy ? { opacity: 0.55 } : undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort?.key === column.key;
              const ariaSort = sorted ? (sort.desc ? 'descending' : 'ascending') : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.align === 'right' ? 'right' : undefined}
                  style={column.width ? { width: column.width } : undefined}
                  aria-sort={column.sortable ? (ariaSort ?? 'none') : undefined}
                >
                  {column.sortable && onSort ? (
                    <button type="button" onClick={() => onSort(column.key)}>
                      {column.header}
                      <span className="sort" aria-hidden="true">
                        {sorted && sort.desc ? '▼' : '▲'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== undefined ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr
                key={rowKey(row)}
                ref={(el) => {
                  rowRefs.current[index] = el;
                }}
                tabIndex={index === current ? 0 : -1}
                className={onActivate ? 'clickable' : undefined}
                aria-rowindex={index + 2}
                onKeyDown={(event) => onKeyDown(event, index, row)}
                onClick={(event) => onClick(event, index, row)}
                onFocus={() => setActive(index)}
              >
                {columns.map((column) => (
                  <td key={column.key} className={column.align === 'right' ? 'right' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
