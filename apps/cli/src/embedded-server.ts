import { type AddressInfo } from 'node:net';

import { type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';

import { type ApiOptions, configureApiApp } from '@apiscope/api';
import { InProcessBus } from '@apiscope/transport';

import { EmbeddedAppModule } from './embedded-app.module';
import { storageConfigFrom } from './storage-config.util';

export interface EmbeddedServerOptions {
  dataDir: string;
  /** A ClickHouse server instead of embedded storage in `dataDir`. */
  clickhouseUrl?: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  apiKey: string;
  /** Limits, CORS origins and other API settings; defaults when absent. */
  api?: Omit<ApiOptions, 'apiKey'>;
  /** PEM certificate and key: serve HTTPS (and send HSTS) instead of HTTP. */
  tls?: { cert: string; key: string };
  logger: LoggerService | false;
}

export interface EmbeddedServer {
  app: NestExpressApplication;
  bus: InProcessBus;
  url: string;
  close(): Promise<void>;
}

/** Starts storage, pipeline and API in this process and listens; `close()` drains the bus first. */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const apiOptions: ApiOptions = { ...options.api, apiKey: options.apiKey };
  const app = await NestFactory.create<NestExpressApplication>(
    EmbeddedAppModule.forRoot(storageConfigFrom(options.dataDir, options.clickhouseUrl), apiOptions),
    {
      logger: options.logger,
      // bodies are parsed by configureApiApp, after authentication
      bodyParser: false,
      abortOnError: false,
      ...(options.tls && { httpsOptions: { cert: options.tls.cert, key: options.tls.key } }),
    },
  );
  configureApiApp(app, apiOptions);
  await app.listen(options.port, options.host);
  const address = app.getHttpServer().address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    app,
    bus: app.get(InProcessBus),
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    close: () => app.close(),
  };
}
