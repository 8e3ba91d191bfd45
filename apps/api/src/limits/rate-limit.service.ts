import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { type Response } from 'express';

import { API_OPTIONS, type ApiOptions } from '../api-options.type';
import { type ApiRequest } from '../auth/principal.type';
import { clientBucket } from './client-address.util';
import { type RateDecision, RateLimiter } from './rate-limiter.util';

const MINUTE = 60_000;
export const DEFAULT_RATE_LIMITS = { perKey: 3000, perIp: 6000, failedAuthPerIp: 10 } as const;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Request limits: per client address (before authentication, so key guessing is limited too), per
 * key (after it), and failed authentications per address, far stricter: an address that fails
 * `failedAuthPerIp` times is locked out (429) until its window ends, without its attempts reaching
 * scrypt or storage. Headers follow draft-ietf-httpapi-ratelimit-headers (RateLimit-Limit,
 * -Remaining, -Reset, -Policy), reporting the limit closest to exhaustion; a 429 has Retry-After.
 */
@Injectable()
export class RateLimitService {
  private readonly perIp: RateLimiter;
  private readonly perKey: RateLimiter;
  private readonly failedAuth: RateLimiter;

  constructor(@Inject(API_OPTIONS) options: ApiOptions) {
    this.perIp = new RateLimiter(options.rateLimitPerIp ?? DEFAULT_RATE_LIMITS.perIp, MINUTE);
    this.perKey = new RateLimiter(options.rateLimitPerKey ?? DEFAULT_RATE_LIMITS.perKey, MINUTE);
    this.failedAuth = new RateLimiter(options.failedAuthPerIp ?? DEFAULT_RATE_LIMITS.failedAuthPerIp, MINUTE);
  }

  /** Before authentication: throws 429 for a locked-out or over-limit client address. */
  checkClient(req: ApiRequest, res: Response, now = Date.now()): void {
    const bucket = clientBucket(req.socket.remoteAddress);
    const lock = this.failedAuth.peek(bucket, now);
    if (lock.remaining === 0) {
      res.setHeader('Retry-After', String(seconds(lock.resetMs)));
      throw new HttpException(
        `too many failed authentications from this address; retry in ${seconds(lock.resetMs)} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.enforce(this.perIp.hit(bucket, now), res, 'this address');
  }

  /** After authentication: throws 429 for a key over its limit. */
  checkKey(req: ApiRequest, res: Response, now = Date.now()): void {
    if (req.principal) this.enforce(this.perKey.hit(req.principal.keyId, now), res, 'this API key');
  }

  /** Counts a failed authentication; true when it is the one that locks the address out. */
  recordAuthFailure(req: ApiRequest, now = Date.now()): boolean {
    const d = this.failedAuth.hit(clientBucket(req.socket.remoteAddress), now);
    return d.allowed && d.remaining === 0;
  }

  private enforce(decision: RateDecision, res: Response, who: string): void {
    const shown = res.locals['rateLimit'] as RateDecision | undefined;
    if (!shown || decision.remaining <= shown.remaining) {
      res.locals['rateLimit'] = decision;
      res.setHeader('RateLimit-Limit', String(decision.limit));
      res.setHeader('RateLimit-Remaining', String(decision.remaining));
      res.setHeader('RateLimit-Reset', String(seconds(decision.resetMs)));
      res.setHeader('RateLimit-Policy', `${decision.limit};w=${decision.windowMs / 1000}`);
    }
    if (decision.allowed) return;
    res.setHeader('Retry-After', String(seconds(decision.resetMs)));
    throw new HttpException(
      `rate limit of ${decision.limit} requests per ${decision.windowMs / 1000} s for ${who} reached; retry in ${seconds(decision.resetMs)} s`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
