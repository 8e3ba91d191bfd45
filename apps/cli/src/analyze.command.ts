import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Command } from 'commander';
import { NestFactory } from '@nestjs/core';

import { GetInventoryUseCase, ImportSpecUseCase } from '@apiscope/api';
import { type EndpointFlag, type InventoryDocument, toOpenApiDocument } from '@apiscope/inventory';
import { LOG_FORMATS } from '@apiscope/logs';
import { DEFAULT_DATABASE } from '@apiscope/storage';
import { InProcessBus } from '@apiscope/transport';

import { collect, parseFlags } from './cli-options.util';
import { CliLogger } from './cli-logger';
import { EmbeddedAppModule } from './embedded-app.module';
import { ingestHarFile } from './har-input';
import { importSpecFiles } from './spec-input';
import { ORPHAN_WINDOW_HELP, parseOrphanWindow } from './orphan-window.util';
import { ingestLogInput, parseLogSpec } from './log-input';
import { ingestPcapFile } from './pcap-input';
import { formatInventoryTable } from './inventory-table.util';
import { FlaggedEndpointsException, UsageException } from './usage.exception';

interface AnalyzeOptions {
  har?: string[];
  spec?: string[];
  log?: string[];
  pcap?: string[];
  format: string;
  failOn?: string;
  orphanWindow?: number;
  verbose?: boolean;
}

const FORMATS = ['json', 'table', 'openapi'] as const;

function flagged(doc: InventoryDocument, flags: readonly EndpointFlag[]): string[] {
  const hits: string[] = [];
  for (const s of doc.services)
    for (const e of s.endpoints) {
      const matched = e.flags.filter((f) => flags.includes(f));
      if (matched.length > 0) hits.push(`${s.name} ${e.method} ${e.path}: ${matched.join(', ')}`);
    }
  return hits;
}

/** json: the inventory document; table: for terminals; openapi: one OpenAPI 3.1 document per service, keyed by name. */
function render(doc: InventoryDocument, format: string): string {
  if (format === 'table') return formatInventoryTable(doc);
  if (format === 'openapi') {
    const docs = Object.fromEntries(
      doc.services
        .filter((s) => s.endpoints.some((e) => e.calls > 0))
        .map((s) => [s.name, toOpenApiDocument(s)]),
    );
    return `${JSON.stringify(docs, null, 2)}\n`;
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One-shot offline run: inputs -> pipeline -> embedded storage in a temp dir -> inventory on stdout. */
async function analyze(options: AnalyzeOptions): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(options.format))
    throw new UsageException(`--format must be one of ${FORMATS.join(', ')}`);
  const failOn = options.failOn === undefined ? [] : parseFlags(options.failOn);
  const inputs = options.har ?? [];
  const logs = (options.log ?? []).map(parseLogSpec);
  const captures = options.pcap ?? [];
  if (inputs.length === 0 && logs.length === 0 && captures.length === 0) {
    throw new UsageException(
      'nothing to analyze: give at least one --har FILE, --pcap FILE or --log FORMAT:PATH',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-analyze-'));
  const app = await NestFactory.createApplicationContext(
    EmbeddedAppModule.forRoot(
      { dataDir: dir, database: DEFAULT_DATABASE },
      {
        apiKey: 'unused-in-analyze-no-http-listener',
        changeIntervalMs: 0,
        ...(options.orphanWindow !== undefined && { orphanWindowMs: options.orphanWindow }),
      },
    ),
    { logger: new CliLogger(options.verbose ? 'log' : 'warn'), abortOnError: false },
  );
  let doc: InventoryDocument;
  try {
    await app.init();
    await importSpecFiles(app.get(ImportSpecUseCase), options.spec ?? []);
    const bus = app.get(InProcessBus);
    for (const file of inputs) {
      const report = await ingestHarFile(bus, file);
      if (report.skipped.length > 0 || report.rejected > 0) {
        process.stderr.write(
          `${file}: ${report.accepted} calls, ${report.skipped.length} entries skipped, ${report.rejected} refused\n`,
        );
      }
    }
    for (const spec of logs) await ingestLogInput(bus, spec);
    for (const file of captures) {
      const report = await ingestPcapFile(bus, file);
      if (report.noHttp !== undefined) process.stderr.write(`${file}: ${report.noHttp}\n`);
      else if (report.rejected > 0)
        process.stderr.write(`${file}: ${report.accepted} calls, ${report.rejected} refused\n`);
    }
    doc = await app.get(GetInventoryUseCase).execute();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(render(doc, options.format));
  const hits = flagged(doc, failOn);
  if (hits.length > 0)
    throw new FlaggedEndpointsException(
      `${hits.length} endpoint(s) carry --fail-on flags:\n${hits.join('\n')}`,
    );
}

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description(
      'one-shot offline analysis: read inputs, print the inventory (exit 3 when --fail-on matches)',
    )
    .option('--har <file>', 'HAR 1.2 file (repeatable)', collect)
    .option('--spec <service=file>', 'reference spec (OpenAPI) for a service (repeatable)', collect)
    .option(
      '--log <format:path>',
      `gateway log as FORMAT:PATH, PATH a file or glob (repeatable); FORMAT: ${LOG_FORMATS.join(', ')}`,
      collect,
    )
    .option('--pcap <file>', 'pcap or pcapng capture file (repeatable)', collect)
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'json')
    .option(
      '--fail-on <flags>',
      'comma-separated flags that make the command exit 3 (shadow,orphan,zombie,unauthenticated,sensitive)',
    )
    .option('--orphan-window <duration>', ORPHAN_WINDOW_HELP, parseOrphanWindow)
    .option('--verbose', 'log progress to stderr')
    .action((options: AnalyzeOptions) => analyze(options));
}
