import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Command } from 'commander';

import { type KafkaPipelineOptions, PipelineModule } from '@apiscope/pipeline';
import { DEFAULT_DATA_DIR, StorageModule } from '@apiscope/storage';
import {
  DEFAULT_DLQ_TOPIC,
  TransportException,
  kafkaSecurityFromEnv,
  parseKafkaUrl,
} from '@apiscope/transport';

import { ApiscopeMetrics } from '@apiscope/telemetry';

import { CliLogger } from './cli-logger';
import { startMetricsServer } from './metrics-server.util';
import { storageConfigFrom } from './storage-config.util';
import { UsageException } from './usage.exception';

interface PipelineOptions {
  source: string;
  group: string;
  dlqTopic: string;
  clickhouse?: string;
  data: string;
  maxBatch: string;
  sessionTimeout: string;
  metricsPort?: string;
  metricsHost: string;
}

/**
 * Crash tests: `APISCOPE_FAULT_CRASH_AFTER_BATCHES=N` dies by SIGKILL between storing batch N and
 * committing it; `APISCOPE_FAULT_CRASH_AT=PARTITION:OFFSET` dies the same way after storing the batch
 * that holds that offset (whichever worker owns the partition then).
 */
function crashInjection(): Pick<KafkaPipelineOptions, 'crashAfterStoredBatches' | 'crashAtOffset'> {
  const n = Number(process.env['APISCOPE_FAULT_CRASH_AFTER_BATCHES']);
  const at = /^(\d+):(\d+)$/.exec(process.env['APISCOPE_FAULT_CRASH_AT'] ?? '');
  return {
    ...(Number.isInteger(n) && n > 0 && { crashAfterStoredBatches: n }),
    ...(at && { crashAtOffset: { partition: Number(at[1]), offset: at[2] } }),
  };
}

/**
 * How long a graceful stop may take (the batch in hand, leaving the group) before the worker exits
 * anyway: a stop must end, and an unfinished batch is replayed exactly by the next owner.
 */
const SHUTDOWN_LIMIT_MS = 30_000;

/** A distributed-mode worker: Kafka consumer group -> pipeline -> ClickHouse, until SIGTERM. */
async function runPipeline(options: PipelineOptions): Promise<void> {
  let target;
  try {
    target = parseKafkaUrl(options.source);
  } catch (error) {
    throw new UsageException(
      `--source: ${error instanceof TransportException ? error.message : String(error)}`,
    );
  }
  const maxBatchEvents = Number(options.maxBatch);
  if (!Number.isInteger(maxBatchEvents) || maxBatchEvents < 1 || maxBatchEvents > 100_000)
    throw new UsageException('--max-batch must be an integer from 1 to 100000');
  const sessionTimeoutMs = Number(options.sessionTimeout);
  if (!Number.isInteger(sessionTimeoutMs) || sessionTimeoutMs < 1000 || sessionTimeoutMs > 300_000)
    throw new UsageException('--session-timeout must be milliseconds from 1000 to 300000');
  const metricsPort = options.metricsPort === undefined ? undefined : Number(options.metricsPort);
  if (
    metricsPort !== undefined &&
    (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535)
  )
    throw new UsageException('--metrics-port must be a port number from 0 to 65535');
  const module = {
    module: class PipelineWorkerModule {},
    imports: [
      StorageModule.forRoot(storageConfigFrom(options.data, options.clickhouse)),
      PipelineModule.forKafka({
        ...target,
        groupId: options.group,
        dlqTopic: options.dlqTopic,
        security: kafkaSecurityFromEnv(),
        maxBatchEvents,
        sessionTimeoutMs,
        ...crashInjection(),
      }),
    ],
  };
  const app = await NestFactory.createApplicationContext(module, {
    logger: new CliLogger(),
    abortOnError: false,
  });
  const logger = new Logger('apiscope');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the batch in hand, then leaving the group`);
    setTimeout(() => {
      logger.error(
        `shutdown took over ${SHUTDOWN_LIMIT_MS / 1000} s; exiting (the batch in hand is replayed)`,
      );
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  await app.init();
  if (metricsPort !== undefined) {
    const { port } = await startMetricsServer(app.get(ApiscopeMetrics), metricsPort, options.metricsHost);
    logger.log(`metrics on http://${options.metricsHost}:${port}/metrics`);
  }
}

export function registerPipelineCommand(program: Command): void {
  program
    .command('pipeline')
    .description('distributed-mode worker: consume ApiCall events from Kafka, infer, store in ClickHouse')
    .requiredOption(
      '--source <url>',
      'kafka://BROKER[,BROKER...]/TOPIC (TLS/SASL from KAFKA_SSL, KAFKA_SASL_* env)',
    )
    .option('--group <id>', 'consumer group; workers of one group share the partitions', 'apiscope-pipeline')
    .option('--dlq-topic <topic>', 'topic for refused events, with the reason in a header', DEFAULT_DLQ_TOPIC)
    .option(
      '--clickhouse <url>',
      'ClickHouse server (or CLICKHOUSE_URL); embedded in --data when absent',
      process.env['CLICKHOUSE_URL'],
    )
    .option(
      '--data <dir>',
      'data directory of embedded ClickHouse (one worker per directory)',
      DEFAULT_DATA_DIR,
    )
    .option('--max-batch <n>', 'events per stored batch', '5000')
    .option(
      '--session-timeout <ms>',
      'how long the group waits for a silent worker before reassigning its partitions',
      '30000',
    )
    .option('--metrics-port <port>', 'serve Prometheus metrics on GET /metrics at this port (no auth)')
    .option('--metrics-host <host>', 'address of the metrics port', '127.0.0.1')
    .action((options: PipelineOptions) => runPipeline(options));
}
