import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { type AuditAction, type AuditOutcome, AuditRepository } from '@apiscope/storage';

import { type Principal } from '../auth/principal.type';
import { type RequestOrigin } from './request-origin.type';

export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  /** Who: the authenticated key; absent for a failed authentication. */
  actor?: Principal;
  origin: RequestOrigin;
  /** What it was about (a key id, a route). Never a secret. */
  target?: string;
  detail?: string;
}

/**
 * Appends to the audit log (admin actions, failed authentications, denied access). Callers never
 * pass keys or hashes: only key ids, names, roles, routes and fixed texts reach it.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@Inject(AuditRepository) private readonly audit: AuditRepository) {}

  /** For admin actions: when the record cannot be written, the request fails (an unaudited change is not OK). */
  async record(event: AuditEvent, at = Date.now()): Promise<void> {
    await this.audit.append([
      {
        id: randomUUID(),
        ts: at,
        actorId: event.actor?.keyId ?? '',
        actorName: event.actor?.name ?? '',
        actorRole: event.actor?.role ?? '',
        action: event.action,
        outcome: event.outcome,
        target: event.target ?? '',
        clientIp: event.origin.clientIp,
        method: event.origin.method,
        path: event.origin.path,
        detail: event.detail ?? '',
      },
    ]);
  }

  /** For refusals: the refusal stands even when storage cannot take the record, which is logged instead. */
  async recordQuietly(event: AuditEvent): Promise<void> {
    try {
      await this.record(event);
    } catch (error) {
      this.logger.error(
        `audit record lost (${event.action} from ${event.origin.clientIp}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
