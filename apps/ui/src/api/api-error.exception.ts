/** A refused or failed API call, with what the reader needs to see (the problem's detail). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** seconds, from Retry-After on 429 */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The route is not in this API version (or not open to this key's role). */
  get isMissingRoute(): boolean {
    return this.status === 404;
  }
}
