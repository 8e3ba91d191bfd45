import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import SwaggerParser from '@apidevtools/swagger-parser';

import { type InventoryService } from '../inventory.type';
import { parseSpecText } from './parse-spec-text.util';
import { toOpenApiDocument } from './to-openapi-document.util';

const SPECS = join(
  process.env['APISCOPE_CORPUS'] ?? resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus'),
  'specs',
);

describe(toOpenApiDocument.name, () => {
  it('should reconstruct a valid OpenAPI 3.1 document whose operations round-trip through the importer', async () => {
    const spec = await parseSpecText(readFileSync(join(SPECS, 'spotify.com__v1.json'), 'utf8'));
    // endpoints as the inventory reports documented operations seen in traffic
    const service: InventoryService = {
      name: 'api.spotify.com',
      documented: true,
      endpoints: spec.operations.map((op, i) => ({
        method: op.method,
        path: op.path,
        calls: i + 1,
        firstSeen: '2026-11-20T09:00:00.000Z',
        lastSeen: '2026-11-20T10:00:00.000Z',
        statusCodes: { '200': i + 1 },
        latencyMs: null,
        auth: {
          schemes: ['bearer'],
          status: 'authenticated',
          unauthenticatedSuccesses: 0,
          unauthenticatedStatusCodes: {},
        },
        flags: [],
        sensitive: [],
        parameters: op.parameters
          .filter((p) => p.in === 'path' || p.in === 'query')
          .map((p) => ({
            name: p.name,
            in: p.in as 'path' | 'query',
            required: p.required,
            schema: p.schema,
          })),
        requestBody: null,
        responses: { '200': { type: 'object' } },
      })),
    };
    const doc = toOpenApiDocument(service, new Date(Date.UTC(2026, 10, 23)));
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    const back = await parseSpecText(JSON.stringify(doc));
    expect(back.operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      spec.operations.map((o) => `${o.method} ${o.path}`),
    );
    expect(back.operations.every((o) => o.security === 'required')).toBe(true);
  });

  it('should leave out orphans and mark open endpoints with security [] and zombies as deprecated', () => {
    const base = {
      firstSeen: null,
      lastSeen: null,
      statusCodes: {},
      latencyMs: null,
      sensitive: [],
      parameters: [],
      requestBody: null,
      responses: {},
    };
    const doc = toOpenApiDocument({
      name: 'shop.test',
      endpoints: [
        {
          ...base,
          method: 'GET',
          path: '/open',
          calls: 3,
          statusCodes: { '200': 3 },
          auth: {
            schemes: [],
            status: 'unauthenticated',
            unauthenticatedSuccesses: 3,
            unauthenticatedStatusCodes: { '200': 3 },
          },
          flags: ['unauthenticated'],
        },
        {
          ...base,
          method: 'GET',
          path: '/v1/old',
          calls: 1,
          auth: {
            schemes: ['api-key-header'],
            status: 'authenticated',
            unauthenticatedSuccesses: 0,
            unauthenticatedStatusCodes: {},
          },
          flags: ['zombie'],
        },
        {
          ...base,
          method: 'POST',
          path: '/never',
          calls: 0,
          auth: {
            schemes: [],
            status: 'unknown',
            unauthenticatedSuccesses: 0,
            unauthenticatedStatusCodes: {},
          },
          flags: ['orphan'],
        },
      ],
    }) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(['/open', '/v1/old']);
    expect(doc.paths['/open']['get']['security']).toEqual([]);
    expect(doc.paths['/v1/old']['get']['deprecated']).toBe(true);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['api-key-header']);
  });
});
