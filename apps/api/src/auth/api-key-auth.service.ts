import { createHash, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { type ApiKeyRecord, ApiKeyRepository } from '@apiscope/storage';

import { API_OPTIONS, type ApiOptions } from '../api-options.type';
import { parseApiKey, verifyApiKeySecret } from './api-key-secret.util';
import { BOOTSTRAP_PRINCIPAL, type Principal } from './principal.type';

export type AuthFailureReason = 'malformed' | 'unknown-key' | 'wrong-secret' | 'expired' | 'revoked';

export type AuthResult =
  { ok: true; principal: Principal } | { ok: false; reason: AuthFailureReason; keyId?: string };

interface Verified {
  record: ApiKeyRecord;
  cachedAt: number;
}

/**
 * A verified key is trusted from memory for this long. Revocations made through this process drop
 * the entry at once; another API process (distributed mode) sees a revocation within this time.
 */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 10_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Turns a presented bearer token into a principal. The bootstrap key is compared as a SHA-256
 * digest in constant time; stored keys are found by their public id and checked with scrypt, once
 * per key and cache period, since scrypt on every request would cap the API at a few dozen requests
 * per second per core. Expiry is checked on every request, cached or not.
 */
@Injectable()
export class ApiKeyAuthService {
  private readonly bootstrapDigest: Buffer;
  /** sha256(token) -> verified record; holds digests, never tokens. */
  private readonly verified = new Map<string, Verified>();
  /** Concurrent first requests with one key share one scrypt run. */
  private readonly inflight = new Map<string, Promise<ApiKeyRecord | AuthFailureReason>>();

  constructor(
    @Inject(API_OPTIONS) options: ApiOptions,
    @Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository,
  ) {
    this.bootstrapDigest = sha256(options.apiKey);
  }

  async authenticate(token: string, now = Date.now()): Promise<AuthResult> {
    const digest = sha256(token);
    if (timingSafeEqual(digest, this.bootstrapDigest)) return { ok: true, principal: BOOTSTRAP_PRINCIPAL };
    const parsed = parseApiKey(token);
    if (!parsed) return { ok: false, reason: 'malformed' };
    const cacheKey = digest.toString('hex');
    const cached = this.verified.get(cacheKey);
    if (cached && now - cached.cachedAt < CACHE_TTL_MS) return this.check(cached.record, now);
    let pending = this.inflight.get(cacheKey);
    if (!pending) {
      pending = this.verify(parsed.id, parsed.secret).finally(() => this.inflight.delete(cacheKey));
      this.inflight.set(cacheKey, pending);
    }
    const outcome = await pending;
    if (typeof outcome === 'string') return { ok: false, reason: outcome, keyId: parsed.id };
    this.remember(cacheKey, { record: outcome, cachedAt: now });
    return this.check(outcome, now);
  }

  /** Forget a key at once (after its revocation). */
  invalidate(keyId: string): void {
    for (const [cacheKey, entry] of this.verified)
      if (entry.record.id === keyId) this.verified.delete(cacheKey);
  }

  private async verify(id: string, secret: string): Promise<ApiKeyRecord | AuthFailureReason> {
    // The id is public (lists, audit log), so answering an unknown id without running scrypt leaks
    // nothing worth the cost of a dummy hash per bad request.
    const record = await this.keys.findById(id);
    if (!record) return 'unknown-key';
    return (await verifyApiKeySecret(secret, record.secretHash)) ? record : 'wrong-secret';
  }

  private check(record: ApiKeyRecord, now: number): AuthResult {
    // revoked and expired are told only to someone who proved possession of the secret
    if (record.revokedAt !== null) return { ok: false, reason: 'revoked', keyId: record.id };
    if (record.expiresAt !== null && record.expiresAt <= now)
      return { ok: false, reason: 'expired', keyId: record.id };
    return { ok: true, principal: { keyId: record.id, name: record.name, role: record.role } };
  }

  private remember(cacheKey: string, entry: Verified): void {
    if (this.verified.size >= CACHE_MAX_ENTRIES) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(cacheKey, entry);
  }
}
