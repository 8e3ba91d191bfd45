import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type InventoryDocument, type InventoryEndpoint } from '@apiscope/inventory';

import { apiCall } from '../support/api-call.fixture';
import { canCapture } from '../support/capture';
import { corpusFile } from '../support/corpus';
import { useEmbeddedServer } from '../support/embedded-server.fixture';
import { runCli } from '../support/run-cli';

/**
 * Dogfood (issue 10): apiscope's own API traffic, captured on loopback with tcpdump while every
 * operation of its own OpenAPI document is called (with a key of a role allowed to, and without
 * credentials), then `apiscope analyze --pcap` on the capture. Requests are derived from the
 * document, so routes added later are driven too. What it must show: only /healthz answers
 * strangers, no response carries a secret, a password hash or a raw API key (but the one route
 * that hands a new key out, once, to an admin), and the operations traffic shows are the document's.
 */

const ADMIN = 'dogfood-admin-key-0123456789';
const SERVICES = ['svc-alpha.test', 'svc-bravo.test', 'svc-charlie.test', 'svc-delta.test'];
/** Distinct values per path parameter: a parameter seen with one value cannot be told from a literal. */
const VALUES_PER_PARAMETER = 4;
const SECRET_CLASSES = new Set(['secret', 'password', 'password_hash', 'otp_secret']);
const KEY_ROUTE = 'POST /api/v1/keys';

type Role = 'viewer' | 'ingest' | 'admin';
interface Operation {
  method: string;
  path: string;
  roles: Role[] | undefined;
  parameters: Array<{ name: string; in: string; required?: boolean; schema?: Record<string, unknown> }>;
}
interface Exchange {
  operation: string;
  credentials: boolean;
  status: number;
  body: string;
}

/** `/a/{x}/b` -> `/a/{}/b`: parameter names are inferred from traffic, the structure must agree. */
const shape = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;

function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const o = op as { 'x-apiscope-roles'?: Role[]; parameters?: Operation['parameters'] };
      out.push({
        method: method.toUpperCase(),
        path,
        roles: o['x-apiscope-roles'],
        parameters: o.parameters ?? [],
      });
    }
  return out;
}

/** A value for a required query parameter from its schema (enum, format, type). */
function queryValue(schema: Record<string, unknown> = {}): string {
  if (Array.isArray(schema['enum'])) return String(schema['enum'][0]);
  if (schema['format'] === 'date-time') return new Date(Date.now() - 86_400_000).toISOString();
  if (schema['type'] === 'integer' || schema['type'] === 'number')
    return typeof schema['minimum'] === 'number' ? String(schema['minimum']) : '1';
  return 'x';
}

(canCapture() ? describe : describe.skip)(
  'dogfood: apiscope analyze on its own API traffic (tcpdump on lo)',
  () => {
    const server = useEmbeddedServer('dogfood', {
      apiKey: ADMIN,
      // this suite calls every route many times from one address; limits have their own tests
      api: { rateLimitPerKey: 1e6, rateLimitPerIp: 1e6, failedAuthPerIp: 1e6 },
    });
    const exchanges: Exchange[] = [];
    const rawKeys: string[] = [ADMIN];
    let documented: Operation[];
    let inventory: InventoryDocument;
    let reconstructed: Record<string, { paths: Record<string, Record<string, unknown>> }>;
    let tcpdump: ChildProcess | undefined;

    afterAll(() => {
      // a failed beforeAll leaves the capture running
      if (tcpdump && tcpdump.exitCode === null && tcpdump.signalCode === null) tcpdump.kill('SIGINT');
    });

    async function call(
      operation: string,
      method: string,
      path: string,
      key: string | undefined,
      body?: unknown,
    ): Promise<{ status: number; json: unknown }> {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(key !== undefined && { authorization: `Bearer ${key}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      exchanges.push({ operation, credentials: key !== undefined, status: res.status, body: text });
      let json: unknown = undefined;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON (the docs page)
      }
      return { status: res.status, json };
    }

    beforeAll(async () => {
      const port = new URL(server.url).port;
      const file = join(server.dir, 'dogfood.pcap');
      const capture = spawn(
        'tcpdump',
        ['-i', 'lo', '--immediate-mode', '-U', '-B', '32768', '-s', '0', '-w', file, 'tcp', 'port', port],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      tcpdump = capture;
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        capture.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes('listening on')) resolve();
        });
        capture.once('exit', (code) => reject(new Error(`tcpdump exited (${code}): ${stderr}`)));
      });

      // keys of each role, through the API itself
      const keyOf = async (role: Role): Promise<{ id: string; key: string }> => {
        const res = await call(KEY_ROUTE, 'POST', '/api/v1/keys', ADMIN, { name: `dogfood-${role}`, role });
        expect(res.status).toBe(201);
        const created = res.json as { id: string; key: string };
        rawKeys.push(created.key);
        return created;
      };
      const keys: Record<Role, string> = {
        admin: ADMIN,
        viewer: (await keyOf('viewer')).key,
        ingest: (await keyOf('ingest')).key,
      };
      // something to read: a few services through the ingest route, and a reference spec
      const seed = SERVICES.flatMap((host) =>
        [1, 2, 3].map((n) =>
          apiCall({ host, path: `/users/${n}`, target: `/users/${n}`, headers: [['host', host]] }),
        ),
      );
      expect(
        (await call('POST /api/v1/ingest', 'POST', '/api/v1/ingest', keys.ingest, { calls: seed })).status,
      ).toBe(200);
      const specDocument = readFileSync(corpusFile('specs', 'spotify.com__v1.json'), 'utf8');
      for (const service of SERVICES.slice(0, 2))
        await call('POST /api/v1/specs', 'POST', '/api/v1/specs', ADMIN, { service, document: specDocument });
      let endpointIds: string[] = [];
      // the pipeline stores ingested calls asynchronously: wait until every service shows
      for (let i = 0; i < 100; i++) {
        const page = await call('GET /api/v1/endpoints', 'GET', '/api/v1/endpoints?limit=500', keys.viewer);
        const items =
          (page.json as { items?: Array<{ id: string; service: string; calls: number }> }).items ?? [];
        endpointIds = items.filter((e) => e.calls > 0).map((e) => e.id);
        if (new Set(items.filter((e) => e.calls > 0).map((e) => e.service)).size === SERVICES.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(endpointIds.length).toBeGreaterThanOrEqual(SERVICES.length);
      const throwaway: string[] = [];
      for (let i = 0; i < VALUES_PER_PARAMETER; i++) throwaway.push((await keyOf('viewer')).id);

      const docRes = await call('GET /api/docs/openapi.json', 'GET', '/api/docs/openapi.json', keys.viewer);
      documented = operationsOf(docRes.json as { paths: Record<string, Record<string, unknown>> });
      const valuesFor = (op: Operation, name: string): string[] => {
        if (op.path.startsWith('/api/v1/keys/')) return throwaway;
        if (name === 'service') return SERVICES;
        if (op.path.startsWith('/api/v1/endpoints/')) return endpointIds.slice(0, VALUES_PER_PARAMETER);
        return Array.from({ length: VALUES_PER_PARAMETER }, (_, i) => `value-${i + 1}`);
      };
      const bodyFor = (op: Operation, service: string): unknown => {
        if (op.method === 'GET' || op.method === 'DELETE') return undefined;
        if (op.path === '/api/v1/ingest')
          return { calls: [apiCall({ host: service, headers: [['host', service]] })] };
        if (op.path === '/api/v1/keys') return { name: 'dogfood-extra', role: 'viewer' };
        if (op.path === '/api/v1/specs') return { service, document: specDocument };
        if (op.path.endsWith('/templates')) return { action: 'pin', template: '/users/{userId}' };
        return op.method === 'POST' ? {} : undefined;
      };
      const leastPrivileged = (op: Operation): string => {
        const roles = op.roles ?? ['admin'];
        return keys[(['ingest', 'viewer', 'admin'] as const).find((r) => roles.includes(r)) ?? 'admin'];
      };
      for (const op of documented) {
        const name = `${op.method} ${op.path}`;
        const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
        const query = op.parameters
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(queryValue(p.schema))}`)
          .join('&');
        // parameters need distinct values to be told from literals; every operation goes at least
        // twice, so one exchange lost in reassembly does not make the comparison lie either way
        for (let i = 0; i < (pathParams.length > 0 ? VALUES_PER_PARAMETER : 2); i++) {
          let path = op.path;
          for (const p of pathParams) {
            const values = valuesFor(op, p);
            path = path.replace(`{${p}}`, encodeURIComponent(values[i % values.length]));
          }
          const target = query ? `${path}?${query}` : path;
          const service = SERVICES[i % SERVICES.length];
          const authorised = await call(name, op.method, target, leastPrivileged(op), bodyFor(op, service));
          if (op.path === '/api/v1/keys' && op.method === 'POST')
            rawKeys.push((authorised.json as { key: string }).key);
          // a stranger: no credentials at all
          await call(name, op.method, target, undefined, bodyFor(op, service));
        }
      }
      // the docs page a browser opens (static HTML and scripts, no data: the JSON above needs a key)
      await call('GET /api/docs', 'GET', '/api/docs', undefined);

      // immediate mode hands packets over as they come (without it, the last block of packets is
      // still in the kernel when tcpdump stops and is lost) and -U writes each at once; then a margin
      await new Promise((r) => setTimeout(r, 500));
      const stopped = new Promise<void>((resolve) => capture.once('exit', () => resolve()));
      capture.kill('SIGINT');
      await stopped;
      // a capture that lost packets would make every assertion below about a different traffic
      const dropped = /(\d+) packets? dropped by kernel/.exec(stderr);
      expect({ droppedByKernel: Number(dropped?.[1] ?? 0) }).toEqual({ droppedByKernel: 0 });

      const json = await runCli(['analyze', '--pcap', file, '--format', 'json']);
      expect({ code: json.code, stderr: json.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
      inventory = JSON.parse(json.stdout) as InventoryDocument;
      const openapi = await runCli(['analyze', '--pcap', file, '--format', 'openapi']);
      expect(openapi.code).toBe(0);
      reconstructed = JSON.parse(openapi.stdout) as typeof reconstructed;
    }, 300_000);

    const endpoints = (): Array<InventoryEndpoint & { service: string }> =>
      inventory.services.flatMap((s) => s.endpoints.map((e) => ({ ...e, service: s.name })));

    it('should have driven every documented operation, with and without credentials', () => {
      expect(documented.length).toBeGreaterThan(10);
      for (const op of documented) {
        const seen = exchanges.filter((x) => x.operation === `${op.method} ${op.path}`);
        expect({ op: `${op.method} ${op.path}`, withKey: seen.some((x) => x.credentials) }).toEqual({
          op: `${op.method} ${op.path}`,
          withKey: true,
        });
        expect(seen.some((x) => !x.credentials)).toBe(true);
      }
      // strangers get 401 everywhere but /healthz and the docs page
      const open = exchanges.filter((x) => !x.credentials && x.status < 400).map((x) => x.operation);
      expect([...new Set(open)].sort()).toEqual(['GET /api/docs', 'GET /healthz']);
    });

    it('should find one service on loopback, the API itself', () => {
      expect(inventory.services).toHaveLength(1);
    });

    it('should flag only /healthz as unauthenticated among the API operations', () => {
      const flagged = endpoints()
        .filter((e) => e.flags.includes('unauthenticated'))
        .filter((e) => !isStaticFile(e))
        .map((e) => `${e.method} ${e.path}`);
      expect(flagged).toEqual(['GET /healthz']);
    });

    it('should see no secret, password hash or raw key in any response but the new key handed to an admin', () => {
      const secrets = endpoints().flatMap((e) =>
        e.sensitive
          .filter((s) => s.location.startsWith('response.') && SECRET_CLASSES.has(s.class))
          .map((s) => `${e.method} ${e.path} ${s.location} ${s.name} ${s.class}`),
      );
      // the classifier must see the key POST /api/v1/keys returns once as what it is
      expect(secrets).toEqual([`${KEY_ROUTE} response.body $.key secret`]);
      const keyRoute = endpoints().find((e) => `${e.method} ${e.path}` === KEY_ROUTE);
      expect(keyRoute?.auth.unauthenticatedSuccesses).toBe(0);
      expect(keyRoute?.flags).not.toContain('unauthenticated');
      // and the bytes agree: no raw key in any other response, no stored key hash (`scrypt$...`) anywhere
      const leaking = exchanges.filter(
        (x) => (x.operation !== KEY_ROUTE || !x.credentials) && rawKeys.some((k) => x.body.includes(k)),
      );
      expect(leaking.map((x) => x.operation)).toEqual([]);
      expect(exchanges.filter((x) => /scrypt\$/.test(x.body)).map((x) => x.operation)).toEqual([]);
    });

    it("should reconstruct the document's operations (method and path template) from traffic alone", () => {
      const fromTraffic = Object.values(reconstructed).flatMap((d) =>
        Object.entries(d.paths).flatMap(([path, item]) =>
          Object.keys(item)
            .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
            .map((m) => ({ key: shape(m, path), path })),
        ),
      );
      const staticPaths = new Set(
        endpoints()
          .filter(isStaticFile)
          .map((e) => e.path),
      );
      expect(
        [...new Set(fromTraffic.filter((o) => !staticPaths.has(o.path)).map((o) => o.key))].sort(),
      ).toEqual([...new Set(documented.map((o) => shape(o.method, o.path)))].sort());
    });
  },
);

/**
 * The Swagger UI page and its assets: static files of the docs viewer, the same for everyone, no
 * data (the document it shows is fetched from /api/docs/openapi.json, behind a key). Told apart by
 * what they answer, not by their path: HTML, scripts, styles, images.
 */
function isStaticFile(e: InventoryEndpoint): boolean {
  const types = Object.values(e.responses).flatMap((r) =>
    Object.keys((r as { content?: Record<string, unknown> }).content ?? {}),
  );
  return (
    types.length > 0 &&
    types.every((t) => /^(text\/(html|css|javascript)|application\/javascript|image\/)/.test(t))
  );
}
