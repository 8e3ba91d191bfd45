import { Inject, Injectable } from '@nestjs/common';

import { type EndpointStats, type InventoryEndpoint, toInventoryEndpoint } from '@apiscope/inventory';
import { EndpointRepository, type EndpointSort, endpointSortValue } from '@apiscope/storage';

import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { RequestValidationException } from '../problem/validation.exception';
import { endpointIdOf } from './endpoint-id.util';
import { type ListEndpointsQueryDto } from './list-endpoints-query.dto';

export type ServiceEndpoint = InventoryEndpoint & { id: string; service: string };
export type EndpointPage = Page<ServiceEndpoint>;

export function toServiceEndpoint(stats: EndpointStats): ServiceEndpoint {
  return { id: endpointIdOf(stats), service: stats.service, ...toInventoryEndpoint(stats) };
}

/**
 * Endpoints filtered and sorted, one keyset page at a time. The cursor carries its sort, so a
 * cursor of one order is refused by another instead of skipping or repeating rows.
 */
@Injectable()
export class ListEndpointsUseCase {
  constructor(@Inject(EndpointRepository) private readonly endpoints: EndpointRepository) {}

  async execute(q: ListEndpointsQueryDto): Promise<EndpointPage> {
    const limit = pageSize(q.limit);
    const sort: EndpointSort = q.sort ?? 'path';
    const cursor = readCursor(q.cursor, ['string', 'number', 'string', 'string', 'string']);
    if (cursor && cursor[0] !== sort)
      throw new RequestValidationException([
        { field: 'cursor', problem: `cursor belongs to sort=${String(cursor[0])}, not sort=${sort}` },
      ]);
    const rows = await this.endpoints.list({
      limit: limit + 1, // one more than asked tells whether a next page exists
      sort,
      ...(q.service !== undefined && { service: q.service }),
      ...(q.method !== undefined && { method: q.method.toUpperCase() }),
      ...(q.pathPrefix !== undefined && { pathPrefix: q.pathPrefix }),
      ...(q.pathContains !== undefined && { pathContains: q.pathContains }),
      ...(q.flag !== undefined && { flag: q.flag }),
      ...(q.auth !== undefined && { authStatus: q.auth }),
      ...(cursor && {
        afterValue: Number(cursor[1]),
        after: { service: String(cursor[2]), method: String(cursor[3]), pathTemplate: String(cursor[4]) },
      }),
    });
    return toPage(rows, limit, toServiceEndpoint, (s) => [
      sort,
      sort === 'path' ? 0 : endpointSortValue(s, sort),
      s.service,
      s.method,
      s.pathTemplate,
    ]);
  }
}
