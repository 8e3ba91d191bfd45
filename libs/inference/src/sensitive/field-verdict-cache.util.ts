import { type SensitiveClass } from './sensitive-class.type';

export interface FieldVerdictCacheOptions {
  /** Fields remembered at once; past it the cache starts over (bounded memory whatever the traffic). */
  maxFields: number;
  /** Values of a field classified before its verdict may be reused: first occurrences are always seen. */
  warmup: number;
  /** Once reused, one value in this many is still classified, to notice a field that changes. */
  recheckEvery: number;
}

interface FieldState {
  verdict: SensitiveClass | null;
  /** Consecutive classifications that gave `verdict`. */
  stable: number;
  reused: number;
}

/**
 * Per-field sampling for hot endpoints: a field (endpoint, location, path) whose values kept the same
 * verdict `warmup` times in a row gets that verdict without classifying, except every
 * `recheckEvery`-th value. A verdict that changes resets the field to full classification. Nothing
 * here holds a value: keys are paths and verdicts are class names.
 */
export class FieldVerdictCache {
  private readonly fields = new Map<string, FieldState>();

  constructor(
    private readonly options: FieldVerdictCacheOptions = { maxFields: 50_000, warmup: 32, recheckEvery: 16 },
  ) {}

  /** The verdict to reuse for this field's next value, or undefined when the value must be classified. */
  reuse(field: string): SensitiveClass | null | undefined {
    const state = this.fields.get(field);
    if (state === undefined || state.stable < this.options.warmup) return undefined;
    state.reused += 1;
    return state.reused % this.options.recheckEvery === 0 ? undefined : state.verdict;
  }

  /** Records what classifying one of this field's values gave. */
  record(field: string, verdict: SensitiveClass | null): void {
    const state = this.fields.get(field);
    if (state === undefined) {
      if (this.fields.size >= this.options.maxFields) this.fields.clear();
      this.fields.set(field, { verdict, stable: 1, reused: 0 });
    } else if (state.verdict === verdict) state.stable += 1;
    else [state.verdict, state.stable, state.reused] = [verdict, 1, 0];
  }

  get size(): number {
    return this.fields.size;
  }
}
