import { Inject, Injectable } from '@nestjs/common';

import { type InventoryDocument } from '@apiscope/inventory';

import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';
import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { type ListServicesQueryDto } from './list-services-query.dto';
import { type ServiceDto } from './service-list.dto';

/** Summaries of one (cached, shared) document, by name: derived once per document, not per request. */
const summaries = new WeakMap<InventoryDocument, ServiceDto[]>();

function summarise(doc: InventoryDocument): ServiceDto[] {
  const rows: ServiceDto[] = [];
  for (const service of doc.services) {
    const seen = service.endpoints.filter((e) => e.calls > 0);
    if (seen.length === 0) continue;
    const firsts = seen
      .map((e) => e.firstSeen ?? '')
      .filter(Boolean)
      .sort();
    const lasts = seen
      .map((e) => e.lastSeen ?? '')
      .filter(Boolean)
      .sort();
    rows.push({
      name: service.name,
      endpoints: seen.length,
      calls: seen.reduce((n, e) => n + e.calls, 0),
      firstSeen: firsts[0] ?? '',
      lastSeen: lasts[lasts.length - 1] ?? '',
    });
  }
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Services with counts of their resolved endpoints (stored keys may be older, finer templates of
 * one endpoint, so counting storage rows would overcount), by name, keyset-paginated. Services
 * known only from a reference spec have no traffic and are not listed here.
 */
@Injectable()
export class ListServicesUseCase {
  constructor(@Inject(GetInventoryUseCase) private readonly inventory: GetInventoryUseCase) {}

  async execute(q: ListServicesQueryDto): Promise<Page<ServiceDto>> {
    const limit = pageSize(q.limit);
    const after = readCursor(q.cursor, ['string']);
    const doc = await this.inventory.execute();
    let all = summaries.get(doc);
    if (!all) summaries.set(doc, (all = summarise(doc)));
    const rows: ServiceDto[] = [];
    for (const service of all) {
      if (rows.length > limit) break;
      if (q.prefix !== undefined && !service.name.startsWith(q.prefix)) continue;
      if (after && service.name <= String(after[0])) continue;
      rows.push(service);
    }
    return toPage(
      rows,
      limit,
      (s) => s,
      (s) => [s.name],
    );
  }
}
