import { Inject, Injectable, Logger } from '@nestjs/common';

import { EndpointProfile, PathTemplater, type TemplaterStateJson } from '@apiscope/inference';
import { profileKey } from '@apiscope/inventory';
import { InferenceStateRepository } from '@apiscope/storage';

/** How often a worker looks for corrections users gave through the API. */
const CORRECTIONS_EVERY_MS = 2000;
/**
 * Services whose state a worker keeps in memory; the least recently seen beyond it are dropped (their
 * state is stored after every batch, and loaded again if they come back), so a flood of random Host
 * headers cannot grow a worker without bound.
 */
const MAX_SERVICES = 2000;

/**
 * What one pipeline worker has learnt: a templater per service and a profile per endpoint key,
 * loaded from storage the first time a service shows up (another worker may have learnt it before:
 * Kafka hands a partition over) and written back after each batch for what the batch changed.
 *
 * Each state remembers the deduplication token of the last batch folded into it, stored with it.
 * A batch delivered again (a Kafka replay after a crash between storing and committing, a retry
 * after a failed insert) carries the same token: states that already hold it are not taught it
 * twice, while states the first attempt did not get to store are; so profile counters are exact
 * the way the deduplicated calls and endpoint_stats inserts are.
 */
@Injectable()
export class InferenceStateService {
  private readonly logger = new Logger(InferenceStateService.name);
  private readonly templaters = new Map<string, PathTemplater>();
  /** per service: token of the last batch learnt into its templater */
  private readonly templaterBatches = new Map<string, string>();
  private readonly profiles = new Map<
    string,
    { service: string; method: string; key: string; profile: EndpointProfile; batch: string }
  >();
  /** the batch being processed, and per state id whether it is new to that state */
  private batch = '';
  private readonly newToState = new Map<string, boolean>();
  private readonly dirtyServices = new Set<string>();
  private readonly dirtyProfiles = new Set<string>();
  /** services in least-recently-seen order, with their profile ids */
  private readonly byService = new Map<string, Set<string>>();
  private lastCorrection = 0;
  private correctionsCheckedAt = 0;
  /** per service held: version of the reference spec its templater was given (0: none) */
  private readonly specVersions = new Map<string, number>();

  constructor(@Inject(InferenceStateRepository) private readonly repository: InferenceStateRepository) {}

  /**
   * Loads the state of services not seen yet by this worker, and applies users' corrections given
   * since (checked at most every few seconds).
   */
  async load(services: Iterable<string>): Promise<void> {
    await this.applyNewCorrections();
    const wanted = new Set(services);
    for (const service of wanted) {
      const ids = this.byService.get(service);
      this.byService.delete(service);
      this.byService.set(service, ids ?? new Set());
    }
    this.evict(wanted);
    const missing = [...wanted].filter((s) => !this.templaters.has(s));
    if (missing.length === 0) return;
    const [states, profiles] = await Promise.all([
      this.repository.templaters(missing),
      this.repository.profiles(missing),
    ]);
    for (const service of missing) {
      this.templaters.set(service, new PathTemplater());
      this.templaterBatches.delete(service);
    }
    for (const row of states) {
      try {
        this.templaters.set(row.service, PathTemplater.fromJSON(JSON.parse(row.state) as TemplaterStateJson));
        this.templaterBatches.set(row.service, row.batch ?? '');
      } catch {
        this.logger.warn(`templater state of ${row.service} does not parse; learning it again`);
      }
    }
    for (const c of await this.repository.corrections(missing)) {
      this.templaters.get(c.service)?.correct(c.action, c.template);
      this.lastCorrection = Math.max(this.lastCorrection, c.seq);
    }
    await this.applyReferenceSpecs(missing);
    for (const row of profiles) {
      try {
        const profile = EndpointProfile.fromJSON(JSON.parse(row.profile));
        this.remember(row.service, row.method, row.pathTemplate, profile, row.batch ?? '');
      } catch {
        // a broken profile is relearnt from the next calls
      }
    }
  }

  /** Starts a batch: `token` is its deduplication token (the same on every delivery of it). */
  begin(token: string): void {
    this.batch = token;
    this.newToState.clear();
  }

  /**
   * Forgets everything held in memory (nothing is unsaved between batches): after a rebalance,
   * another worker may have learnt more of these services, and storage has it.
   */
  forget(): void {
    this.templaters.clear();
    this.specVersions.clear();
    this.templaterBatches.clear();
    this.profiles.clear();
    this.byService.clear();
    this.dirtyServices.clear();
    this.dirtyProfiles.clear();
  }

  /** The service's templater when this batch is new to it, else undefined (already learnt). */
  templaterToTeach(service: string): PathTemplater | undefined {
    const templater = this.templater(service);
    return this.isNewTo(`t:${service}`, this.templaterBatches.get(service) ?? '', () =>
      this.templaterBatches.set(service, this.batch),
    )
      ? templater
      : undefined;
  }

  /** The key's profile when this batch is new to it, else undefined (already observed). */
  profileToTeach(service: string, method: string, key: string): EndpointProfile | undefined {
    const profile = this.profile(service, method, key);
    const entry = this.profiles.get(profileKey(service, method, key));
    if (!entry) return profile;
    return this.isNewTo(`p:${profileKey(service, method, key)}`, entry.batch, () => {
      entry.batch = this.batch;
    })
      ? profile
      : undefined;
  }

  templater(service: string): PathTemplater {
    let templater = this.templaters.get(service);
    if (!templater) {
      templater = new PathTemplater();
      this.templaters.set(service, templater);
    }
    this.dirtyServices.add(service);
    return templater;
  }

  profile(service: string, method: string, key: string): EndpointProfile {
    const id = profileKey(service, method, key);
    const known = this.profiles.get(id);
    this.dirtyProfiles.add(id);
    if (known) return known.profile;
    const profile = EndpointProfile.empty();
    this.remember(service, method, key, profile);
    return profile;
  }

  /** Writes what changed since the last flush. */
  async flush(): Promise<void> {
    const services = [...this.dirtyServices];
    const profiles = [...this.dirtyProfiles].flatMap((id) => {
      const p = this.profiles.get(id);
      return p
        ? [
            {
              service: p.service,
              method: p.method,
              pathTemplate: p.key,
              profile: JSON.stringify(p.profile),
              batch: p.batch,
            },
          ]
        : [];
    });
    const dirtyIds = [...this.dirtyProfiles];
    this.dirtyServices.clear();
    this.dirtyProfiles.clear();
    // a failed write leaves the state dirty, so the retry (or the next batch) writes it again
    const restore = (error: unknown): never => {
      for (const s of services) this.dirtyServices.add(s);
      for (const id of dirtyIds) this.dirtyProfiles.add(id);
      throw error;
    };
    await Promise.all([
      this.repository.saveTemplaters(
        services.flatMap((service) => {
          const t = this.templaters.get(service);
          return t
            ? [
                {
                  service,
                  state: JSON.stringify(t.toJSON()),
                  batch: this.templaterBatches.get(service) ?? '',
                },
              ]
            : [];
        }),
      ),
      this.repository.saveProfiles(profiles),
    ]).catch(restore);
  }

  /** Per service kept in memory: nodes of its path trie and endpoint profiles (for the metrics). */
  stateSizes(): Map<string, { nodes: number; endpoints: number }> {
    const sizes = new Map<string, { nodes: number; endpoints: number }>();
    for (const [service, ids] of this.byService)
      sizes.set(service, { nodes: this.templaters.get(service)?.size ?? 0, endpoints: ids.size });
    return sizes;
  }

  private async applyNewCorrections(): Promise<void> {
    if (this.templaters.size === 0 || Date.now() - this.correctionsCheckedAt < CORRECTIONS_EVERY_MS) return;
    this.correctionsCheckedAt = Date.now();
    for (const c of await this.repository.corrections([...this.templaters.keys()], this.lastCorrection)) {
      this.templater(c.service).correct(c.action, c.template);
      this.lastCorrection = Math.max(this.lastCorrection, c.seq);
    }
    await this.applyReferenceSpecs([...this.templaters.keys()]);
  }

  /**
   * Reference specs imported for these services (or since they were last looked at) reach their
   * templaters before the next calls are templated: a path matching a documented template takes it
   * (PathTemplater.useReference; the templates are kept in the stored state, so read-time resolution
   * agrees).
   */
  private async applyReferenceSpecs(services: readonly string[]): Promise<void> {
    for (const spec of await this.repository.referenceTemplates(services, this.specVersions)) {
      this.templater(spec.service).useReference(spec.templates);
      this.specVersions.set(spec.service, spec.version);
    }
  }

  /**
   * Profiles stay in memory for the services this worker handles: their number is bounded by what
   * the templaters keep per service (a flood collapses into parameters, so into few keys).
   */
  private remember(service: string, method: string, key: string, profile: EndpointProfile, batch = ''): void {
    const id = profileKey(service, method, key);
    this.profiles.set(id, { service, method, key, profile, batch });
    let ids = this.byService.get(service);
    if (!ids) this.byService.set(service, (ids = new Set()));
    ids.add(id);
  }

  /**
   * Decided once per state and batch (the first call of the batch that touches it): new when the
   * state's last batch is another one; the state then records this batch.
   */
  private isNewTo(id: string, lastBatch: string, record: () => void): boolean {
    let fresh = this.newToState.get(id);
    if (fresh === undefined) {
      fresh = this.batch === '' || lastBatch !== this.batch;
      this.newToState.set(id, fresh);
      record();
    }
    return fresh;
  }

  /** Drops the least recently seen services beyond the bound (never one of this batch's, never unsaved). */
  private evict(keep: ReadonlySet<string>): void {
    for (const [service, ids] of this.byService) {
      if (this.byService.size <= MAX_SERVICES) return;
      if (keep.has(service) || this.dirtyServices.has(service)) continue;
      if ([...ids].some((id) => this.dirtyProfiles.has(id))) continue;
      for (const id of ids) this.profiles.delete(id);
      this.templaters.delete(service);
      this.templaterBatches.delete(service);
      this.specVersions.delete(service);
      this.byService.delete(service);
    }
  }
}
