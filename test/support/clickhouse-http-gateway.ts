import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * ClickHouse's HTTP interface in front of a real engine (chdb, ClickHouse 26.x in-process), for the
 * tests of server mode: no modern ClickHouse server can be installed here. It speaks the part of the
 * protocol @clickhouse/client uses (POST with `query` in the URL or the body, `param_*` bindings,
 * settings as URL parameters, `/ping`, errors as `Code: N. DB::Exception: ...`), so several
 * processes (pipeline workers, the API) share one store exactly as they would share a server.
 */
export interface ClickHouseGateway {
  url: string;
  close(): Promise<void>;
}

const NOT_SETTINGS = new Set(['query_id', 'database', 'query', 'session_id', 'role', 'default_format']);

interface ChdbConnectionLike {
  exec(params: {
    query: string;
    values?: string;
    query_params?: Record<string, unknown>;
    clickhouse_settings?: Record<string, unknown>;
    query_id: string;
  }): Promise<{ stream: NodeJS.ReadableStream }>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function startClickHouseGateway(dataDir: string): Promise<ClickHouseGateway> {
  const { createChdbConnection } = await import('chdb/connection');
  const connection = createChdbConnection({ path: dataDir }) as unknown as ChdbConnectionLike;
  // one engine session: requests run one at a time, as chdb requires
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://gateway');
      if (url.pathname === '/ping') {
        res.end('Ok.\n');
        return;
      }
      let body = await readBody(req);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const queryParams: Record<string, string> = {};
      const settings: Record<string, string> = {};
      for (const [key, value] of url.searchParams) {
        if (key.startsWith('param_')) queryParams[key.slice(6)] = value;
        else if (!NOT_SETTINGS.has(key)) settings[key] = value;
      }
      const inUrl = url.searchParams.get('query');
      const query = inUrl ?? body.toString('utf8');
      const values = inUrl !== null && body.length > 0 ? body.toString('utf8') : undefined;
      try {
        const result = await serial(async () => {
          const r = await connection.exec({
            query,
            ...(values !== undefined && { values }),
            ...(Object.keys(queryParams).length > 0 && { query_params: queryParams }),
            clickhouse_settings: settings,
            query_id: url.searchParams.get('query_id') ?? 'gateway',
          });
          return streamToBuffer(r.stream);
        });
        res.setHeader('X-ClickHouse-Summary', '{}');
        res.end(result);
      } catch (error) {
        const e = error as { code?: string | number; message?: string };
        const code = Number(e.code) || 1000;
        res.statusCode = 500;
        res.setHeader('X-ClickHouse-Exception-Code', String(code));
        res.end(
          `Code: ${code}. DB::Exception: ${(e.message ?? String(error)).replace(/^Code: \d+\. DB::Exception: /, '')}`,
        );
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // keep-alive sockets of clients that are gone or still connected would hold close() open
      server.closeAllConnections();
      await closed;
      await serial(() => connection.close());
    },
  };
}
