import type AjvClass from 'ajv';
import { type ErrorObject, type ValidateFunction } from 'ajv';
import type addFormatsFunction from 'ajv-formats';

import { API_CALL_V1_SCHEMA } from './api-call.schema';
import { API_CALL_CONTRACT_VERSION, type ApiCall } from './api-call.type';

/** One reason an event was refused: where (`request.headers[3][0]`) and what. */
export interface ContractIssue {
  path: string;
  problem: string;
}

export type ApiCallValidation = { ok: true; call: ApiCall } | { ok: false; issues: ContractIssue[] };

/** At most this many issues are reported per event: enough to fix a producer, bounded for hostile input. */
const MAX_ISSUES = 8;

let compiled: ValidateFunction<ApiCall> | undefined;

/**
 * Loaded and compiled on first use, not at import: producers such as the pcap sensor (and each of its
 * worker threads) import this library for its types and helpers and never validate on their hot path.
 */
function checkV1(): ValidateFunction<ApiCall> {
  if (compiled === undefined) {
    // required here, not imported at the top: loading Ajv alone costs ~110 ms of each start
    /* eslint-disable @typescript-eslint/no-require-imports */
    const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
    const addFormats = (require('ajv-formats') as { default: typeof addFormatsFunction }).default;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: true });
    addFormats(ajv, ['ipv4', 'ipv6']);
    compiled = ajv.compile<ApiCall>(API_CALL_V1_SCHEMA);
  }
  return compiled;
}

/** `/request/headers/3/0` -> `request.headers[3][0]` */
function toFieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (extra !== undefined) parts.push(extra);
  let out = '';
  for (const raw of parts) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out === '' ? '(event)' : out;
}

function describe(error: ErrorObject): ContractIssue | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        path: toFieldPath(error.instancePath, String(params['additionalProperty'])),
        problem: 'unknown field',
      };
    case 'required':
      return {
        path: toFieldPath(error.instancePath, String(params['missingProperty'])),
        problem: 'is required',
      };
    case 'format':
      // ipv4 and ipv6 are tried in turn; the anyOf error below carries the useful message.
      return undefined;
    case 'anyOf':
      return { path: toFieldPath(error.instancePath), problem: 'must be an IPv4 or IPv6 address' };
    case 'pattern':
      return {
        path: toFieldPath(error.instancePath),
        problem: error.instancePath.endsWith('/method')
          ? 'must be an HTTP method token'
          : 'must be empty, "*" or start with "/"',
      };
    case 'enum':
      return {
        path: toFieldPath(error.instancePath),
        problem: `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { path: toFieldPath(error.instancePath), problem: error.message ?? error.keyword };
  }
}

/**
 * Validates one decoded JSON value against ApiCall v1. Never throws; returns every reason (bounded)
 * with the field path, so a dead-letter row tells the producer exactly what to fix.
 */
export function validateApiCall(input: unknown): ApiCallValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '(event)', problem: 'must be a JSON object' }] };
  }
  const version = (input as { v?: unknown }).v;
  if (version !== API_CALL_CONTRACT_VERSION) {
    const problem =
      version === undefined
        ? 'is required (contract version, must be 1)'
        : `unsupported contract version ${JSON.stringify(version)}; this build reads v1`;
    return { ok: false, issues: [{ path: 'v', problem }] };
  }
  const check = checkV1();
  if (check(input)) return { ok: true, call: input };
  const issues: ContractIssue[] = [];
  const seen = new Set<string>();
  for (const error of check.errors ?? []) {
    const issue = describe(error);
    if (!issue) continue;
    const key = `${issue.path}\u0000${issue.problem}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length === MAX_ISSUES) break;
  }
  return { ok: false, issues };
}

/** One line for logs and dead letters: `request.method: is required; ts: must be >= 0`. */
export function formatContractIssues(issues: readonly ContractIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.problem}`).join('; ');
}
