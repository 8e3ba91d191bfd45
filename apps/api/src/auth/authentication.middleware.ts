import { Inject, Injectable, Logger, type NestMiddleware, UnauthorizedException } from '@nestjs/common';
import { type NextFunction, type Response } from 'express';

import { AuditService } from '../audit/audit.service';
import { requestOriginOf } from '../audit/request-origin.type';
import { RateLimitService } from '../limits/rate-limit.service';
import { ApiKeyAuthService, type AuthFailureReason, type AuthResult } from './api-key-auth.service';
import { ApiKeyUsageService } from './api-key-usage.service';
import { AUTH_MESSAGES } from './auth-messages.constant';
import { type ApiRequest } from './principal.type';

/** `Bearer <token>`; tokens are printable ASCII and bounded, anything else is a malformed credential. */
const BEARER = /^Bearer +([\x21-\x7e]{1,512})$/i;

const MESSAGE: Record<AuthFailureReason, string> = {
  malformed: AUTH_MESSAGES.invalidKey,
  'unknown-key': AUTH_MESSAGES.invalidKey,
  'wrong-secret': AUTH_MESSAGES.invalidKey,
  expired: AUTH_MESSAGES.expiredKey,
  revoked: AUTH_MESSAGES.revokedKey,
};

/**
 * Authentication, before routing and body parsing: a request that presents a credential either
 * leaves with a principal or is answered 401 here, so a bad key never gets a body parsed or a route
 * matched. A request without a credential goes on; the access guard decides whether the route needs one.
 */
@Injectable()
export class AuthenticationMiddleware implements NestMiddleware {
  private readonly logger = new Logger(AuthenticationMiddleware.name);

  constructor(
    @Inject(ApiKeyAuthService) private readonly auth: ApiKeyAuthService,
    @Inject(ApiKeyUsageService) private readonly usage: ApiKeyUsageService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  use(req: ApiRequest, _res: Response, next: NextFunction): void {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const match = BEARER.exec(header);
    const malformed: AuthResult = { ok: false, reason: 'malformed' };
    const attempt = match ? this.auth.authenticate(match[1]) : Promise.resolve(malformed);
    attempt.then(
      (result) => {
        if (result.ok) {
          req.principal = result.principal;
          if (result.principal.keyId !== 'bootstrap') this.usage.touch(result.principal.keyId);
          return next();
        }
        const lockedOut = this.limits.recordAuthFailure(req);
        // the key itself is never logged nor audited; its public id (when it had one) and the address are
        this.logger.warn(
          `refused API key${result.keyId ? ` ${result.keyId}` : ''} (${result.reason}) from ${req.ip ?? 'unknown'} for ${req.method} ${req.path}${lockedOut ? '; address locked out' : ''}`,
        );
        const origin = requestOriginOf(req);
        const target = result.keyId ? `key ${result.keyId}` : '';
        const refuse = () => next(new UnauthorizedException(MESSAGE[result.reason]));
        void this.audit
          .recordQuietly({
            action: 'auth.failure',
            outcome: 'failure',
            origin,
            target,
            detail: result.reason,
          })
          .then(() =>
            lockedOut
              ? this.audit.recordQuietly({
                  action: 'auth.lockout',
                  outcome: 'denied',
                  origin,
                  target,
                  detail: 'too many failed authentications from this address',
                })
              : undefined,
          )
          .then(refuse, refuse);
      },
      (error: unknown) => next(error),
    );
  }
}
