import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared/corpus` beside the checkout (spec support). */
export const CORPUS_DIR = resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus');

export function corpusFile(...parts: string[]): string {
  const file = join(CORPUS_DIR, ...parts);
  if (!existsSync(file)) throw new Error(`corpus file missing: ${file} (is ../shared beside the checkout?)`);
  return file;
}

/** Every capture of the corpus, relative to CORPUS_DIR: the INDEX.tsv peers' captures, then api-pcaps/. */
export function corpusCaptures(): string[] {
  return readFileSync(join(CORPUS_DIR, 'INDEX.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[1])
    .concat(
      readdirSync(join(CORPUS_DIR, 'api-pcaps'))
        .filter((f) => f.endsWith('.pcap'))
        .map((f) => join('api-pcaps', f)),
    );
}
