import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { NestFactory } from '@nestjs/core';

import { GetInventoryUseCase, ImportSpecUseCase } from '@apiscope/api';
import { EmbeddedAppModule } from '@apiscope/cli';
import { type InventoryDocument } from '@apiscope/inventory';
import { DEFAULT_DATABASE } from '@apiscope/storage';
import { InProcessBus } from '@apiscope/transport';

import { type LabelledService, SCORED_FLAGS, type ScoredFlag, truthKey } from './spec-flags-labelled-set';

/**
 * The inventory `apiscope analyze --spec ... --har ...` would print for these services: the same
 * embedded application, spec import use case, in-process bus and inventory use case, in a temp dir.
 */
export async function analyzeInventory(services: readonly LabelledService[]): Promise<InventoryDocument> {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-spec-flags-'));
  const app = await NestFactory.createApplicationContext(
    EmbeddedAppModule.forRoot(
      { dataDir: dir, database: DEFAULT_DATABASE },
      { apiKey: 'unused-in-analyze-no-http-listener', changeIntervalMs: 0 },
    ),
    { logger: false, abortOnError: false },
  );
  try {
    await app.init();
    const specs = app.get(ImportSpecUseCase);
    for (const s of services) for (const document of s.specVersions) await specs.execute(s.service, document);
    const bus = app.get(InProcessBus);
    for (const s of services)
      for (let i = 0; i < s.calls.length; i += 2000)
        await bus.publish(s.calls.slice(i, i + 2000).map((payload) => ({ payload, source: 'bench' })));
    return await app.get(GetInventoryUseCase).execute();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FlagScore {
  flag: ScoredFlag;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** endpoints wrongly flagged, and flagged ones missed (`service METHOD template`), for diagnosis */
  falsePositives: string[];
  falseNegatives: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Precision, recall and F1 per flag over endpoints (service + method + template, names ignored). */
export function scoreSpecFlags(services: readonly LabelledService[], doc: InventoryDocument): FlagScore[] {
  const predicted = new Map<string, Set<string>>();
  for (const s of doc.services)
    for (const e of s.endpoints) {
      const key = `${s.name} ${truthKey(e.method, e.path)}`;
      const set = predicted.get(key) ?? new Set<string>();
      for (const f of e.flags) set.add(f);
      predicted.set(key, set);
    }
  const truth = new Map<string, Set<string>>();
  for (const s of services) for (const [k, flags] of s.truth) truth.set(`${s.service} ${k}`, flags);
  return SCORED_FLAGS.map((flag) => {
    const falsePositives: string[] = [];
    const falseNegatives: string[] = [];
    let tp = 0;
    for (const [key, flags] of predicted)
      if (flags.has(flag)) {
        if (truth.get(key)?.has(flag)) tp += 1;
        else falsePositives.push(key);
      }
    for (const [key, flags] of truth)
      if (flags.has(flag) && !predicted.get(key)?.has(flag)) falseNegatives.push(key);
    const precision = ratio(tp, tp + falsePositives.length);
    const recall = ratio(tp, tp + falseNegatives.length);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return {
      flag,
      tp,
      fp: falsePositives.length,
      fn: falseNegatives.length,
      precision,
      recall,
      f1,
      falsePositives,
      falseNegatives,
    };
  });
}

/** F1 over the four flags pooled (micro average). */
export function pooledF1(scores: readonly FlagScore[]): number {
  const tp = scores.reduce((n, s) => n + s.tp, 0);
  const fp = scores.reduce((n, s) => n + s.fp, 0);
  const fn = scores.reduce((n, s) => n + s.fn, 0);
  return (2 * tp) / (2 * tp + fp + fn);
}
