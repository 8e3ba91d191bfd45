import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type EmbeddedServer, type EmbeddedServerOptions, startEmbeddedServer } from '@apiscope/cli';

/** Options of a test server: loopback, a free port and no logger unless said otherwise. */
export type TestServerOptions = Omit<EmbeddedServerOptions, 'dataDir' | 'host' | 'port' | 'logger'> &
  Partial<EmbeddedServerOptions>;

/** The started server (valid inside tests and hooks declared after the call), and its temp dir. */
export interface TestServer extends EmbeddedServer {
  readonly dir: string;
}

/**
 * Starts an embedded apiscope (storage, pipeline, API) for the enclosing describe block in a temp
 * dir of its own (chdb allows one data dir per process at a time) and closes it and removes the dir
 * after the block. `options` may be a function of that dir (for files the test puts beside it), run
 * in beforeAll, after hooks declared before this call. Data goes to `dataDir` or the dir itself.
 */
export function useEmbeddedServer(
  name: string,
  options: TestServerOptions | ((dir: string) => TestServerOptions | Promise<TestServerOptions>),
): TestServer {
  let dir: string | undefined;
  let server: EmbeddedServer | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `apiscope-${name}-`));
    const given = typeof options === 'function' ? await options(dir) : options;
    server = await startEmbeddedServer({ host: '127.0.0.1', port: 0, logger: false, dataDir: dir, ...given });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const started = (): EmbeddedServer => {
    if (!server) throw new Error(`the ${name} test server is not started (used outside a test or hook?)`);
    return server;
  };
  return {
    get dir() {
      if (!dir) throw new Error(`the ${name} test server has no dir yet`);
      return dir;
    },
    get app() {
      return started().app;
    },
    get bus() {
      return started().bus;
    },
    get url() {
      return started().url;
    },
    close: () => started().close(),
  };
}
