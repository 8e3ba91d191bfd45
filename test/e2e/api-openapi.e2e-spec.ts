import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { getMetadataStorage } from 'class-validator';
import request from 'supertest';

import { apiCall } from '../support/api-call.fixture';
import { validateOpenApi } from '../support/validate-openapi';
import { useEmbeddedServer } from '../support/embedded-server.fixture';

const ADMIN = 'e2e-openapi-admin-key-0123456789';
const auth = { Authorization: `Bearer ${ADMIN}` };

type Json = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a DTO class of any constructor signature
type Class = abstract new (...args: any[]) => unknown;
interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Json }>;
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
  security?: unknown[];
  'x-apiscope-roles'?: string[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

/** Routes of the Swagger UI page itself: static, no data, not API operations. */
const DOCS_PAGE_ROUTES = new Set([
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/index.html',
  'GET /api/docs/LICENSE',
  'GET /api/docs/swagger-ui-init.js',
  'GET /api/docs/docs/swagger-ui-init.js',
]);

interface NestRoute {
  key: string;
  roles: string[] | undefined;
  isPublic: boolean;
  query?: Class;
  params?: Class;
  body?: Class;
}

/** Every handler Nest registered, with the DTO classes of its @Query, @Param and @Body. */
function nestRoutes(app: INestApplication): NestRoute[] {
  const routes: NestRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = `/${[base, sub].filter((p) => p !== '' && p !== '/').join('/')}`.replace(
          /:(\w+)/g,
          '{$1}',
        );
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { index: number }
        >;
        const types = Reflect.getMetadata('design:paramtypes', controller.prototype, name) as Class[];
        const dto = (kind: RouteParamtypes) => {
          const entry = Object.entries(args).find(([k]) => k.startsWith(`${kind}:`));
          return entry ? types[entry[1].index] : undefined;
        };
        routes.push({
          key: `${RequestMethod[method]} ${path}`,
          roles:
            Reflect.getMetadata('apiscope:roles', handler) ??
            Reflect.getMetadata('apiscope:roles', controller),
          isPublic: Reflect.getMetadata('apiscope:public', handler) === true,
          query: dto(RouteParamtypes.QUERY),
          params: dto(RouteParamtypes.PARAM),
          body: dto(RouteParamtypes.BODY),
        });
      }
    }
  }
  return routes;
}

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** Properties of a DTO as class-validator sees them (what the whitelist lets through). */
function dtoProperties(dto: Class | undefined): Map<string, ValidationMetadata[]> {
  const out = new Map<string, ValidationMetadata[]>();
  if (!dto || dto === Object) return out;
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false))
    out.set(m.propertyName, [...(out.get(m.propertyName) ?? []), m]);
  return out;
}

describe('OpenAPI document against what the server really serves', () => {
  const server = useEmbeddedServer('openapi-e2e', {
    apiKey: ADMIN,
  });
  let doc: Document;
  let ajv: Ajv;

  beforeAll(async () => {
    const res = await request(server.url).get('/api/docs/openapi.json').set(auth).expect(200);
    doc = res.body as Document;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi.json');
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        method,
        op,
      })),
    );

  it('should be a valid OpenAPI document (swagger-parser)', async () => {
    await expect(validateOpenApi(doc, server.dir)).resolves.toBeUndefined();
    // and the validator does refuse a broken one
    const broken = structuredClone(doc);
    broken.paths['/api/v1/services']['get'].responses = {
      '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } },
    };
    await expect(validateOpenApi(broken, server.dir)).resolves.toMatch(/Missing|resolve/i);
  });

  it('should document exactly the routes express serves', () => {
    const router = (
      server.app.getHttpAdapter().getInstance() as {
        router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
      }
    ).router;
    const served = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map(
          (m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      )
      .filter((key) => !DOCS_PAGE_ROUTES.has(key));
    expect([...new Set(served)].sort()).toEqual(
      operations()
        .map((o) => o.key)
        .sort(),
    );
  });

  it('should document each handler with its DTO fields, enums, required flags and roles', () => {
    const routes = nestRoutes(server.app);
    expect(routes.map((r) => r.key).sort()).toEqual(
      operations()
        .map((o) => o.key)
        .sort(),
    );
    for (const route of routes) {
      const { op } = operations().find((o) => o.key === route.key)!;
      const documented = (where: string) => (op.parameters ?? []).filter((p) => p.in === where);
      for (const [where, dto] of [
        ['query', route.query],
        ['path', route.params],
      ] as const) {
        const props = dtoProperties(dto);
        expect({
          route: route.key,
          where,
          names: documented(where)
            .map((p) => p.name)
            .sort(),
        }).toEqual({
          route: route.key,
          where,
          names: [...props.keys()].sort(),
        });
        for (const p of documented(where)) {
          const rules = props.get(p.name)!;
          const optional = rules.some((r) => r.type === 'conditionalValidation');
          expect({ route: route.key, name: p.name, required: p.required === true }).toEqual({
            route: route.key,
            name: p.name,
            required: !optional,
          });
          const isIn = rules.find((r) => r.name === 'isIn');
          if (isIn)
            expect({ name: p.name, enum: p.schema?.['enum'] }).toEqual({
              name: p.name,
              enum: isIn.constraints[0],
            });
        }
      }
      if (route.body && route.body !== Object) {
        const content = op.requestBody?.content['application/json'];
        const ref = (typeof content?.schema['$ref'] === 'string' ? content.schema['$ref'] : '').replace(
          '#/components/schemas/',
          '',
        );
        const schema = doc.components.schemas[ref] as { properties?: Json; required?: string[] };
        expect({ route: route.key, body: Object.keys(schema.properties ?? {}).sort() }).toEqual({
          route: route.key,
          body: [...dtoProperties(route.body).keys()].sort(),
        });
      }
      if (route.isPublic) {
        expect({ route: route.key, security: op.security }).toEqual({
          route: route.key,
          security: undefined,
        });
      } else {
        expect({ route: route.key, roles: op['x-apiscope-roles'] }).toEqual({
          route: route.key,
          roles: route.roles ?? ['admin'],
        });
        expect(op.security).toEqual([{ bearer: [] }]);
      }
    }
  });

  it('should answer every documented operation with a documented status and a body that fits its schema', async () => {
    await request(server.url)
      .post('/api/v1/ingest')
      .set(auth)
      .send({ calls: [apiCall(), apiCall({ path: '/users/7', target: '/users/7' })] })
      .expect(200);
    const endpoints = await request(server.url).get('/api/v1/endpoints').set(auth).expect(200);
    const key = await request(server.url)
      .post('/api/v1/keys')
      .set(auth)
      .send({ name: 'doc', role: 'viewer' })
      .expect(201);
    const ids: Record<string, string> = {
      '/api/v1/endpoints/{id}': endpoints.body.items[0].id,
      '/api/v1/keys/{id}': key.body.id,
    };
    const bodies: Record<string, unknown> = {
      'POST /api/v1/ingest': { calls: [apiCall()] },
      'POST /api/v1/keys': { name: 'doc-2', role: 'ingest' },
    };
    const calls: Array<{ op: string; status: number; errors: unknown }> = [];
    const check = async (
      key: string,
      method: string,
      path: string,
      op: Operation,
      url: string,
      headers: Json,
    ) => {
      const res = await request(server.url)
        [method as 'get'](url)
        .set(headers as Record<string, string>)
        .send(bodies[key] as object);
      const documented = op.responses[String(res.status)];
      const type = String(res.headers['content-type'] ?? '').split(';')[0];
      const schema = documented?.content?.[type]?.schema;
      const pointer = `openapi.json#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${res.status}/content/${type.replace(/\//g, '~1')}/schema`;
      // text answers (the Prometheus exposition of /metrics) are validated as the string they are
      const body: unknown = type.startsWith('text/') ? res.text : res.body;
      const valid = schema ? ajv.validate({ $ref: pointer }, body) : false;
      calls.push({
        op: `${key} -> ${res.status} ${type}`,
        status: res.status,
        errors:
          documented && schema && !valid
            ? ajv.errors
            : documented
              ? schema
                ? null
                : 'no schema for this content type'
              : 'status not documented',
      });
    };
    for (const { key, path, method, op } of operations()) {
      const url = path.replace(/\{id\}/, ids[path] ?? '');
      await check(key, method, path, op, url, auth); // as admin: the success answer
      if (op.security) await check(key, method, path, op, url, {}); // without a key: 401
      if (op.parameters?.some((p) => p.in === 'query' && p.name === 'limit'))
        await check(key, method, path, op, `${url}?limit=0`, auth); // 400
    }
    expect(calls.filter((c) => c.errors !== null)).toEqual([]);
    expect(calls.length).toBeGreaterThan(25);
  });
});
