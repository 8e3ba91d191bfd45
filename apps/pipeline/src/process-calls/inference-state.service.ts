import { Inject, Injectable, Logger } from '@nestjs/common';

import { EndpointProfile, PathTemplater, type TemplaterStateJson } from '@apiscope/inference';
import { profileKey } from '@apiscope/inventory';
import { InferenceStateRepository } from '@apiscope/storage';

/** How often a worker looks for corrections users gave through the API. */
const CORRECTIONS_EVERY_MS = 2000;

/**
 * What one pipeline worker has learnt: a templater per service and a profile per endpoint key,
 * loaded from storage the first time a service shows up (another worker may have learnt it before:
 * Kafka hands a partition over) and written back after each batch for what the batch changed.
 */
@Injectable()
export class InferenceStateService {
  private readonly logger = new Logger(InferenceStateService.name);
  private readonly templaters = new Map<string, PathTemplater>();
  private readonly profiles = new Map<
    string,
    { service: string; method: string; key: string; profile: EndpointProfile }
  >();
  private readonly dirtyServices = new Set<string>();
  private readonly dirtyProfiles = new Set<string>();
  private lastCorrection = 0;
  private correctionsCheckedAt = 0;

  constructor(@Inject(InferenceStateRepository) private readonly repository: InferenceStateRepository) {}

  /**
   * Loads the state of services not seen yet by this worker, and applies users' corrections given
   * since (checked at most every few seconds).
   */
  async load(services: Iterable<string>): Promise<void> {
    await this.applyNewCorrections();
    const missing = [...new Set(services)].filter((s) => !this.templaters.has(s));
    if (missing.length === 0) return;
    const [states, profiles] = await Promise.all([
      this.repository.templaters(missing),
      this.repository.profiles(missing),
    ]);
    for (const service of missing) this.templaters.set(service, new PathTemplater());
    for (const row of states) {
      try {
        this.templaters.set(row.service, PathTemplater.fromJSON(JSON.parse(row.state) as TemplaterStateJson));
      } catch {
        this.logger.warn(`templater state of ${row.service} does not parse; learning it again`);
      }
    }
    for (const c of await this.repository.corrections(missing)) {
      this.templaters.get(c.service)?.correct(c.action, c.template);
      this.lastCorrection = Math.max(this.lastCorrection, c.seq);
    }
    for (const row of profiles) {
      try {
        const profile = EndpointProfile.fromJSON(JSON.parse(row.profile));
        this.remember(row.service, row.method, row.pathTemplate, profile);
      } catch {
        // a broken profile is relearnt from the next calls
      }
    }
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
        ? [{ service: p.service, method: p.method, pathTemplate: p.key, profile: JSON.stringify(p.profile) }]
        : [];
    });
    this.dirtyServices.clear();
    this.dirtyProfiles.clear();
    await Promise.all([
      this.repository.saveTemplaters(
        services.flatMap((service) => {
          const t = this.templaters.get(service);
          return t ? [{ service, state: JSON.stringify(t.toJSON()) }] : [];
        }),
      ),
      this.repository.saveProfiles(profiles),
    ]);
  }

  private async applyNewCorrections(): Promise<void> {
    if (this.templaters.size === 0 || Date.now() - this.correctionsCheckedAt < CORRECTIONS_EVERY_MS) return;
    this.correctionsCheckedAt = Date.now();
    for (const c of await this.repository.corrections([...this.templaters.keys()], this.lastCorrection)) {
      this.templater(c.service).correct(c.action, c.template);
      this.lastCorrection = Math.max(this.lastCorrection, c.seq);
    }
  }

  /**
   * Profiles stay in memory for the services this worker handles: their number is bounded by what
   * the templaters keep per service (a flood collapses into parameters, so into few keys).
   */
  private remember(service: string, method: string, key: string, profile: EndpointProfile): void {
    this.profiles.set(profileKey(service, method, key), { service, method, key, profile });
  }
}
