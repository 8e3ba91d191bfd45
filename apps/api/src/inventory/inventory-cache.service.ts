import { Inject, Injectable } from '@nestjs/common';

import {
  type AssessedInventory,
  type InventoryDocument,
  applyReferenceSpecs,
  assessInventory,
  buildInventoryDocument,
} from '@apiscope/inventory';
import {
  InventoryVersionRepository,
  ReferenceSpecRepository,
  ResolvedEndpointRepository,
} from '@apiscope/storage';

import { API_OPTIONS, type ApiOptions } from '../api-options.type';

/**
 * A rebuild at most this often even when the fingerprint holds: it bounds staleness in the one case
 * the fingerprint can miss (a batch's aggregates and a background merge cancelling out in row count
 * between two reads, with its calls counted before), at one build per interval.
 */
const MAX_AGE_MS = 30_000;

interface Built {
  /** Traffic as the templater resolved it, before reference specs rename and flag it (for drift). */
  observed: InventoryDocument;
  assessed: AssessedInventory;
}

interface Entry {
  version: string;
  builtAt: number;
  built: Built;
}

/**
 * The whole resolved inventory (templates resolved from the learnt state, reference specs applied,
 * findings and risk assessed),
 * built once per version of its inputs instead of once per request: every read route cuts its page
 * from it. Each read first asks storage for a cheap fingerprint (InventoryVersionRepository), so
 * writes by other processes (pipeline workers) show at the next read; writes in this process
 * (spec import, template corrections) also call invalidate(). Concurrent reads share one
 * fingerprint query and one build (single flight). Documents handed out are shared: callers must
 * not mutate them.
 */
@Injectable()
export class InventoryCacheService {
  private entry: Entry | undefined;
  private building: { version: string; built: Promise<Built> } | undefined;
  private checking: Promise<string> | undefined;
  /** Bumped by invalidate(): part of the version, so a build begun before a write is never kept. */
  private generation = 0;

  constructor(
    @Inject(ResolvedEndpointRepository) private readonly endpoints: ResolvedEndpointRepository,
    @Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository,
    @Inject(InventoryVersionRepository) private readonly versions: InventoryVersionRepository,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  async assessed(): Promise<AssessedInventory> {
    return (await this.current()).assessed;
  }

  /** The same version's inventory before reference specs were applied. */
  async observed(): Promise<InventoryDocument> {
    return (await this.current()).observed;
  }

  private async current(): Promise<Built> {
    const fingerprint = await this.fingerprint();
    const version = `${this.generation}/${fingerprint}`;
    const entry = this.entry;
    if (entry && entry.version === version && Date.now() - entry.builtAt < MAX_AGE_MS) return entry.built;
    if (this.building?.version === version) return this.building.built;
    const builtAt = Date.now();
    const pending = this.build();
    const building = { version, built: pending };
    this.building = building;
    try {
      const built = await pending;
      if (`${this.generation}` === version.split('/')[0]) this.entry = { version, builtAt, built };
      return built;
    } finally {
      if (this.building === building) this.building = undefined;
    }
  }

  /** After a write in this process: the next read rebuilds, even before the fingerprint shows it. */
  invalidate(): void {
    this.generation += 1;
    this.entry = undefined;
  }

  private fingerprint(): Promise<string> {
    this.checking ??= this.versions.current().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async build(): Promise<Built> {
    const [resolved, specs] = await Promise.all([this.endpoints.list(), this.specs.byService()]);
    const window = this.options.orphanWindowMs;
    // applyReferenceSpecs copies what it changes, so the observed document stays as traffic showed it
    const observed = buildInventoryDocument(resolved);
    const document = applyReferenceSpecs(
      observed,
      specs,
      window === undefined ? {} : { orphanWindowMs: window },
    );
    return { observed, assessed: assessInventory(document) };
  }
}
