import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { type ApiscopeMetrics } from '@apiscope/telemetry';

/**
 * `/metrics` of a process without the API (a distributed-mode pipeline worker), on its own port.
 * Bound to loopback unless told otherwise: it has no authentication, so expose it only where the
 * scraper runs (a pod network, a sidecar).
 */
export async function startMetricsServer(
  metrics: ApiscopeMetrics,
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.scrape().then(
      (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.unref();
  return { server, port: (server.address() as AddressInfo).port };
}
