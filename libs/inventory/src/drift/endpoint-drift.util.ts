import { isCredentialName, isInterestingHeader } from '@apiscope/inference';

import { type InventoryEndpoint, type InventoryParameter } from '../inventory.type';
import { type SpecOperation, type SpecParameter } from '../spec/reference-spec.type';
import { bodyDrift } from './body-drift.util';
import { type DriftItem } from './drift-item.type';
import { allowsType, observedTypesOf, specTypesOf } from './spec-schema-view.util';

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const paramKey = (where: string, name: string) =>
  `${where}:${where === 'header' ? name.toLowerCase() : name}`;
const mediaOf = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();
const isJson = (mediaType: string) => /[/+]json$/.test(mediaType);

/**
 * Wire values are text: a spec `string` takes any value, and an array or object parameter is
 * serialised in ways a profile does not see. Only a spec number or boolean can be contradicted.
 */
function parameterMismatch(seen: Schema, spec: Schema): string | undefined {
  const allowed = specTypesOf(spec);
  if (!allowed || allowed.has('string') || allowed.has('array') || allowed.has('object')) return undefined;
  const wrong = observedTypesOf(seen).filter((t) => !allowsType(allowed, t));
  return wrong.length > 0
    ? `traffic shows ${wrong.join(' | ')}, the spec says ${[...allowed].join(' | ')}`
    : undefined;
}

/** Observed path parameters by segment index (the spec may name them differently). */
function pathParametersBySegment(observed: InventoryEndpoint): Map<number, InventoryParameter> {
  const byName = new Map(observed.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p]));
  const out = new Map<number, InventoryParameter>();
  observed.path
    .split('/')
    .slice(1)
    .forEach((segment, i) => {
      const name = /^\{([^}]+)\}$/.exec(segment)?.[1];
      const p = name === undefined ? undefined : byName.get(name);
      if (p) out.set(i, p);
    });
  return out;
}

function parameterDrift(observed: InventoryEndpoint, op: SpecOperation): DriftItem[] {
  const out: DriftItem[] = [];
  const documented = new Map<string, SpecParameter>();
  for (const p of op.parameters) documented.set(paramKey(p.in, p.name), p);
  const bySegment = pathParametersBySegment(observed);
  op.path
    .split('/')
    .slice(1)
    .forEach((segment, i) => {
      const name = /^\{([^}]+)\}$/.exec(segment)?.[1];
      const spec = name === undefined ? undefined : documented.get(paramKey('path', name));
      const seen = bySegment.get(i);
      const detail = spec && seen ? parameterMismatch(seen.schema, spec.schema) : undefined;
      if (name !== undefined && detail) out.push({ kind: 'type-mismatch', location: 'path', name, detail });
    });
  const seenKeys = new Set<string>();
  for (const p of observed.parameters) {
    if (p.in === 'path') continue;
    seenKeys.add(paramKey(p.in, p.name));
    if (isCredentialName(p.name)) continue;
    const spec = documented.get(paramKey(p.in, p.name));
    if (!spec)
      out.push({
        kind: 'undocumented-parameter',
        location: p.in,
        name: p.name,
        detail: `${p.required ? 'sent on every call' : 'sent on some calls'}, not in the spec`,
      });
    else {
      const detail = parameterMismatch(p.schema, spec.schema);
      if (detail) out.push({ kind: 'type-mismatch', location: p.in, name: p.name, detail });
    }
  }
  // headers are only judged when the source carries them (logs usually do not: auth status unknown)
  const headersVisible = observed.auth.status !== 'unknown';
  for (const p of op.parameters) {
    if (!p.required || p.in === 'path' || p.in === 'formData' || p.in === 'body') continue;
    if (seenKeys.has(paramKey(p.in, p.name)) || isCredentialName(p.name)) continue;
    if (p.in === 'header' && (!headersVisible || !isInterestingHeader(p.name.toLowerCase()))) continue;
    if (p.in === 'cookie') continue;
    out.push({
      kind: 'required-field-never-seen',
      location: p.in,
      name: p.name,
      detail: 'required by the spec, absent from every call',
    });
  }
  return out;
}

/** The spec's response for a status: exact, then its range (`4XX`), then `default`. */
function specResponseFor(op: SpecOperation, status: string): Schema | undefined {
  const range = `${status[0]}XX`;
  for (const [key, schema] of Object.entries(op.responses))
    if (key === status || key.toUpperCase() === range) return schema;
  return op.responses['default'];
}

/** JSON bodies of one `{ content: { <media type>: { schema } } }` holder. */
function jsonSchemasOf(holder: unknown): Schema[] {
  const content = isObject(holder) && isObject(holder['content']) ? holder['content'] : {};
  return Object.entries(content)
    .filter(
      ([mediaType, media]) => isJson(mediaOf(mediaType)) && isObject(media) && isObject(media['schema']),
    )
    .map(([, media]) => (media as { schema: Schema }).schema)
    .filter((schema) => Object.keys(schema).length > 0);
}

function responseDrift(observed: InventoryEndpoint, op: SpecOperation): DriftItem[] {
  const out: DriftItem[] = [];
  const statuses = new Set([...Object.keys(observed.statusCodes), ...Object.keys(observed.responses)]);
  for (const status of [...statuses].filter((s) => /^\d{3}$/.test(s)).sort()) {
    const spec = specResponseFor(op, status);
    if (spec === undefined) {
      out.push({
        kind: 'undocumented-status',
        location: 'response-body',
        name: status,
        status,
        detail: `answered ${observed.statusCodes[status] ?? 0} time(s), not in the spec's responses`,
      });
      continue;
    }
    for (const seen of jsonSchemasOf(observed.responses[status]))
      out.push(...bodyDrift(seen, spec, { location: 'response-body', status }));
  }
  return out;
}

function requestBodyDrift(observed: InventoryEndpoint, op: SpecOperation): DriftItem[] {
  const out: DriftItem[] = [];
  const content = isObject(observed.requestBody?.['content']) ? observed.requestBody['content'] : {};
  const specByMedia = new Map(Object.entries(op.requestBody).map(([k, v]) => [mediaOf(k), v]));
  for (const [contentType, media] of Object.entries(content)) {
    const mediaType = mediaOf(contentType);
    if (!isJson(mediaType) || !isObject(media) || !isObject(media['schema'])) continue;
    const spec =
      specByMedia.get(mediaType) ??
      [...specByMedia].find(([k]) => isJson(k) || k === '*/*' || k === 'application/*')?.[1];
    if (spec) out.push(...bodyDrift(media['schema'], spec, { location: 'request-body' }));
    else if (specByMedia.size === 0)
      out.push({
        kind: 'undocumented-field',
        location: 'request-body',
        name: '$',
        detail: `traffic sends a ${mediaType} body, the spec documents none`,
      });
  }
  return out;
}

/** Every disagreement between one observed endpoint (as traffic showed it) and its spec operation. */
export function endpointDrift(observed: InventoryEndpoint, op: SpecOperation): DriftItem[] {
  if (observed.calls === 0) return [];
  return [...parameterDrift(observed, op), ...requestBodyDrift(observed, op), ...responseDrift(observed, op)];
}
