import { EndpointProfile, PathTemplater, type TemplaterStateJson } from '@apiscope/inference';
import { type ResolvedEndpoint, profileKey, resolveEndpointKey, resolveEndpoints } from '@apiscope/inventory';

import { type EndpointRepository } from './endpoint.repository';
import { type InferenceStateRepository } from './inference-state.repository';

/** One stored key (the template calls were written under) and the key it resolves to now. */
export interface StoredEndpointKey {
  service: string;
  method: string;
  /** as in the calls and endpoint_stats tables */
  storedTemplate: string;
  /** as the inventory shows it (before reference specs) */
  resolvedTemplate: string;
}

/**
 * Endpoints as the inventory shows them: stored per-key aggregates resolved through each service's
 * newest templater state, profiles merged along (see resolveEndpoints for why at read time). Work is
 * bounded by the number of stored keys, which the templater keeps bounded per service.
 */
export class ResolvedEndpointRepository {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly state: InferenceStateRepository,
  ) {}

  async list(filter: { service?: string } = {}): Promise<ResolvedEndpoint[]> {
    const services = filter.service === undefined ? undefined : [filter.service];
    const [stats, templaters, profiles] = await Promise.all([
      this.endpoints.all(filter.service === undefined ? {} : { service: filter.service }),
      this.templaters(services),
      this.state.profiles(services),
    ]);
    const byKey = new Map<string, EndpointProfile>();
    for (const row of profiles) {
      try {
        byKey.set(
          profileKey(row.service, row.method, row.pathTemplate),
          EndpointProfile.fromJSON(JSON.parse(row.profile)),
        );
      } catch {
        // unreadable profile: the endpoint is shown without it
      }
    }
    return resolveEndpoints({ stats, templaters, profiles: byKey });
  }

  /**
   * The stored keys of one service and method with what each resolves to now, so reads of raw
   * calls (stored under the template known when written) can select one resolved endpoint's calls.
   */
  async storedKeys(service: string, method: string): Promise<StoredEndpointKey[]> {
    const [stats, templaters] = await Promise.all([
      this.endpoints.all({ service }),
      this.templaters([service]),
    ]);
    return stats
      .filter((row) => row.method === method)
      .map((row) => ({
        service,
        method,
        storedTemplate: row.pathTemplate,
        resolvedTemplate: resolveEndpointKey(row, templaters),
      }));
  }

  private async templaters(services: string[] | undefined): Promise<Map<string, PathTemplater>> {
    const [states, corrections] = await Promise.all([
      this.state.templaters(services),
      this.state.corrections(services),
    ]);
    const templaters = new Map<string, PathTemplater>();
    for (const row of states) {
      try {
        templaters.set(row.service, PathTemplater.fromJSON(JSON.parse(row.state) as TemplaterStateJson));
      } catch {
        // unreadable state: keys are shown as stored
      }
    }
    // users' corrections hold for past calls at once, whether or not a worker has applied them yet
    for (const c of corrections) {
      let templater = templaters.get(c.service);
      if (!templater) templaters.set(c.service, (templater = new PathTemplater()));
      templater.correct(c.action, c.template);
    }
    return templaters;
  }
}
