import { Inject, Injectable } from '@nestjs/common';

import {
  type EndpointFlag,
  type EndpointKey,
  type InventoryEndpoint,
  toInventoryEndpoint,
} from '@apiscope/inventory';
import { EndpointRepository, type EndpointQuery, ReferenceSpecRepository } from '@apiscope/storage';

import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';

import { RequestValidationException } from '../problem/validation.exception';
import { decodeEndpointCursor, encodeEndpointCursor } from './endpoint-cursor.util';
import { type ListEndpointsQueryDto } from './list-endpoints-query.dto';

/** Flags that exist only where a reference spec is held beside traffic. */
const SPEC_FLAGS = new Set<EndpointFlag>(['shadow', 'orphan', 'zombie']);

export interface EndpointPage {
  items: Array<InventoryEndpoint & { service: string }>;
  nextCursor: string | null;
}

@Injectable()
export class ListEndpointsUseCase {
  constructor(
    @Inject(EndpointRepository) private readonly endpoints: EndpointRepository,
    @Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository,
    @Inject(GetInventoryUseCase) private readonly inventory: GetInventoryUseCase,
  ) {}

  async execute(q: ListEndpointsQueryDto): Promise<EndpointPage> {
    const limit = q.limit ?? 100;
    const after = q.cursor === undefined ? undefined : decodeEndpointCursor(q.cursor);
    if (q.cursor !== undefined && !after)
      throw new RequestValidationException([
        { field: 'cursor', problem: 'cursor is not one this API returned' },
      ]);
    // With reference specs, templates, flags and orphans come from traffic and spec together, so the
    // page is cut from the merged inventory; without them, storage pages directly.
    const withSpecs = (await this.specs.versions(q.service)).length > 0;
    if (withSpecs || (q.flag !== undefined && SPEC_FLAGS.has(q.flag)))
      return this.fromInventory(q, limit, after);
    const query: EndpointQuery = {
      limit: limit + 1, // one more than asked tells whether a next page exists
      ...(q.service !== undefined && { service: q.service }),
      ...(q.method !== undefined && { method: q.method.toUpperCase() }),
      ...(q.pathPrefix !== undefined && { pathPrefix: q.pathPrefix }),
      ...(q.flag !== undefined && { flag: q.flag }),
      ...(after && { after }),
    };
    const rows = await this.endpoints.list(query);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((s) => ({ service: s.service, ...toInventoryEndpoint(s) })),
      nextCursor: rows.length > limit && last ? encodeEndpointCursor(last) : null,
    };
  }

  private async fromInventory(
    q: ListEndpointsQueryDto,
    limit: number,
    after: EndpointKey | undefined,
  ): Promise<EndpointPage> {
    const doc = await this.inventory.execute(q.service);
    const method = q.method?.toUpperCase();
    const all = doc.services
      .flatMap((s) => s.endpoints.map((e) => ({ service: s.name, ...e })))
      .filter(
        (e) =>
          (method === undefined || e.method === method) &&
          (q.pathPrefix === undefined || e.path.startsWith(q.pathPrefix)),
      )
      .filter((e) => q.flag === undefined || e.flags.includes(q.flag))
      .sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    const start = after ? all.findIndex((e) => compareKeys(keyOf(e), after) > 0) : 0;
    const page = start === -1 ? [] : all.slice(start, start + limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor:
        start !== -1 && start + limit < all.length && last ? encodeEndpointCursor(keyOf(last)) : null,
    };
  }
}

const keyOf = (e: { service: string; method: string; path: string }): EndpointKey => ({
  service: e.service,
  method: e.method,
  pathTemplate: e.path,
});

/** Same order as storage: (service, method, template), byte-wise like ClickHouse. */
function compareKeys(a: EndpointKey, b: EndpointKey): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.service, b.service) || cmp(a.method, b.method) || cmp(a.pathTemplate, b.pathTemplate);
}
