import { Command, CommanderError } from 'commander';

import { StorageException } from '@apiscope/storage';

import { registerAnalyzeCommand } from './analyze.command';
import { registerTemplatesCommand } from './templates.command';
import { registerApiCommand, registerUpCommand } from './up.command';
import { FlaggedEndpointsException, UsageException } from './usage.exception';

/** Exit codes are a contract (DESIGN.md): 2 bad usage or input, 3 `--fail-on` matched, 1 anything else. */
const EXIT = { usage: 2, flagged: 3, failure: 1 } as const;

function fail(code: number, message: string): never {
  process.stderr.write(`apiscope: ${message}\n`);
  process.exit(code);
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command('apiscope')
    .description('passive API discovery from traffic: sensors, pipeline, inventory, API')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerUpCommand(program);
  registerApiCommand(program);
  registerAnalyzeCommand(program);
  registerTemplatesCommand(program);
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version print themselves and exit 0; commander already printed the usage error
      process.exit(error.exitCode === 0 ? 0 : EXIT.usage);
    }
    if (error instanceof UsageException) fail(EXIT.usage, error.message);
    if (error instanceof FlaggedEndpointsException) fail(EXIT.flagged, error.message);
    if (error instanceof StorageException) fail(EXIT.failure, error.message);
    fail(EXIT.failure, error instanceof Error ? error.message : String(error));
  }
}
