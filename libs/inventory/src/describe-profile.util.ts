import { type BodyStats, type EndpointProfile, toJsonSchema } from '@apiscope/inference';

import { type EndpointAuthDetails, type InventoryParameter } from './inventory.type';

type Schema = Record<string, unknown>;

const NOTE_SCHEMA: Record<string, (mediaType: string) => Schema> = {
  xml: (mediaType) => ({
    type: 'string',
    contentMediaType: mediaType,
    description: 'XML body (not inferred)',
  }),
  text: (mediaType) => ({ type: 'string', contentMediaType: mediaType }),
  binary: () => ({ type: 'string', format: 'binary' }),
  truncated: () => ({ description: 'bodies were cut by the sensor: schema not inferred' }),
  unparsable: () => ({ description: 'bodies did not parse: schema not inferred' }),
  empty: () => ({}),
};

function bodySchema(mediaType: string, body: BodyStats): Schema {
  if (body.s && body.s.n > 0) return toJsonSchema(body.s);
  const note = [...(body.notes ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
  return note !== undefined && Object.hasOwn(NOTE_SCHEMA, note) ? NOTE_SCHEMA[note](mediaType) : {};
}

function content(bodies: ReadonlyArray<[string, BodyStats]>): Record<string, { schema: Schema }> | undefined {
  const out: Record<string, { schema: Schema }> = {};
  for (const [mediaType, body] of bodies)
    if (mediaType !== '')
      Object.defineProperty(out, mediaType, {
        value: { schema: bodySchema(mediaType, body) },
        enumerable: true,
        writable: true,
        configurable: true,
      });
  return Object.keys(out).length > 0 ? out : undefined;
}

const IN_ORDER = { path: 0, query: 1, header: 2, cookie: 3 } as const;

/** Parameters: path ones named by the template, the rest as traffic showed them. */
export function describeParameters(
  template: string,
  profile: EndpointProfile | undefined,
): InventoryParameter[] {
  const json = profile?.toJSON();
  const stats = new Map(json?.params ?? []);
  const out: InventoryParameter[] = [];
  template
    .split('/')
    .slice(1)
    .forEach((segment, index) => {
      for (const [, name] of segment.matchAll(/\{([^}]+)\}/g)) {
        const s = stats.get(`path:${index + 1}`)?.s;
        out.push({ name, in: 'path', required: true, schema: s ? toJsonSchema(s) : { type: 'string' } });
      }
    });
  for (const [key, counted] of json?.params ?? []) {
    const colon = key.indexOf(':');
    const where = key.slice(0, colon);
    if (where !== 'query' && where !== 'header' && where !== 'cookie') continue;
    out.push({
      name: key.slice(colon + 1),
      in: where,
      required: counted.n >= (json?.calls ?? 0),
      schema: counted.s ? toJsonSchema(counted.s) : { type: 'string' },
    });
  }
  return out.sort(
    (a, b) => IN_ORDER[a.in] - IN_ORDER[b.in] || (a.in === 'path' ? 0 : a.name.localeCompare(b.name)),
  );
}

export function describeRequestBody(profile: EndpointProfile | undefined): Record<string, unknown> | null {
  const bodies = profile?.toJSON().requestBodies ?? [];
  const c = content(bodies);
  return c ? { content: c } : null;
}

export function describeResponses(
  profile: EndpointProfile | undefined,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const sorted = [...(profile?.toJSON().responses ?? [])].sort(([a], [b]) => a.localeCompare(b));
  for (const [status, bodies] of sorted) {
    if (!/^\d{3}$/.test(status)) continue;
    const c = content(bodies);
    out[status] = c ? { content: c } : {};
  }
  return out;
}

/** Which bearer tokens, JWT issuers, API key names and session cookies the calls carried. */
export function describeAuthDetails(profile: EndpointProfile | undefined): EndpointAuthDetails {
  const auth = profile?.toJSON().auth;
  if (!auth) return {};
  const out: EndpointAuthDetails = {};
  if (auth.jwt + auth.opaque > 0) out.bearer = { jwt: auth.jwt, opaque: auth.opaque };
  if (auth.issuers.length > 0) out.jwtIssuers = auth.issuers.map((i) => ({ ...i }));
  if (auth.apiKeys.length > 0)
    out.apiKeys = auth.apiKeys.map(([key, calls]) => {
      const [where, ...name] = key.split(':');
      return {
        in: where === 'query' ? ('query' as const) : ('header' as const),
        name: name.join(':'),
        calls,
      };
    });
  if (auth.sessionCookies.length > 0)
    out.sessionCookies = auth.sessionCookies.map(([name, calls]) => ({ name, calls }));
  return out;
}
