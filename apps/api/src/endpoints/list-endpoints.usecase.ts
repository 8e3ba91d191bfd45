import { Inject, Injectable } from '@nestjs/common';

import { type InventoryEndpoint, toInventoryEndpoint, trafficFlagsOf } from '@apiscope/inventory';
import { ResolvedEndpointRepository } from '@apiscope/storage';

import { RequestValidationException } from '../problem/validation.exception';
import { decodeEndpointCursor, encodeEndpointCursor } from './endpoint-cursor.util';
import { type ListEndpointsQueryDto } from './list-endpoints-query.dto';

export interface EndpointPage {
  items: Array<InventoryEndpoint & { service: string }>;
  nextCursor: string | null;
}

const byKey = (a: { service: string; method: string; pathTemplate: string }, b: typeof a) =>
  a.service < b.service
    ? -1
    : a.service > b.service
      ? 1
      : a.method < b.method
        ? -1
        : a.method > b.method
          ? 1
          : a.pathTemplate < b.pathTemplate
            ? -1
            : a.pathTemplate > b.pathTemplate
              ? 1
              : 0;

/**
 * Endpoints in (service, method, template) order, keyset-paginated. Templates are resolved at read
 * time (stored keys may be older, finer templates), so filtering and paging happen on the resolved
 * list rather than in SQL.
 */
@Injectable()
export class ListEndpointsUseCase {
  constructor(@Inject(ResolvedEndpointRepository) private readonly endpoints: ResolvedEndpointRepository) {}

  async execute(q: ListEndpointsQueryDto): Promise<EndpointPage> {
    const limit = q.limit ?? 100;
    const after = q.cursor === undefined ? undefined : decodeEndpointCursor(q.cursor);
    if (q.cursor !== undefined && !after)
      throw new RequestValidationException([
        { field: 'cursor', problem: 'cursor is not one this API returned' },
      ]);
    const method = q.method?.toUpperCase();
    const resolved = (await this.endpoints.list(q.service === undefined ? {} : { service: q.service }))
      .filter(({ stats }) => method === undefined || stats.method === method)
      .filter(({ stats }) => q.pathPrefix === undefined || stats.pathTemplate.startsWith(q.pathPrefix))
      .filter(({ stats }) => q.flag === undefined || trafficFlagsOf(stats).includes(q.flag))
      .filter(({ stats }) => after === undefined || byKey(stats, after) > 0)
      .sort((a, b) => byKey(a.stats, b.stats));
    const page = resolved.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ stats, profile }) => ({
        service: stats.service,
        ...toInventoryEndpoint(stats, profile),
      })),
      nextCursor: resolved.length > limit && last ? encodeEndpointCursor(last.stats) : null,
    };
  }
}
