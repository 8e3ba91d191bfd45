import { type Command } from 'commander';

import { DEFAULT_DATA_DIR } from '@apiscope/storage';

import { API_KEY_FILE } from './api-key.util';
import { readSpecFile } from './spec-input';
import { UsageException } from './usage.exception';

interface SpecImportOptions {
  url: string;
  data: string;
}

/**
 * `apiscope spec import SERVICE FILE`: sends the spec to a running apiscope (which holds the data
 * directory) through its API, with the key from APISCOPE_API_KEY or the data directory.
 */
async function importSpec(service: string, file: string, options: SpecImportOptions): Promise<void> {
  const document = await readSpecFile(file);
  const key =
    process.env['APISCOPE_API_KEY'] ??
    (await readSpecFile(`${options.data}/${API_KEY_FILE}`).catch(() => undefined))?.trim();
  if (!key)
    throw new UsageException(
      `no API key: set APISCOPE_API_KEY or run next to the data directory (${options.data}/${API_KEY_FILE})`,
    );
  let response: Response;
  try {
    response = await fetch(`${options.url.replace(/\/+$/, '')}/api/v1/specs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ service, document }),
    });
  } catch (cause) {
    throw new Error(
      `cannot reach apiscope at ${options.url}: ${(cause as Error).message}; is \`apiscope up\` running?`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    detail?: string;
    version?: number;
    operations?: number;
  };
  if (response.status === 400) throw new UsageException(`${file}: ${body.detail ?? 'refused'}`);
  if (!response.ok) throw new Error(`apiscope answered ${response.status}: ${body.detail ?? ''}`);
  process.stdout.write(
    `imported ${file} as ${service} spec version ${body.version} (${body.operations} operations)\n`,
  );
}

export function registerSpecCommand(program: Command): void {
  const spec = program
    .command('spec')
    .description('reference specs (OpenAPI 2.0/3.0/3.1) held beside traffic');
  spec
    .command('import')
    .description('import a reference spec for a service into a running apiscope')
    .argument('<service>', 'service name as apiscope reports it (host without default port)')
    .argument('<file>', 'OpenAPI document, JSON or YAML')
    .option('--url <url>', 'the running apiscope', 'http://127.0.0.1:8080')
    .option('--data <dir>', 'data directory holding the api-key file', DEFAULT_DATA_DIR)
    .action((service: string, file: string, options: SpecImportOptions) =>
      importSpec(service, file, options),
    );
  spec.commands.forEach((c) => c.exitOverride());
  spec.exitOverride();
}
