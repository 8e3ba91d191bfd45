import { Inject, Injectable } from '@nestjs/common';

import {
  type EndpointFlag,
  type EndpointStats,
  type InventoryEndpoint,
  toInventoryEndpoint,
} from '@apiscope/inventory';
import {
  EndpointRepository,
  type EndpointSort,
  ReferenceSpecRepository,
  endpointSortValue,
} from '@apiscope/storage';

import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';

import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { RequestValidationException } from '../problem/validation.exception';
import { endpointIdOf } from './endpoint-id.util';
import { type ListEndpointsQueryDto } from './list-endpoints-query.dto';

/** Flags that exist only where a reference spec is held beside traffic. */
const SPEC_FLAGS = new Set<EndpointFlag>(['shadow', 'orphan', 'zombie']);

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
  constructor(
    @Inject(EndpointRepository) private readonly endpoints: EndpointRepository,
    @Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository,
    @Inject(GetInventoryUseCase) private readonly inventory: GetInventoryUseCase,
  ) {}

  async execute(q: ListEndpointsQueryDto): Promise<EndpointPage> {
    const limit = pageSize(q.limit);
    const sort: EndpointSort = q.sort ?? 'path';
    const cursor = readCursor(q.cursor, ['string', 'number', 'string', 'string', 'string']);
    if (cursor && cursor[0] !== sort)
      throw new RequestValidationException([
        { field: 'cursor', problem: `cursor belongs to sort=${String(cursor[0])}, not sort=${sort}` },
      ]);
    // With reference specs, templates, flags and orphans come from traffic and spec together, so the
    // page is cut from the merged inventory; without them, storage pages directly.
    const withSpecs = (await this.specs.versions(q.service)).length > 0;
    if (withSpecs || (q.flag !== undefined && SPEC_FLAGS.has(q.flag)))
      return this.fromInventory(q, limit, sort, cursor);
    const rows = await this.endpoints.list({
      limit: limit + 1, // one more than asked tells whether a next page exists
      sort,
      ...(q.service !== undefined && { service: q.service }),
      ...(q.method !== undefined && { method: q.method.toUpperCase() }),
      ...(q.pathPrefix !== undefined && { pathPrefix: q.pathPrefix }),
      ...(q.flag !== undefined && { flag: q.flag }),
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

  private async fromInventory(
    q: ListEndpointsQueryDto,
    limit: number,
    sort: EndpointSort,
    cursor: Array<string | number> | undefined,
  ): Promise<EndpointPage> {
    const doc = await this.inventory.execute(q.service);
    const method = q.method?.toUpperCase();
    const sortValue = (e: InventoryEndpoint): number =>
      sort === 'path'
        ? 0
        : sort.endsWith('calls')
          ? e.calls
          : e.lastSeen === null
            ? 0
            : Date.parse(e.lastSeen);
    const descending = sort.startsWith('-');
    const keyOf = (e: ServiceEndpoint): Array<string | number> => [
      sort,
      sortValue(e),
      e.service,
      e.method,
      e.path,
    ];
    const all = doc.services
      .flatMap((s) =>
        s.endpoints.map((e) => ({
          id: endpointIdOf({ service: s.name, method: e.method, pathTemplate: e.path }),
          service: s.name,
          ...e,
        })),
      )
      .filter(
        (e) =>
          (method === undefined || e.method === method) &&
          (q.pathPrefix === undefined || e.path.startsWith(q.pathPrefix)),
      )
      .filter((e) => q.flag === undefined || e.flags.includes(q.flag))
      .sort((a, b) => compareKeys(keyOf(a), keyOf(b), descending));
    const start = cursor ? all.findIndex((e) => compareKeys(keyOf(e), cursor, descending) > 0) : 0;
    const rows = start === -1 ? [] : all.slice(start, start + limit + 1);
    return toPage(rows, limit, (e) => e, keyOf);
  }
}

/** Sort keys compare as storage orders them: the measure (either way), then names byte-wise. */
function compareKeys(
  a: ReadonlyArray<string | number>,
  b: ReadonlyArray<string | number>,
  descending: boolean,
): number {
  if (a[1] !== b[1]) return descending ? Number(b[1]) - Number(a[1]) : Number(a[1]) - Number(b[1]);
  for (let i = 2; i < a.length; i++) if (a[i] !== b[i]) return String(a[i]) < String(b[i]) ? -1 : 1;
  return 0;
}
