// @vitest-environment jsdom
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { readApiKey, signIn } from '../session/session.util';
import { apiGet } from './api-client.util';
import { ApiError } from './api-error.exception';

/**
 * A real HTTP server answering as the API does (problem+json, Retry-After): the client is tested on
 * the wire, including the headers it sends.
 */
let server: Server;
let base: string;
let lastRequest: IncomingMessage | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    lastRequest = req;
    const problem = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== 'Bearer good-key-0123456789')
      return problem(401, { status: 401, title: 'Unauthorized', detail: 'invalid API key' });
    if (req.url === '/limited')
      return problem(429, { status: 429, detail: 'rate limit reached' }, { 'Retry-After': '17' });
    if (req.url === '/invalid')
      return problem(400, {
        status: 400,
        detail: 'x',
        errors: [{ field: 'cursor', problem: 'cursor is not one this API returned' }],
      });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ services: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => signIn('good-key-0123456789'));

describe('apiGet', () => {
  it('should send the key as a bearer token, never in the URL', async () => {
    await expect(apiGet(`${base}/api/v1/services`)).resolves.toEqual({ services: [] });
    expect(lastRequest?.headers.authorization).toBe('Bearer good-key-0123456789');
    expect(lastRequest?.url).toBe('/api/v1/services');
  });

  it('should end the session when the API refuses the key', async () => {
    signIn('revoked-key-0123456789');
    const error = await apiGet(`${base}/api/v1/services`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toBe('invalid API key');
    expect(readApiKey()).toBeNull();
  });

  it('should keep the session on other errors and carry what the API said', async () => {
    const limited = (await apiGet(`${base}/limited`).catch((e: unknown) => e)) as ApiError;
    expect([limited.status, limited.retryAfter, limited.message]).toEqual([429, 17, 'rate limit reached']);
    const invalid = (await apiGet(`${base}/invalid`).catch((e: unknown) => e)) as ApiError;
    expect(invalid.message).toBe('cursor: cursor is not one this API returned');
    expect(readApiKey()).toBe('good-key-0123456789');
  });

  it('should say when the API cannot be reached', async () => {
    const error = (await apiGet('http://127.0.0.1:9/api/v1/services').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });
});
