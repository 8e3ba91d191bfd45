import { Inject, Injectable } from '@nestjs/common';

import { type InventoryEndpoint, graphqlKey } from '@apiscope/inventory';
import { type EndpointSort } from '@apiscope/storage';

import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';
import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { RequestValidationException } from '../problem/validation.exception';
import { endpointIdOf } from './endpoint-id.util';
import { type ListEndpointsQueryDto } from './list-endpoints-query.dto';

export type ServiceEndpoint = InventoryEndpoint & { id: string; service: string };
export type EndpointPage = Page<ServiceEndpoint>;

/**
 * Endpoints filtered and sorted, one keyset page at a time. Templates are resolved at read time
 * (stored keys may be older, finer templates) and reference specs add their templates, flags and
 * orphans, so the page is cut from the resolved inventory rather than in SQL. The cursor carries its
 * sort, so a cursor of one order is refused by another instead of skipping or repeating rows.
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
    const all = await this.resolved(q.service);
    const method = q.method?.toUpperCase();
    const descending = sort.startsWith('-');
    const sortValue = (e: InventoryEndpoint): number =>
      sort === 'path'
        ? 0
        : sort.endsWith('calls')
          ? e.calls
          : e.lastSeen === null
            ? 0
            : Date.parse(e.lastSeen);
    const keyOf = (e: ServiceEndpoint): Array<string | number> => [
      sort,
      sortValue(e),
      e.service,
      e.method,
      keyPathOf(e),
    ];
    const matching = all
      .filter(
        (e) =>
          (method === undefined || e.method === method) &&
          (q.pathPrefix === undefined || e.path.startsWith(q.pathPrefix)),
      )
      .filter((e) => q.flag === undefined || e.flags.includes(q.flag))
      .filter((e) => q.auth === undefined || e.auth.status === q.auth)
      .filter(
        (e) => q.pathContains === undefined || e.path.toLowerCase().includes(q.pathContains.toLowerCase()),
      )
      .sort((a, b) => compareKeys(keyOf(a), keyOf(b), descending));
    const start = cursor ? matching.findIndex((e) => compareKeys(keyOf(e), cursor, descending) > 0) : 0;
    const rows = start === -1 ? [] : matching.slice(start, start + limit + 1);
    return toPage(rows, limit, (e) => e, keyOf);
  }

  /** Every endpoint of the inventory (or of one service) with its opaque id. */
  async resolved(service?: string): Promise<ServiceEndpoint[]> {
    const doc = await this.inventory.execute(service);
    return doc.services.flatMap((s) =>
      s.endpoints.map((e) => ({
        id: endpointIdOf({ service: s.name, method: e.method, pathTemplate: keyPathOf(e) }),
        service: s.name,
        ...e,
      })),
    );
  }
}

/** The endpoint's key path: its template, plus `#type name` for a GraphQL operation. */
function keyPathOf(e: Pick<InventoryEndpoint, 'path' | 'graphql'>): string {
  return e.graphql ? graphqlKey(e.path, e.graphql.operationType, e.graphql.operationName) : e.path;
}

/** Sort keys compare as storage would order them: the measure (either way), then names byte-wise. */
function compareKeys(
  a: ReadonlyArray<string | number>,
  b: ReadonlyArray<string | number>,
  descending: boolean,
): number {
  if (a[1] !== b[1]) return descending ? Number(b[1]) - Number(a[1]) : Number(a[1]) - Number(b[1]);
  for (let i = 2; i < a.length; i++) if (a[i] !== b[i]) return String(a[i]) < String(b[i]) ? -1 : 1;
  return 0;
}
