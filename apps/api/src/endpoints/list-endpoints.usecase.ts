import { Inject, Injectable } from '@nestjs/common';

import { type InventoryEndpoint, toInventoryEndpoint } from '@apiscope/inventory';
import { EndpointRepository, type EndpointQuery } from '@apiscope/storage';

import { RequestValidationException } from '../problem/validation.exception';
import { decodeEndpointCursor, encodeEndpointCursor } from './endpoint-cursor.util';
import { type ListEndpointsQueryDto } from './list-endpoints-query.dto';

export interface EndpointPage {
  items: Array<InventoryEndpoint & { service: string }>;
  nextCursor: string | null;
}

@Injectable()
export class ListEndpointsUseCase {
  constructor(@Inject(EndpointRepository) private readonly endpoints: EndpointRepository) {}

  async execute(q: ListEndpointsQueryDto): Promise<EndpointPage> {
    const limit = q.limit ?? 100;
    const after = q.cursor === undefined ? undefined : decodeEndpointCursor(q.cursor);
    if (q.cursor !== undefined && !after)
      throw new RequestValidationException([
        { field: 'cursor', problem: 'cursor is not one this API returned' },
      ]);
    const query: EndpointQuery = {
      limit: limit + 1, // one more than asked tells whether a next page exists
      ...(q.service !== undefined && { service: q.service }),
      ...(q.method !== undefined && { method: q.method.toUpperCase() }),
      ...(q.pathPrefix !== undefined && { pathPrefix: q.pathPrefix }),
      ...(q.pathContains !== undefined && { pathContains: q.pathContains }),
      ...(q.flag !== undefined && { flag: q.flag }),
      ...(q.auth !== undefined && { authStatus: q.auth }),
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
}
