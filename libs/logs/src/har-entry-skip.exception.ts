/**
 * Raised while reading one entry and caught by `parseHar`, which turns it into a `HarSkip`; it never
 * reaches callers. It carries no code enum because the reason text is all a skip reports.
 */
export class HarEntrySkipException extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'HarEntrySkipException';
  }
}
