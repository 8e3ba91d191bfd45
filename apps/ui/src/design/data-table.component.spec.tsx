import { afterEach, describe, expect, it, vi } from 'vitest';

import { click, press, render, type Rendered } from '../testing/render.util';
import { type Column, DataTable } from './data-table.component';

interface Row {
  id: string;
  calls: number;
}

const rows: Row[] = Array.from({ length: 25 }, (_, i) => ({ id: `row-${i}`, calls: i * 3 }));
const columns: Array<Column<Row>> = [
  { key: 'id', header: 'Id', cell: (r) => r.id },
  { key: 'calls', header: 'Calls', sortable: true, align: 'right', cell: (r) => String(r.calls) },
];

describe(DataTable.name, () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  const bodyRows = () => [...(view?.container.querySelectorAll('tbody tr') ?? [])] as HTMLTableRowElement[];
  const focusedIndex = () => bodyRows().indexOf(document.activeElement as HTMLTableRowElement);

  it('should make exactly one row a tab stop', () => {
    view = render(<DataTable caption="t" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(
      bodyRows()
        .map((r) => r.tabIndex)
        .filter((t) => t === 0),
    ).toHaveLength(1);
    expect(bodyRows()[0].tabIndex).toBe(0);
  });

  it.each([
    // [keys pressed from the first row, row focused at the end]
    [['ArrowDown'], 1],
    [['ArrowDown', 'ArrowDown', 'ArrowUp'], 1],
    [['ArrowUp'], 0],
    [['j', 'j', 'j', 'k'], 2],
    [['End'], 24],
    [['End', 'Home'], 0],
    [['PageDown'], 10],
    [['PageDown', 'PageDown', 'PageDown'], 24],
    [['End', 'PageUp'], 14],
  ])('should move the focus with %j to row %i', (keys, expected) => {
    view = render(<DataTable caption="t" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    bodyRows()[0].focus();
    for (const key of keys) press(document.activeElement as Element, key);
    expect(focusedIndex()).toBe(expected);
    expect(bodyRows()[expected].tabIndex).toBe(0);
  });

  it('should open the focused row with Enter and a clicked row with a click', () => {
    const onActivate = vi.fn();
    view = render(
      <DataTable caption="t" columns={columns} rows={rows} rowKey={(r) => r.id} onActivate={onActivate} />,
    );
    bodyRows()[0].focus();
    press(bodyRows()[0], 'ArrowDown');
    press(document.activeElement as Element, 'Enter');
    expect(onActivate).toHaveBeenLastCalledWith(rows[1]);
    click(bodyRows()[7].cells[1]);
    expect(onActivate).toHaveBeenLastCalledWith(rows[7]);
  });

  it('should leave a click on a link inside a row to the link', () => {
    const onActivate = vi.fn();
    const linked: Array<Column<Row>> = [
      { key: 'id', header: 'Id', cell: (r) => <a href={`#${r.id}`}>{r.id}</a> },
    ];
    view = render(
      <DataTable caption="t" columns={linked} rows={rows} rowKey={(r) => r.id} onActivate={onActivate} />,
    );
    click(bodyRows()[3].querySelector('a') as HTMLAnchorElement);
    expect(onActivate).not.toHaveBeenCalled();
  });

  it('should expose the sort on the header and ask for a new one on click', () => {
    const onSort = vi.fn();
    view = render(
      <DataTable
        caption="t"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        sort={{ key: 'calls', desc: true }}
        onSort={onSort}
      />,
    );
    const headers = view.container.querySelectorAll('th');
    expect(headers[0].getAttribute('aria-sort')).toBeNull();
    expect(headers[1].getAttribute('aria-sort')).toBe('descending');
    click(headers[1].querySelector('button') as HTMLButtonElement);
    expect(onSort).toHaveBeenCalledWith('calls');
  });

  it('should show the empty state when there are no rows', () => {
    view = render(
      <DataTable caption="t" columns={columns} rows={[]} rowKey={(r) => r.id} empty={<p>nothing here</p>} />,
    );
    expect(view.container.querySelector('tbody')?.textContent).toBe('nothing here');
  });
});
