import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { type InventoryChangeFilter, InventoryChangeRepository } from '@apiscope/storage';

import { Roles } from '../auth/roles.decorator';
import { requireEndpointId } from '../endpoints/endpoint-id.util';
import { ApiProblems } from '../problem/api-problems.decorator';
import { RequestValidationException } from '../problem/validation.exception';
import { ChangePageDto } from './change-page.dto';
import { ListChangesQueryDto } from './list-changes-query.dto';

const changeKey = (c: { service: string; method: string; path: string; kind: string; subject: string }) =>
  `${c.service}${c.method}${c.path}${c.kind}${c.subject}`;

@ApiTags('inventory')
@Roles('viewer')
@Controller('api/v1/changes')
export class ChangesController {
  constructor(@Inject(InventoryChangeRepository) private readonly changes: InventoryChangeRepository) {}

  /** The append-only change feed, oldest first, for alerting on what is new. */
  @Get()
  @ApiOkResponse({ type: ChangePageDto })
  @ApiProblems(400)
  async list(@Query() q: ListChangesQueryDto): Promise<ChangePageDto> {
    const limit = q.limit ?? 200;
    const since = q.since === undefined ? Date.now() - 24 * 3600 * 1000 : Date.parse(q.since);
    let after: { ts: number; key: string } | undefined;
    if (q.cursor !== undefined) {
      try {
        const parsed = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as unknown;
        if (Array.isArray(parsed) && typeof parsed[0] === 'number' && typeof parsed[1] === 'string')
          after = { ts: parsed[0], key: parsed[1] };
      } catch {
        // reported below
      }
      if (!after)
        throw new RequestValidationException([
          { field: 'cursor', problem: 'cursor is not one this API returned' },
        ]);
    }
    const filter = this.filterOf(q);
    // an endpoint of another service than the one asked for has no changes in that service
    const rows = filter ? await this.changes.list(since, limit + 1, after, filter) : [];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((c) => ({ ...c, ts: new Date(c.ts).toISOString() })),
      nextCursor:
        rows.length > limit && last
          ? Buffer.from(JSON.stringify([last.ts, changeKey(last)])).toString('base64url')
          : null,
    };
  }

  private filterOf(q: ListChangesQueryDto): InventoryChangeFilter | undefined {
    const endpoint = requireEndpointId(q.endpointId, 'endpointId');
    if (endpoint === undefined) return { service: q.service, kind: q.kind };
    if (q.service !== undefined && q.service !== endpoint.service) return undefined;
    return {
      service: endpoint.service,
      kind: q.kind,
      endpoint: { method: endpoint.method, path: endpoint.pathTemplate },
    };
  }
}
