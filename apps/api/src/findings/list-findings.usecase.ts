import { Inject, Injectable } from '@nestjs/common';

import {
  type Finding,
  compareFindingOrderKeys,
  findingOrderKey,
  splitEndpointKey,
} from '@apiscope/inventory';

import { endpointIdOf, requireEndpointId } from '../endpoints/endpoint-id.util';
import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';
import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { type ListFindingsQueryDto } from './list-findings-query.dto';

export type ListedFinding = Finding & { service: string; endpointId: string; method: string; path: string };
export type FindingPage = Page<ListedFinding>;

/**
 * Findings of the resolved inventory (the one GET /api/v1/inventory returns, assessed in the same
 * pass that gives endpoints their risk), filtered, one keyset page at a time in list order:
 * severity (critical first), service, method, path, rule, then the unique id, so no finding is
 * repeated or skipped across pages even when findings appear between two requests.
 */
@Injectable()
export class ListFindingsUseCase {
  constructor(@Inject(GetInventoryUseCase) private readonly inventory: GetInventoryUseCase) {}

  async execute(q: ListFindingsQueryDto): Promise<FindingPage> {
    const limit = pageSize(q.limit);
    const cursor = readCursor(q.cursor, ['number', 'string', 'string', 'string', 'string', 'string']);
    const endpoint = requireEndpointId(q.endpointId, 'endpointId');
    if (endpoint && q.service !== undefined && endpoint.service !== q.service)
      return { items: [], nextCursor: null };
    const { findings } = await this.inventory.assess(endpoint?.service ?? q.service);
    const matching = findings.filter(
      (f) =>
        (q.severity === undefined || f.severity === q.severity) &&
        (q.category === undefined || f.category === q.category) &&
        (q.rule === undefined || f.rule === q.rule) &&
        (q.class === undefined || f.evidence.some((e) => e.class === q.class)) &&
        (endpoint === undefined ||
          (f.endpoint.method === endpoint.method && f.endpoint.pathTemplate === endpoint.pathTemplate)),
    );
    // findings come sorted in list order: the page starts after the cursor's key
    const start = cursor
      ? matching.findIndex((f) => compareFindingOrderKeys(findingOrderKey(f), cursor) > 0)
      : 0;
    const rows = start === -1 ? [] : matching.slice(start, start + limit + 1);
    return toPage(rows, limit, listed, findingOrderKey);
  }
}

function listed(f: Finding): ListedFinding {
  return {
    ...f,
    service: f.endpoint.service,
    endpointId: endpointIdOf(f.endpoint),
    method: f.endpoint.method,
    path: splitEndpointKey(f.endpoint.pathTemplate).path,
  };
}
