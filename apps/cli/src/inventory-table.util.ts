import { type InventoryDocument } from '@apiscope/inventory';

/** A fixed-width text table of the inventory for terminals (`analyze --format table`). */
export function formatInventoryTable(doc: InventoryDocument): string {
  const rows = [['SERVICE', 'METHOD', 'PATH', 'CALLS', 'AUTH', 'FLAGS']];
  for (const service of doc.services) {
    for (const e of service.endpoints)
      rows.push([service.name, e.method, e.path, String(e.calls), e.auth.status, e.flags.join(',')]);
  }
  const widths = rows[0].map((_, col) => Math.min(80, Math.max(...rows.map((r) => r[col].length))));
  return `${rows
    .map((r) =>
      r
        .map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
