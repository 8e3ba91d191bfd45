import { type SpecOperation, type SpecParameter, type SpecSecurity } from './reference-spec.type';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The path part of a server URL (`https://api.x.com/v2/` -> `/v2`); server variables are kept as they are. */
export function serverBasePath(doc: Json): string {
  if (typeof doc['swagger'] === 'string')
    return normaliseBase(typeof doc['basePath'] === 'string' ? doc['basePath'] : '');
  const first = asArray(doc['servers'])[0];
  const url = isObject(first) && typeof first['url'] === 'string' ? first['url'] : '';
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return normaliseBase(path);
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function securityOf(op: Json, doc: Json): SpecSecurity {
  const declared = op['security'] ?? doc['security'];
  if (declared === undefined) return 'unspecified';
  const list = asArray(declared);
  // `[]` or a list holding an empty requirement `{}` means "no credentials needed"
  if (list.length === 0 || list.some((req) => isObject(req) && Object.keys(req).length === 0))
    return 'public';
  return 'required';
}

function parameterOf(p: unknown): SpecParameter | undefined {
  if (!isObject(p) || typeof p['name'] !== 'string' || typeof p['in'] !== 'string') return undefined;
  const where = p['in'];
  if (!['path', 'query', 'header', 'cookie', 'formData', 'body'].includes(where)) return undefined;
  const schema = isObject(p['schema'])
    ? p['schema']
    : Object.fromEntries(
        Object.entries(p).filter(([k]) =>
          ['type', 'format', 'enum', 'items', 'minimum', 'maximum', 'pattern'].includes(k),
        ),
      );
  return {
    name: p['name'],
    in: where as SpecParameter['in'],
    required: p['required'] === true || where === 'path',
    schema,
  };
}

/** Operation parameters override path-level ones with the same name and location. */
function mergedParameters(pathItem: Json, op: Json): SpecParameter[] {
  const byKey = new Map<string, SpecParameter>();
  for (const raw of [...asArray(pathItem['parameters']), ...asArray(op['parameters'])]) {
    const p = parameterOf(raw);
    if (p) byKey.set(`${p.in}:${p.name}`, p);
  }
  return [...byKey.values()];
}

function requestBodyOf(op: Json, parameters: SpecParameter[], doc: Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  const body = isObject(op['requestBody']) ? op['requestBody'] : undefined;
  if (body && isObject(body['content'])) {
    for (const [type, media] of Object.entries(body['content']))
      out[type] = isObject(media) && isObject(media['schema']) ? media['schema'] : {};
  }
  const bodyParam = parameters.find((p) => p.in === 'body');
  if (bodyParam) {
    const consumes = asArray(op['consumes'] ?? doc['consumes']).filter(
      (c): c is string => typeof c === 'string',
    );
    for (const type of consumes.length > 0 ? consumes : ['application/json']) out[type] = bodyParam.schema;
  }
  const form = parameters.filter((p) => p.in === 'formData');
  if (form.length > 0) {
    out['application/x-www-form-urlencoded'] = {
      type: 'object',
      properties: Object.fromEntries(form.map((p) => [p.name, p.schema])),
      required: form.filter((p) => p.required).map((p) => p.name),
    };
  }
  return out;
}

function responsesOf(op: Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  const responses = isObject(op['responses']) ? op['responses'] : {};
  for (const [status, response] of Object.entries(responses)) {
    if (!isObject(response)) continue;
    if (isObject(response['schema'])) out[status] = response['schema'];
    else if (isObject(response['content'])) {
      const first = Object.values(response['content']).find((m) => isObject(m) && isObject(m['schema'])) as
        Json | undefined;
      out[status] = first ? (first['schema'] as Json) : {};
    } else out[status] = {};
  }
  return out;
}

/**
 * Operations of a dereferenced OpenAPI 2.0/3.x document, paths prefixed with the server base path
 * (a spec whose server URL ends in `/api` documents `/api/...` paths).
 */
export function normaliseSpecDocument(doc: Json): SpecOperation[] {
  const base = serverBasePath(doc);
  const operations: SpecOperation[] = [];
  const paths = isObject(doc['paths']) ? doc['paths'] : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || !path.startsWith('/')) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const parameters = mergedParameters(item, op);
      operations.push({
        method: method.toUpperCase(),
        path: `${base}${path}` || '/',
        ...(typeof op['operationId'] === 'string' && { operationId: op['operationId'] }),
        deprecated: op['deprecated'] === true,
        security: securityOf(op, doc),
        parameters: parameters.filter((p) => p.in !== 'body' && p.in !== 'formData'),
        requestBody: requestBodyOf(op, parameters, doc),
        responses: responsesOf(op),
      });
    }
  }
  return operations.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
