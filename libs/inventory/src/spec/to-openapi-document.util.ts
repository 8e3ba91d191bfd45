import { type InventoryEndpoint, type InventoryService } from '../inventory.type';

type Json = Record<string, unknown>;

const SECURITY_SCHEMES: Record<string, Json> = {
  bearer: { type: 'http', scheme: 'bearer' },
  basic: { type: 'http', scheme: 'basic' },
  digest: { type: 'http', scheme: 'digest' },
  'aws-sigv4': {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'AWS Signature Version 4',
  },
  negotiate: { type: 'http', scheme: 'negotiate' },
  'api-key-header': {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'API key in a header (name as observed varies)',
  },
  'api-key-query': {
    type: 'apiKey',
    in: 'query',
    name: 'api_key',
    description: 'API key in the query string (name as observed varies)',
  },
  'session-cookie': { type: 'apiKey', in: 'cookie', name: 'session', description: 'session cookie' },
};

const schemeName = (scheme: string) => scheme.replace(/[^A-Za-z0-9_.-]/g, '_');

function operationOf(e: InventoryEndpoint): Json {
  const responses: Json = {};
  const statuses = new Set([
    ...Object.keys(e.statusCodes).filter((s) => s !== '0'),
    ...Object.keys(e.responses),
  ]);
  for (const status of [...statuses].sort()) {
    const schema = e.responses[status];
    responses[status] = {
      description: `observed ${e.statusCodes[status] ?? 0} times`,
      ...(schema && Object.keys(schema).length > 0 && { content: { 'application/json': { schema } } }),
    };
  }
  if (Object.keys(responses).length === 0) responses['default'] = { description: 'no response observed' };
  const op: Json = {
    parameters: e.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, schema: p.schema })),
    responses,
    'x-apiscope-calls': e.calls,
    'x-apiscope-first-seen': e.firstSeen,
    'x-apiscope-last-seen': e.lastSeen,
    'x-apiscope-flags': e.flags,
    'x-apiscope-auth': e.auth.status,
  };
  if (e.requestBody && Object.keys(e.requestBody).length > 0) {
    op['requestBody'] = {
      content: Object.fromEntries(Object.entries(e.requestBody).map(([type, schema]) => [type, { schema }])),
    };
  }
  // what traffic showed: credentials seen, or explicitly none when calls succeeded without any
  if (e.auth.schemes.length > 0) op['security'] = e.auth.schemes.map((s) => ({ [schemeName(s)]: [] }));
  else if (e.auth.status === 'unauthenticated') op['security'] = [];
  if (e.flags.includes('zombie')) op['deprecated'] = true;
  return op;
}

/**
 * An OpenAPI 3.1 document of one service as traffic showed it: paths, parameters, bodies and
 * responses per status, security schemes seen, and `x-apiscope-*` facts (calls, first/last seen,
 * flags). Orphans (documented, never seen) are left out: this is the observed API.
 */
export function toOpenApiDocument(service: InventoryService, generatedAt: Date = new Date()): Json {
  const paths: Record<string, Json> = {};
  const schemes = new Set<string>();
  for (const e of service.endpoints) {
    if (e.calls === 0) continue;
    e.auth.schemes.forEach((s) => schemes.add(s));
    const item = (paths[e.path] ??= {});
    item[e.method.toLowerCase()] = operationOf(e);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${service.name} (reconstructed by apiscope)`,
      version: generatedAt.toISOString(),
      description: 'Reconstructed from observed traffic. Examples are masked; never edited by hand.',
    },
    servers: [{ url: `https://${service.name}` }],
    paths,
    components: {
      securitySchemes: Object.fromEntries(
        [...schemes].map((s) => [
          schemeName(s),
          SECURITY_SCHEMES[s] ?? { type: 'apiKey', in: 'header', name: s },
        ]),
      ),
    },
    'x-apiscope-documented': service.documented ?? false,
  };
}
