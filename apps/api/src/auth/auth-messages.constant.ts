/** Client-facing texts of authentication and authorization errors: one wording everywhere. */
export const AUTH_MESSAGES = {
  missingKey: 'missing API key: send Authorization: Bearer <key>',
  invalidKey: 'invalid API key',
  expiredKey: 'API key expired',
  revokedKey: 'API key revoked',
  /** Also the detail of an unknown route, so a hidden route and a missing one read the same. */
  noSuchRoute: 'no such route',
} as const;
