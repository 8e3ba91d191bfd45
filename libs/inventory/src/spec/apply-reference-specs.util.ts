import {
  type AuthStatus,
  type EndpointFlag,
  type EndpointSpecNote,
  type InventoryDocument,
  type InventoryEndpoint,
  type InventoryParameter,
  type InventoryService,
} from '../inventory.type';
import { type ReferenceSpec, type SpecOperation } from './reference-spec.type';
import { versionSiblingTemplate } from './match-spec-operation.util';
import { specFlags } from './spec-flags.util';
import { pathParametersOf } from '../endpoint-view.util';
import { endpointKeyPath } from '../endpoint-key.util';

export interface ServiceSpecIndexEntry {
  latest: ReferenceSpec;
  earlier: SpecOperation[][];
}

export type ServiceSpecIndex = ReadonlyMap<string, ServiceSpecIndexEntry>;

export interface ReferenceSpecOptions {
  /**
   * Orphan window: a documented operation without a call in this long is an orphan. Default: since
   * the spec was imported, and at least 30 days.
   */
  orphanWindowMs?: number;
  /** End of the window; default: the service's newest call (captures analysed later stay fresh). */
  now?: number;
}

export const DEFAULT_ORPHAN_WINDOW_MS = 30 * 24 * 3600 * 1000;

const FLAG_ORDER: EndpointFlag[] = ['shadow', 'orphan', 'zombie', 'unauthenticated', 'sensitive'];
const sortFlags = (flags: Iterable<EndpointFlag>) =>
  [...new Set(flags)].sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b));

function mergeAuth(a: AuthStatus, b: AuthStatus): AuthStatus {
  if (a === b || b === 'unknown') return a;
  if (a === 'unknown') return b;
  return 'mixed';
}

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [key, n] of Object.entries(b)) out[key] = (out[key] ?? 0) + n;
  return out;
}

/** Exposure counters of two endpoints as one: the widest response, the counters added up. */
function mergeExposure(a: InventoryEndpoint['exposure'], b: InventoryEndpoint['exposure']) {
  if (!a || !b) return a ?? b;
  return {
    maxClassesPerResponse: Math.max(a.maxClassesPerResponse, b.maxClassesPerResponse),
    rateLimitSignals: a.rateLimitSignals + b.rateLimitSignals,
    plaintextSensitiveCalls: a.plaintextSensitiveCalls + b.plaintextSensitiveCalls,
  };
}

/** Two observed endpoints the spec documents as one operation become one (counts add up). */
function mergeEndpoints(a: InventoryEndpoint, b: InventoryEndpoint): InventoryEndpoint {
  const statusCodes = addCounts(a.statusCodes, b.statusCodes);
  const minIso = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x < y ? x : y);
  const maxIso = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x > y ? x : y);
  const latency =
    a.latencyMs && b.latencyMs
      ? {
          avg:
            Math.round(
              ((a.latencyMs.avg * a.calls + b.latencyMs.avg * b.calls) / Math.max(1, a.calls + b.calls)) *
                100,
            ) / 100,
          max: Math.max(a.latencyMs.max, b.latencyMs.max),
        }
      : (a.latencyMs ?? b.latencyMs);
  return {
    ...a,
    calls: a.calls + b.calls,
    firstSeen: minIso(a.firstSeen, b.firstSeen),
    lastSeen: maxIso(a.lastSeen, b.lastSeen),
    statusCodes,
    latencyMs: latency,
    auth: {
      schemes: [...new Set([...a.auth.schemes, ...b.auth.schemes])].sort(),
      status: mergeAuth(a.auth.status, b.auth.status),
      unauthenticatedSuccesses: a.auth.unauthenticatedSuccesses + b.auth.unauthenticatedSuccesses,
      unauthenticatedStatusCodes: addCounts(
        a.auth.unauthenticatedStatusCodes,
        b.auth.unauthenticatedStatusCodes,
      ),
    },
    flags: sortFlags([...a.flags, ...b.flags]),
    sensitive: [...a.sensitive, ...b.sensitive],
    requestBody: a.requestBody ?? b.requestBody,
    responses: { ...b.responses, ...a.responses },
    ...((a.exposure ?? b.exposure) && { exposure: mergeExposure(a.exposure, b.exposure) }),
  };
}

/** Parameter names and types come from the spec when it documents the operation. */
function specParameters(op: SpecOperation, observed: InventoryParameter[]): InventoryParameter[] {
  const documented = op.parameters
    .filter(
      (p): p is typeof p & { in: InventoryParameter['in'] } =>
        p.in === 'path' || p.in === 'query' || p.in === 'header' || p.in === 'cookie',
    )
    .map((p) => ({ name: p.name, in: p.in, required: p.required, schema: p.schema }));
  const names = new Set(documented.map((p) => `${p.in}:${p.name}`));
  // observed path parameters are renamed by the spec; other observed ones stay (drift shows them)
  return [...documented, ...observed.filter((p) => p.in !== 'path' && !names.has(`${p.in}:${p.name}`))];
}

function specNote(op: SpecOperation): EndpointSpecNote {
  return {
    security: op.security,
    ...(op.operationId !== undefined && { operationId: op.operationId }),
    ...(op.deprecated && { deprecated: true }),
  };
}

function orphanEndpoint(op: SpecOperation): InventoryEndpoint {
  return {
    method: op.method,
    path: op.path,
    calls: 0,
    firstSeen: null,
    lastSeen: null,
    statusCodes: {},
    latencyMs: null,
    auth: { schemes: [], status: 'unknown', unauthenticatedSuccesses: 0, unauthenticatedStatusCodes: {} },
    flags: ['orphan'],
    sensitive: [],
    parameters: specParameters(op, []),
    requestBody: Object.keys(op.requestBody).length > 0 ? op.requestBody : null,
    responses: op.responses,
    spec: specNote(op),
  };
}

/** The service's traffic clock: its newest call (0 when there is none). */
function newestCall(service: InventoryService): number {
  let newest = 0;
  for (const e of service.endpoints)
    if (e.lastSeen !== null) newest = Math.max(newest, Date.parse(e.lastSeen));
  return newest;
}

/** Identity of an endpoint within a service: GraphQL operations on one path stay apart. */
const endpointKey = (e: Pick<InventoryEndpoint, 'method' | 'path' | 'graphql'>) =>
  `${e.method} ${endpointKeyPath(e)}`;

function applyToService(
  service: InventoryService,
  specs: ServiceSpecIndexEntry | undefined,
  activeSince: number,
): InventoryService {
  // templates first: observed endpoints a spec operation matches take its template
  const byKey = new Map<string, InventoryEndpoint>();
  const observed = service.endpoints.map((e) => ({
    method: e.method,
    path: e.path,
    calls: e.calls,
    ...(e.lastSeen !== null && { lastSeen: Date.parse(e.lastSeen) }),
  }));
  const first = specFlags(observed, specs?.latest.operations, specs?.earlier);
  for (const e of service.endpoints) {
    const verdict = first.verdicts.get(`${e.method} ${e.path}`);
    const op = verdict?.operation ?? verdict?.removed;
    // an undocumented other version of a documented resource takes its shape (`/v2/...` of `/v1/...`)
    const sibling =
      !op && specs ? versionSiblingTemplate(specs.latest.operations, e.method, e.path) : undefined;
    const renamed: InventoryEndpoint = op
      ? { ...e, path: op.path, parameters: specParameters(op, e.parameters) }
      : sibling
        ? {
            ...e,
            path: sibling,
            parameters: [...pathParametersOf(sibling), ...e.parameters.filter((p) => p.in !== 'path')],
          }
        : e;
    const key = endpointKey(renamed);
    const existing = byKey.get(key);
    byKey.set(key, existing ? mergeEndpoints(existing, renamed) : renamed);
  }
  // then flags, on the merged endpoints
  const merged = [...byKey.values()];
  const final = specFlags(
    merged.map((e) => ({
      method: e.method,
      path: e.path,
      calls: e.calls,
      ...(e.lastSeen !== null && { lastSeen: Date.parse(e.lastSeen) }),
    })),
    specs?.latest.operations,
    specs?.earlier,
    activeSince,
  );
  const endpoints = merged.map((e) => {
    const verdict = final.verdicts.get(`${e.method} ${e.path}`);
    return {
      ...e,
      flags: sortFlags([...e.flags, ...(verdict?.flags ?? [])]),
      ...(verdict?.operation && { spec: specNote(verdict.operation) }),
    };
  });
  endpoints.push(...final.orphans.map(orphanEndpoint));
  endpoints.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  return { ...service, endpoints };
}

/**
 * Holds traffic and reference specs side by side: spec templates and parameter names win where they
 * match, shadow/zombie/orphan flags are added, documented services are marked, and services that
 * only exist in a spec appear with their orphans.
 */
export function applyReferenceSpecs(
  doc: InventoryDocument,
  specs: ServiceSpecIndex,
  options: ReferenceSpecOptions = {},
): InventoryDocument {
  // the window ends at the service's newest call (a capture analysed months later is not all orphans)
  // and opens `orphanWindowMs` before; by default at the spec's import when that is earlier
  const activeSince = (service: InventoryService, entry: ServiceSpecIndexEntry | undefined) => {
    const now = options.now ?? newestCall(service);
    return options.orphanWindowMs !== undefined
      ? now - options.orphanWindowMs
      : Math.min(now - DEFAULT_ORPHAN_WINDOW_MS, entry?.latest.importedAt ?? Number.POSITIVE_INFINITY);
  };
  const services = doc.services.map((s) => ({
    ...applyToService(s, specs.get(s.name), activeSince(s, specs.get(s.name))),
    documented: specs.has(s.name),
  }));
  for (const [name, entry] of specs) {
    if (!doc.services.some((s) => s.name === name))
      services.push({ ...applyToService({ name, endpoints: [] }, entry, 0), documented: true });
  }
  services.sort((a, b) => a.name.localeCompare(b.name));
  return { services };
}
