import { readFileSync } from 'node:fs';

import {
  CompressionCodecs,
  CompressionTypes,
  Kafka,
  type KafkaConfig,
  logLevel,
  type SASLOptions,
} from 'kafkajs';
import SnappyCodec from 'kafkajs-snappy';

import { kafkaLogCreator } from './kafka-log.util';

import { TransportException, TransportExceptionCode } from '../transport.exception';

// Snappy is the fast codec (pure JS via snappyjs, no native build); gzip ships with kafkajs.
CompressionCodecs[CompressionTypes.Snappy] = SnappyCodec;

export interface KafkaSecurityOptions {
  ssl?: boolean;
  /** PEM file of the CA that signed the brokers' certificates. */
  sslCaFile?: string;
  saslMechanism?: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  saslUsername?: string;
  saslPassword?: string;
}

/** TLS and SASL from `KAFKA_SSL`, `KAFKA_SSL_CA`, `KAFKA_SASL_MECHANISM`, `KAFKA_SASL_USERNAME`, `KAFKA_SASL_PASSWORD`. */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSecurityOptions {
  const mechanism = env['KAFKA_SASL_MECHANISM']?.toLowerCase();
  if (
    mechanism !== undefined &&
    mechanism !== 'plain' &&
    mechanism !== 'scram-sha-256' &&
    mechanism !== 'scram-sha-512'
  ) {
    throw new TransportException(
      TransportExceptionCode.INVALID_TARGET,
      `KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512`,
      false,
    );
  }
  return {
    ssl: env['KAFKA_SSL'] === 'true' || env['KAFKA_SSL_CA'] !== undefined,
    ...(env['KAFKA_SSL_CA'] !== undefined && { sslCaFile: env['KAFKA_SSL_CA'] }),
    ...(mechanism !== undefined && { saslMechanism: mechanism }),
    ...(env['KAFKA_SASL_USERNAME'] !== undefined && { saslUsername: env['KAFKA_SASL_USERNAME'] }),
    ...(env['KAFKA_SASL_PASSWORD'] !== undefined && { saslPassword: env['KAFKA_SASL_PASSWORD'] }),
  };
}

function saslOf(o: KafkaSecurityOptions): SASLOptions | undefined {
  if (o.saslMechanism === undefined) return undefined;
  if (o.saslUsername === undefined || o.saslPassword === undefined) {
    throw new TransportException(
      TransportExceptionCode.INVALID_TARGET,
      'SASL needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
      false,
    );
  }
  return { mechanism: o.saslMechanism, username: o.saslUsername, password: o.saslPassword };
}

export function createKafkaClient(
  clientId: string,
  brokers: string[],
  security: KafkaSecurityOptions = {},
): Kafka {
  const sasl = saslOf(security);
  const config: KafkaConfig = {
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10_000 },
    ...(security.ssl && {
      ssl: security.sslCaFile ? { ca: [readFileSync(security.sslCaFile, 'utf8')] } : true,
    }),
    ...(sasl && { sasl }),
  };
  return new Kafka(config);
}
