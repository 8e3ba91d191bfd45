import { Inject, Injectable } from '@nestjs/common';

import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';
import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { RequestValidationException } from '../problem/validation.exception';
import { EndpointIndex, type ServiceEndpoint, sortKeyOf } from './endpoint-index.util';
import { type EndpointSort } from './endpoint-sort.constant';
import { type ListEndpointsQueryDto } from './list-endpoints-query.dto';

export type { ServiceEndpoint } from './endpoint-index.util';
export type EndpointPage = Page<ServiceEndpoint>;

/**
 * Endpoints filtered and sorted, one keyset page at a time. Templates are resolved at read time
 * (stored keys may be older, finer templates) and reference specs add their templates, flags and
 * orphans, so the page is cut from the resolved inventory (cached per version of its inputs) rather
 * than in SQL. The cursor carries its sort, so a cursor of one order is refused by another instead
 * of skipping or repeating rows.
 */
@Injectable()
export class ListEndpointsUseCase {
  constructor(@Inject(GetInventoryUseCase) private readonly inventory: GetInventoryUseCase) {}

  async execute(q: ListEndpointsQueryDto): Promise<EndpointPage> {
    const limit = pageSize(q.limit);
    const sort: EndpointSort = q.sort ?? 'path';
    const cursor = readCursor(q.cursor, ['string', 'number', 'string', 'string', 'string']);
    if (cursor && cursor[0] !== sort)
      throw new RequestValidationException([
        { field: 'cursor', problem: `cursor belongs to sort=${String(cursor[0])}, not sort=${sort}` },
      ]);
    const index = await this.index();
    const { rows } = index.sorted(sort);
    const method = q.method?.toUpperCase();
    const contains = q.pathContains?.toLowerCase();
    const matches = (e: ServiceEndpoint): boolean =>
      (q.service === undefined || e.service === q.service) &&
      (method === undefined || e.method === method) &&
      (q.pathPrefix === undefined || e.path.startsWith(q.pathPrefix)) &&
      (q.flag === undefined || e.flags.includes(q.flag)) &&
      (q.auth === undefined || e.auth.status === q.auth) &&
      (contains === undefined || e.path.toLowerCase().includes(contains)) &&
      (q.class === undefined || e.sensitive.some((s) => s.class === q.class));
    // in path order one service's endpoints are contiguous: start at the service, stop after it
    let start = cursor ? index.after(sort, cursor) : 0;
    if (sort === 'path' && q.service !== undefined)
      start = Math.max(start, index.after(sort, ['path', 0, q.service, '', '']));
    const page: ServiceEndpoint[] = [];
    for (let i = start; i < rows.length && page.length <= limit; i++) {
      if (sort === 'path' && q.service !== undefined && rows[i].service > q.service) break;
      if (matches(rows[i])) page.push(rows[i]);
    }
    return toPage(
      page,
      limit,
      (e) => e,
      (e) => sortKeyOf(e, sort),
    );
  }

  /** The endpoints of the whole (cached) inventory, indexed. */
  async index(): Promise<EndpointIndex> {
    return EndpointIndex.of(await this.inventory.execute());
  }
}
