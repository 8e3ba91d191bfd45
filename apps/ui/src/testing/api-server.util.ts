import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { act } from 'react';
import { vi } from 'vitest';

export interface Answer {
  status?: number;
  body: unknown;
}

/** Answers one request (path with query) the way the API would, or undefined for a 404 problem. */
export type Route = (url: URL, request: IncomingMessage, body: string) => Answer | undefined;

export interface ApiServer {
  /** every request: method and path with query, in order */
  requests: Array<{ method: string; url: string; body: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

/**
 * A real HTTP server that answers with fixtures of the API's shapes, and the page's relative `fetch`
 * calls sent to it: the pages are tested on the wire (URLs, headers, bodies), not against stubs of
 * the client.
 */
export async function startApiServer(route: Route): Promise<ApiServer> {
  const requests: ApiServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body,
        authorization: req.headers.authorization,
      });
      const answer = route(new URL(req.url ?? '/', 'http://api'), req, body) ?? {
        status: 404,
        body: { status: 404, title: 'Not Found', detail: `no route ${req.url}` },
      };
      const status = answer.status ?? 200;
      res.writeHead(status, {
        'Content-Type': status < 400 ? 'application/json' : 'application/problem+json',
      });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
    realFetch(input.startsWith('/') ? `${base}${input}` : input, init),
  );
  return {
    requests,
    close: async () => {
      vi.unstubAllGlobals();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Lets pending answers land and React re-render until `check` holds (or fails after ~3 s). */
export async function waitUntil(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 150; i += 1) {
    if (check()) return;
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
  }
  throw new Error(`timed out waiting for ${what}`);
}
