import { type LoggerService, type LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/** Nest's start-up chatter (one line per module and route): detail for --verbose, not for every start. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/**
 * Nest logger for the command line: one line per message on stderr, so stdout stays clean for
 * results (`analyze` prints JSON there). `context` is the class name, as everywhere else.
 */
export class CliLogger implements LoggerService {
  private readonly min: number;

  constructor(level: LogLevel = 'log') {
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
    const text =
      typeof message === 'string'
        ? message
        : message instanceof Error
          ? message.message
          : JSON.stringify(message);
    process.stderr.write(
      `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${context ?? 'apiscope'}] ${text}\n`,
    );
  }
}
