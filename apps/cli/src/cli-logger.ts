import { type LoggerService, type LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/** Nest's start-up chatter (one line per module and route): detail for --verbose, not for every start. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

export type LogFormat = 'text' | 'json';

/** Credentials that may slip into a message (an error quoting a URL or a header): masked before writing. */
const SECRETS: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 ***'],
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1***@'],
  [
    /\b(password|passwd|secret|token|api[_-]?key|authorization)(["']?\s*[=:]\s*["']?)[^\s"'&,;]+/gi,
    '$1$2***',
  ],
];

export function redactSecrets(text: string): string {
  return SECRETS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** `APISCOPE_LOG_FORMAT=json`: one JSON object per line, for log shippers. */
export function logFormatFromEnv(env: NodeJS.ProcessEnv = process.env): LogFormat {
  return env['APISCOPE_LOG_FORMAT'] === 'json' ? 'json' : 'text';
}

/**
 * Nest logger for the command line: one line per message on stderr, so stdout stays clean for
 * results (`analyze` prints JSON there). `context` is the class name, as everywhere else. Text for
 * people by default; JSON lines (`time`, `level`, `context`, `msg`, `pid`) with APISCOPE_LOG_FORMAT=json.
 */
export class CliLogger implements LoggerService {
  private readonly min: number;

  constructor(
    level: LogLevel = 'log',
    private readonly format: LogFormat = logFormatFromEnv(),
  ) {
    this.min = ORDER.indexOf(level);
  }

  log(message: unknown, context?: string): void {
    this.write(context !== undefined && CHATTY_CONTEXTS.has(context) ? 'verbose' : 'log', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack, context) for errors: keep the context, drop the stack from the line
    const context = rest.length > 0 ? rest[rest.length - 1] : undefined;
    this.write('error', message, typeof context === 'string' ? context : undefined);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('verbose', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: LogLevel, message: unknown, context?: string): void {
    if (ORDER.indexOf(level) < this.min) return;
    const text = redactSecrets(
      typeof message === 'string'
        ? message
        : message instanceof Error
          ? message.message
          : (JSON.stringify(message) ?? String(message)),
    );
    if (this.format === 'json') {
      const line = {
        time: new Date().toISOString(),
        level,
        context: context ?? 'apiscope',
        msg: text,
        pid: process.pid,
      };
      process.stderr.write(`${JSON.stringify(line)}\n`);
      return;
    }
    process.stderr.write(
      `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${context ?? 'apiscope'}] ${text}\n`,
    );
  }
}
