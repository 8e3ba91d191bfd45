import { CliLogger, redactSecrets } from './cli-logger';

describe(CliLogger.name, () => {
  let written: string[];
  let spy: jest.SpyInstance;

  beforeEach(() => {
    written = [];
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  it('should write one JSON object per line with level, context and message in json format', () => {
    const logger = new CliLogger('log', 'json');
    logger.warn('storage failed (attempt 1)', 'ProcessCallsUseCase');
    logger.debug('not shown below the level', 'X');
    logger.error('boom', 'stack…', 'BusConsumer');
    expect(written).toHaveLength(2);
    const lines = written.map((w) => JSON.parse(w) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      context: 'ProcessCallsUseCase',
      msg: 'storage failed (attempt 1)',
    });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'BusConsumer', msg: 'boom', pid: process.pid });
    expect(Number.isNaN(Date.parse(String(lines[0]['time'])))).toBe(false);
  });

  it.each([
    ['Authorization: Bearer eyJhbGciOi.abc.def failed', 'Authorization: *** *** failed'],
    ['sent Bearer aps_k1_secretsecret', 'sent Bearer ***'],
    ['connect http://default:hunter2@ch:8123 refused', 'connect http://default:***@ch:8123 refused'],
    ['password=hunter2&user=x', 'password=***&user=x'],
    ['{"api_key":"abc123"}', '{"api_key":"***"}'],
    ['plain text stays', 'plain text stays'],
  ])('should mask credentials in %j', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
    new CliLogger('log', 'text').log(input, 'Test');
    expect(written[0]).toContain(expected);
  });
});
