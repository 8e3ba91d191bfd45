/** What the audit log records. Adding an action is adding a value here (and to the API's docs). */
export const AUDIT_ACTIONS = [
  'key.create',
  'key.revoke',
  'auth.failure',
  'auth.lockout',
  'access.denied',
  'spec.import',
  'template.correct',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One audit row: who (key id and name; empty when no valid key), what, when, from where. */
export interface AuditEntry {
  id: string;
  ts: number;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: AuditAction;
  outcome: AuditOutcome;
  /** What the action was about: a key id, a route. Never a secret. */
  target: string;
  clientIp: string;
  method: string;
  path: string;
  detail: string;
}

export interface AuditQuery {
  action?: AuditAction;
  actorId?: string;
  outcome?: AuditOutcome;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  /** Keyset cursor: entries strictly before this one in (ts desc, id desc) order. */
  before?: { ts: number; id: string };
  limit: number;
}
