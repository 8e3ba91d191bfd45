import { Inject, Injectable } from '@nestjs/common';

import { endpointKeyPath, splitEndpointKey } from '@apiscope/inventory';
import { CallRepository, ResolvedEndpointRepository, type StoredEndpointKey } from '@apiscope/storage';

import { type EndpointCallsDto } from './endpoint-calls.dto';
import { DEFAULT_CALLS_LIMIT, type EndpointCallsQueryDto } from './endpoint-calls-query.dto';
import { GetEndpointUseCase } from './get-endpoint.usecase';
import { maskClient } from './mask-client.util';

/** Bound on the IN list: the templater keeps stored keys per service bounded well below this. */
const MAX_STORED_KEYS = 2000;

const isParam = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

/** Same shape, a parameter on either side standing for any segment (a spec may rename a template). */
function sameShape(resolved: string, shown: string): boolean {
  const a = splitEndpointKey(resolved);
  const b = splitEndpointKey(shown);
  if (JSON.stringify(a.graphql) !== JSON.stringify(b.graphql)) return false;
  const as = a.path.split('/');
  const bs = b.path.split('/');
  return as.length === bs.length && as.every((s, i) => s === bs[i] || isParam(s) || isParam(bs[i]));
}

/**
 * The newest calls of one endpoint, client addresses masked. Calls are stored under the template
 * known when written, so the endpoint's calls are those under every stored key resolving to it now;
 * when a reference spec renamed the template (its parameter names, a version sibling), the stored
 * keys whose resolved template has its shape stand for it.
 */
@Injectable()
export class EndpointCallsUseCase {
  constructor(
    @Inject(GetEndpointUseCase) private readonly endpoints: GetEndpointUseCase,
    @Inject(ResolvedEndpointRepository) private readonly resolved: ResolvedEndpointRepository,
    @Inject(CallRepository) private readonly calls: CallRepository,
  ) {}

  async execute(id: string, query: EndpointCallsQueryDto): Promise<EndpointCallsDto> {
    const endpoint = await this.endpoints.execute(id);
    const keyPath = endpointKeyPath(endpoint);
    const keys = await this.resolved.storedKeys(endpoint.service, endpoint.method);
    let mine = keys.filter((k) => k.resolvedTemplate === keyPath);
    if (mine.length === 0) mine = keys.filter((k) => sameShape(k.resolvedTemplate, keyPath));
    const templates = mine.slice(0, MAX_STORED_KEYS).map((k: StoredEndpointKey) => k.storedTemplate);
    const rows = await this.calls.recent(
      endpoint.service,
      endpoint.method,
      templates,
      query.limit ?? DEFAULT_CALLS_LIMIT,
    );
    return {
      items: rows.map((r) => ({
        ts: r.ts,
        status: r.status,
        durationMs: r.durationMs,
        client: maskClient(r.srcIp),
        sensorKind: r.sensorKind,
        credentials: r.credentials,
        authSchemes: r.authSchemes,
        requestSize: r.requestSize,
        responseSize: r.responseSize,
        incomplete: r.incomplete,
        path: r.path,
      })),
    };
  }
}
