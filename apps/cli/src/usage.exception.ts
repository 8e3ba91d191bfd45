/** Bad usage or bad input: the CLI prints the message as one line and exits 2. */
export class UsageException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageException';
  }
}

/** `--fail-on` matched: the CLI exits 3 after printing the result. */
export class FlaggedEndpointsException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlaggedEndpointsException';
  }
}
