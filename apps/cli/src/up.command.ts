import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Logger } from '@nestjs/common';
import { type Command } from 'commander';

import { ChangeTrackerService, ImportSpecUseCase } from '@apiscope/api';
import { DEFAULT_DATA_DIR } from '@apiscope/storage';

import { resolveApiKey } from './api-key.util';
import { apiLimitsFromEnv } from './api-limits.util';
import { collect, parseCorsOrigin, parsePort, readTlsFiles } from './cli-options.util';
import { ORPHAN_WINDOW_HELP, parseOrphanWindow } from './orphan-window.util';
import { CliLogger } from './cli-logger';
import { startEmbeddedServer } from './embedded-server';
import { ingestHarFile } from './har-input';
import { UsageException } from './usage.exception';
import { importSpecFiles } from './spec-input';
import { followLogInputs, type FollowedLogInputs, parseLogSpec } from './log-input';
import { ingestPcapFile } from './pcap-input';

export const DEMO_HAR = resolve(__dirname, '..', 'demo', 'demo-shop.har');
export const DEMO_SPEC = `api.shop.example=${resolve(__dirname, '..', 'demo', 'shop-api.openapi.yaml')}`;
/** The web catalog's build: `npm install` makes it (root `prepare`), `npm run build:ui` remakes it. */
export const UI_DIR = resolve(__dirname, '..', '..', 'ui', 'dist');

interface ServeOptions {
  data: string;
  port: string;
  host: string;
  clickhouse?: string;
  har?: string[];
  spec?: string[];
  log?: string[];
  pcap?: string[];
  demo?: boolean;
  webhook?: string;
  tlsCert?: string;
  tlsKey?: string;
  corsOrigin?: string[];
  orphanWindow?: number;
}

function parseWebhookUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  throw new UsageException(`--webhook must be an http(s) URL, got "${value}"`);
}

/** Runs until SIGINT/SIGTERM; then finishes queued events and closes storage. */
async function serve(options: ServeOptions, withInputs: boolean): Promise<void> {
  const logger = new Logger('apiscope');
  const port = parsePort(options.port);
  const tls = readTlsFiles(options.tlsCert, options.tlsKey);
  const logs = (options.log ?? []).map(parseLogSpec);
  const { key, origin } = resolveApiKey(options.data);
  const server = await startEmbeddedServer({
    dataDir: options.data,
    ...(options.clickhouse !== undefined && { clickhouseUrl: options.clickhouse }),
    host: options.host,
    port,
    apiKey: key,
    api: {
      ...apiLimitsFromEnv(),
      ...(options.corsOrigin && { corsOrigins: options.corsOrigin }),
      ...(options.orphanWindow !== undefined && { orphanWindowMs: options.orphanWindow }),
      ...(options.webhook !== undefined && { webhookUrl: parseWebhookUrl(options.webhook) }),
      ...(process.env['APISCOPE_WEBHOOK_SECRET'] !== undefined && {
        webhookSecret: process.env['APISCOPE_WEBHOOK_SECRET'],
      }),
      uiDir: UI_DIR,
    },
    ...(tls && { tls }),
    logger: new CliLogger(),
  });
  let stopping = false;
  let followed: FollowedLogInputs | undefined;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    // followed logs deliver what is complete and save their offsets before the pipeline closes
    (followed?.stop() ?? Promise.resolve())
      .then(() => server.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  logger.log(
    `apiscope is up at ${server.url}  (catalog: ${server.url}/, API: ${server.url}/api/v1, docs: ${server.url}/api/docs)`,
  );
  if (!existsSync(join(UI_DIR, 'index.html')))
    logger.warn(
      `the web catalog is not built (${UI_DIR} is missing): run \`npm run build:ui\`; the API works without it`,
    );
  logger.log(`API key: ${origin === 'APISCOPE_API_KEY' ? 'from APISCOPE_API_KEY' : `in ${origin}`}`);
  if (!tls && !/^(127\.|localhost$|::1$|\[::1\]$)/.test(options.host))
    logger.warn(
      `listening on ${options.host} without TLS: API keys cross the network in clear (use --tls-cert/--tls-key)`,
    );
  if (!withInputs) return;
  for (const spec of await importSpecFiles(server.app.get(ImportSpecUseCase), [
    ...(options.demo ? [DEMO_SPEC] : []),
    ...(options.spec ?? []),
  ])) {
    logger.log(`reference spec for ${spec.service}: version ${spec.version}, ${spec.operations} operations`);
  }
  const files = [...(options.demo ? [DEMO_HAR] : []), ...(options.har ?? [])];
  for (const file of files) {
    const report = await ingestHarFile(server.bus, file);
    logger.log(
      `${file}: ${report.accepted} calls stored, ${report.rejected} refused, ${report.skipped.length} HAR entries skipped`,
    );
  }
  for (const file of options.pcap ?? []) {
    const report = await ingestPcapFile(server.bus, file);
    logger.log(
      report.noHttp ??
        `${file}: ${report.accepted} calls stored, ${report.rejected} refused (${report.incomplete} incomplete exchanges)`,
    );
  }
  // the change feed reflects the start-up inputs at once, not at the next tick
  await server.app.get(ChangeTrackerService).lookNow();
  if (logs.length > 0 && !stopping) {
    followed = followLogInputs(server.bus, logs, options.data, (line) => logger.log(line));
    logger.log(`following ${logs.map((l) => `${l.format}:${l.path}`).join(', ')}`);
  }
}

export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description(
      'run apiscope on this machine: embedded ClickHouse, pipeline, API and catalog in one process',
    )
    .option('--data <dir>', 'data directory of embedded ClickHouse', DEFAULT_DATA_DIR)
    .option('--port <port>', 'HTTP port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0 to accept remote sensors)', '127.0.0.1')
    .option(
      '--clickhouse <url>',
      'a ClickHouse server instead of the embedded one (or CLICKHOUSE_URL)',
      process.env['CLICKHOUSE_URL'],
    )
    .option('--har <file>', 'HAR file to ingest at start-up (repeatable)', collect)
    .option('--pcap <file>', 'pcap or pcapng capture to ingest at start-up (repeatable)', collect)
    .option(
      '--log <format:path>',
      'gateway log to follow while running, as FORMAT:PATH (repeatable; offsets kept in --data)',
      collect,
    )
    .option('--spec <service=file>', 'reference spec (OpenAPI) for a service (repeatable)', collect)
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (with HSTS) instead of HTTP')
    .option('--tls-key <file>', 'PEM private key of --tls-cert')
    .option(
      '--cors-origin <origin>',
      'browser origin allowed to call the API (repeatable); none: CORS closed',
      parseCorsOrigin,
    )
    .option('--orphan-window <duration>', ORPHAN_WINDOW_HELP, parseOrphanWindow)
    .option(
      '--webhook <url>',
      'POST inventory changes here (HMAC-SHA256 signed with APISCOPE_WEBHOOK_SECRET)',
    )
    .option(
      '--demo',
      `ingest the bundled demo capture and its reference spec (${join('apps', 'cli', 'demo')})`,
    )
    .action((options: ServeOptions) => serve(options, true));
}

export function registerApiCommand(program: Command): void {
  program
    .command('api')
    .description('serve the REST API (and ingest) over existing data')
    .option('--data <dir>', 'data directory of embedded ClickHouse', DEFAULT_DATA_DIR)
    .option('--port <port>', 'HTTP port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--clickhouse <url>',
      'ClickHouse server URL (or CLICKHOUSE_URL); embedded when absent',
      process.env['CLICKHOUSE_URL'],
    )
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (with HSTS) instead of HTTP')
    .option('--tls-key <file>', 'PEM private key of --tls-cert')
    .option(
      '--cors-origin <origin>',
      'browser origin allowed to call the API (repeatable); none: CORS closed',
      parseCorsOrigin,
    )
    .option('--orphan-window <duration>', ORPHAN_WINDOW_HELP, parseOrphanWindow)
    .action((options: ServeOptions) => serve(options, false));
}
