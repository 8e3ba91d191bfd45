import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared/corpus` beside the checkout (spec support). */
export const CORPUS_DIR = resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus');

export function corpusFile(...parts: string[]): string {
  const file = join(CORPUS_DIR, ...parts);
  if (!existsSync(file)) throw new Error(`corpus file missing: ${file} (is ../shared beside the checkout?)`);
  return file;
}
