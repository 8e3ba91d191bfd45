import { type ClickHouseStore } from './clickhouse-store';

export interface StoredTemplaterState {
  service: string;
  /** PathTemplater.toJSON() as text */
  state: string;
  /** deduplication token of the last batch learnt into this state ('' when none recorded) */
  batch?: string;
}

export interface StoredEndpointProfile {
  service: string;
  method: string;
  pathTemplate: string;
  /** EndpointProfile.toJSON() as text */
  profile: string;
  /** deduplication token of the last batch observed into this profile ('' when none recorded) */
  batch?: string;
}

export interface StoredCorrection {
  service: string;
  action: 'pin' | 'split' | 'merge';
  template: string;
  /** order of application (grows across processes) */
  seq: number;
  createdAt: number;
}

let sequence = 0;
/** Versions grow across processes (a worker taking a partition over writes after the last one). */
function nextVersion(): number {
  sequence = (sequence + 1) % 1000;
  return Date.now() * 1000 + sequence;
}

/**
 * What the pipeline learns per service (templater state) and per endpoint key (profiles). Rows are
 * whole states, newest version wins (ReplacingMergeTree + argMax on read), so a write is idempotent
 * and a reader never sees half a state.
 */
export class InferenceStateRepository {
  constructor(private readonly store: ClickHouseStore) {}

  async saveTemplaters(states: readonly StoredTemplaterState[]): Promise<void> {
    if (states.length === 0) return;
    await this.store.client
      .insert({
        table: this.store.table('templater_states'),
        format: 'JSONEachRow',
        values: states.map((s) => ({
          service: s.service,
          version: nextVersion(),
          state: s.state,
          batch: s.batch ?? '',
        })),
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing templater state failed');
      });
  }

  async saveProfiles(profiles: readonly StoredEndpointProfile[]): Promise<void> {
    if (profiles.length === 0) return;
    await this.store.client
      .insert({
        table: this.store.table('endpoint_profiles'),
        format: 'JSONEachRow',
        values: profiles.map((p) => ({
          service: p.service,
          method: p.method,
          path_template: p.pathTemplate,
          version: nextVersion(),
          profile: p.profile,
          batch: p.batch ?? '',
        })),
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing endpoint profiles failed');
      });
  }

  async saveCorrection(
    correction: Pick<StoredCorrection, 'service' | 'action' | 'template'>,
  ): Promise<StoredCorrection> {
    const seq = nextVersion();
    await this.store.client
      .insert({
        table: this.store.table('template_corrections'),
        format: 'JSONEachRow',
        values: [
          { service: correction.service, seq, action: correction.action, template: correction.template },
        ],
      })
      .catch((cause: unknown) => {
        throw this.store.failure(cause, 'storing a template correction failed');
      });
    return { ...correction, seq, createdAt: Math.floor(seq / 1000) };
  }

  /**
   * Path templates of the latest reference spec of each service asked for, with that spec's version:
   * the pipeline hands them to the service's templater so documented templates win before templating.
   */
  async referenceTemplates(
    services: readonly string[],
    /** versions the caller holds already: those services are skipped when their spec has not changed */
    known: ReadonlyMap<string, number> = new Map(),
  ): Promise<Array<{ service: string; version: number; templates: string[] }>> {
    if (services.length === 0) return [];
    const fail = (cause: unknown): never => {
      throw this.store.failure(cause);
    };
    const latest = await this.store.client
      .query({
        query: `SELECT service, max(version) AS latest FROM ${this.store.table('reference_specs')}
                WHERE service IN {services:Array(String)} GROUP BY service`,
        query_params: { services },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ service: string; latest: number | string }>())
      .catch(fail);
    const changed = latest
      .filter((row) => known.get(row.service) !== Number(row.latest))
      .map((r) => r.service);
    if (changed.length === 0) return [];
    const rows = await this.store.client
      .query({
        query: `SELECT service, max(version) AS latest, argMax(operations, version) AS operations
                FROM ${this.store.table('reference_specs')}
                WHERE service IN {services:Array(String)} GROUP BY service`,
        query_params: { services: changed },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<{ service: string; latest: number | string; operations: string }>())
      .catch(fail);
    return rows.map((row) => {
      let templates: string[] = [];
      try {
        const operations = JSON.parse(row.operations) as unknown;
        if (Array.isArray(operations))
          templates = [...new Set(operations.flatMap((o: unknown) => operationTemplate(o) ?? []))];
      } catch {
        // a spec whose operations do not parse documents nothing here
      }
      return { service: row.service, version: Number(row.latest), templates };
    });
  }

  /** Corrections of the services asked for (all when undefined), in the order they were given. */
  async corrections(services?: readonly string[], afterSeq = 0): Promise<StoredCorrection[]> {
    const where = services === undefined ? '' : 'AND service IN {services:Array(String)}';
    const rows = await this.store.client
      .query({
        query: `SELECT service, seq, action, template, toUnixTimestamp64Milli(created_at) AS created_ms FROM ${this.store.table('template_corrections')} WHERE seq > {afterSeq:UInt64} ${where} ORDER BY seq`,
        query_params: { services: services ?? [], afterSeq },
        format: 'JSONEachRow',
      })
      .then((r) =>
        r.json<{
          service: string;
          seq: number | string;
          action: string;
          template: string;
          created_ms: number | string;
        }>(),
      )
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows
      .filter((r) => r.action === 'pin' || r.action === 'split' || r.action === 'merge')
      .map((r) => ({
        service: r.service,
        action: r.action as StoredCorrection['action'],
        template: r.template,
        seq: Number(r.seq),
        createdAt: Number(r.created_ms),
      }));
  }

  /** Newest templater state of each service asked for (all services when `services` is undefined). */
  async templaters(services?: readonly string[]): Promise<StoredTemplaterState[]> {
    const where = services === undefined ? '' : 'WHERE service IN {services:Array(String)}';
    const rows = await this.store.client
      .query({
        // one argMax over the pair: state and batch token must come from the same row
        query: `SELECT service, tupleElement(latest, 1) AS state, tupleElement(latest, 2) AS batch FROM (SELECT service, argMax(tuple(state, batch), version) AS latest FROM ${this.store.table('templater_states')} ${where} GROUP BY service)`,
        query_params: { services: services ?? [] },
        format: 'JSONEachRow',
      })
      .then((r) => r.json<StoredTemplaterState>())
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows;
  }

  /** Newest profile of every endpoint key of the services asked for (all when undefined). */
  async profiles(services?: readonly string[]): Promise<StoredEndpointProfile[]> {
    const where = services === undefined ? '' : 'WHERE service IN {services:Array(String)}';
    const rows = await this.store.client
      .query({
        query: `SELECT service, method, path_template, tupleElement(latest, 1) AS profile, tupleElement(latest, 2) AS batch FROM (SELECT service, method, path_template, argMax(tuple(profile, batch), version) AS latest FROM ${this.store.table('endpoint_profiles')} ${where} GROUP BY service, method, path_template)`,
        query_params: { services: services ?? [] },
        format: 'JSONEachRow',
      })
      .then((r) =>
        r.json<{ service: string; method: string; path_template: string; profile: string; batch: string }>(),
      )
      .catch((cause: unknown) => {
        throw this.store.failure(cause);
      });
    return rows.map((r) => ({
      service: r.service,
      method: r.method,
      pathTemplate: r.path_template,
      profile: r.profile,
      batch: r.batch,
    }));
  }
}

/** `GET /users/{id}` from a stored spec operation; undefined when it has no path. */
function operationTemplate(operation: unknown): string | undefined {
  if (typeof operation !== 'object' || operation === null) return undefined;
  const { method, path } = operation as { method?: unknown; path?: unknown };
  if (typeof path !== 'string') return undefined;
  return typeof method === 'string' ? `${method.toUpperCase()} ${path}` : path;
}
