/** One sample of the Prometheus text format: `name{a="b",c="d"}` -> value. */
export type Samples = Map<string, number>;

/**
 * Parses the exposition text into samples keyed by name and sorted labels, so a test can say
 * `value(samples, 'apiscope_events_in_total', { stage: 'ingest' })` without caring about label order.
 */
export function parsePrometheusText(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels = [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)]
      .map(([, k, v]) => `${k}=${v}`)
      .sort();
    samples.set(`${match[1]}{${labels.join(',')}}`, Number(match[3]));
  }
  return samples;
}

/** The sample's value, 0 when absent (a counter not yet moved has no sample for its labels). */
export function sample(samples: Samples, name: string, labels: Record<string, string> = {}): number {
  const key = `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',')}}`;
  return samples.get(key) ?? 0;
}
