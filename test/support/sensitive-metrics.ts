import { SENSITIVE_CLASSES, type SensitiveClass, scanCallForSensitiveData } from '@apiscope/inference';

import { type LabelledScan } from './sensitive-labelled-set';

export interface ClassScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  perClass: Record<SensitiveClass, ClassScore>;
  overall: ClassScore;
  /** Reported triples that are not labelled, and labelled triples that were missed. */
  falsePositives: string[];
  falseNegatives: string[];
}

const score = (tp: number, fp: number, fn: number): ClassScore => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
};

/**
 * Scores the scanner over (case, location, name, class) triples, the unit the goal is stated
 * in (endpoint, location, name, class): a triple counts once however many values it covers.
 */
export function evaluate(scans: readonly LabelledScan[]): Evaluation {
  const counts = Object.fromEntries(SENSITIVE_CLASSES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<
    SensitiveClass,
    { tp: number; fp: number; fn: number }
  >;
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  for (const scan of scans) {
    const got = new Set(
      scanCallForSensitiveData(scan.input).observations.map((o) => `${o.location} ${o.name} ${o.class}`),
    );
    const want = new Set(scan.expected.map(([l, n, c]) => `${l} ${n} ${c}`));
    for (const triple of got) {
      const cls = triple.slice(triple.lastIndexOf(' ') + 1) as SensitiveClass;
      if (want.has(triple)) counts[cls].tp += 1;
      else {
        counts[cls].fp += 1;
        falsePositives.push(`${scan.id}: ${triple}`);
      }
    }
    for (const triple of want) {
      if (got.has(triple)) continue;
      counts[triple.slice(triple.lastIndexOf(' ') + 1) as SensitiveClass].fn += 1;
      falseNegatives.push(`${scan.id}: ${triple}`);
    }
  }
  const perClass = Object.fromEntries(
    SENSITIVE_CLASSES.map((c) => [c, score(counts[c].tp, counts[c].fp, counts[c].fn)]),
  ) as Record<SensitiveClass, ClassScore>;
  const sum = (k: 'tp' | 'fp' | 'fn') => SENSITIVE_CLASSES.reduce((n, c) => n + counts[c][k], 0);
  return { perClass, overall: score(sum('tp'), sum('fp'), sum('fn')), falsePositives, falseNegatives };
}
