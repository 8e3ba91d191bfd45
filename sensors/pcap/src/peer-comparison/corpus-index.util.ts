import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared/corpus` beside the checkout, as CI lays it out. */
export const CORPUS_DIR = resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus');

export interface CorpusCapture {
  id: string;
  peer: 'zeek' | 'suricata' | 'arkime';
  capture: string;
  expected: string;
}

/** The captures of INDEX.tsv with their peer's expected results (absolute paths). */
export function corpusCaptures(): CorpusCapture[] {
  const index = join(CORPUS_DIR, 'INDEX.tsv');
  if (!existsSync(index))
    throw new Error(`corpus index missing: ${index} (is ../shared beside the checkout?)`);
  const [header, ...rows] = readFileSync(index, 'utf8').trim().split('\n');
  const columns = header.split('\t');
  const at = (row: string[], name: string) => row[columns.indexOf(name)];
  return rows.map((line) => {
    const row = line.split('\t');
    const id = at(row, 'id');
    const prefix = id.slice(0, id.indexOf(':'));
    return {
      id,
      peer: prefix === 'suricata-verify' ? 'suricata' : (prefix as 'zeek' | 'arkime'),
      capture: join(CORPUS_DIR, at(row, 'capture')),
      expected: join(CORPUS_DIR, at(row, 'expected')),
    };
  });
}
