import { readFile } from 'node:fs/promises';

import { type ImportSpecUseCase } from '@apiscope/api';

import { UsageException } from './usage.exception';

export interface SpecArgument {
  service: string;
  file: string;
}

/** `--spec SERVICE=FILE` */
export function parseSpecArgument(value: string): SpecArgument {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1)
    throw new UsageException(`--spec must be SERVICE=FILE, got "${value}"`);
  return { service: value.slice(0, eq), file: value.slice(eq + 1) };
}

export async function readSpecFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageException(
      `cannot read spec file ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
    );
  }
}

/** Imports `--spec` files in process (up, analyze); a refused spec is a usage error naming the file. */
export async function importSpecFiles(
  useCase: ImportSpecUseCase,
  values: readonly string[],
): Promise<Array<{ service: string; version: number; operations: number }>> {
  const imported = [];
  for (const value of values) {
    const { service, file } = parseSpecArgument(value);
    const text = await readSpecFile(file);
    try {
      const v = await useCase.execute(service, text);
      imported.push({ service, version: v.version, operations: v.operations });
    } catch (error) {
      const detail =
        (error as { problems?: Array<{ problem: string }> }).problems?.[0]?.problem ?? String(error);
      throw new UsageException(`${file}: ${detail}`);
    }
  }
  return imported;
}
