import { Command, CommanderError } from 'commander';

import type * as AnalyzeCommand from './analyze.command';
import type * as KeysCommand from './keys.command';
import type * as PipelineCommand from './pipeline.command';
import { sensorCommand } from './sensor.command';
import type * as SensorLogsCommand from './sensor-logs.command';
import type * as SensorPcapCommand from './sensor-pcap.command';
import type * as SpecCommand from './spec.command';
import type * as TemplatesCommand from './templates.command';
import type * as UpCommand from './up.command';
import { FlaggedEndpointsException, UsageException } from './usage.exception';

/** Exit codes are a contract (DESIGN.md): 2 bad usage or input, 3 `--fail-on` matched, 1 anything else. */
const EXIT = { usage: 2, flagged: 3, failure: 1 } as const;

type Register = (program: Command, argv: readonly string[]) => Promise<void>;

/**
 * A module of this app, loaded when first needed. The specifier is a variable on purpose: the CLI
 * runs as CommonJS, and a literal `import('./x')` would be type-checked as an ES module import
 * needing a `.js` extension that the TypeScript sources do not have.
 */
const load = <T>(specifier: string) => import(specifier) as Promise<T>;

/**
 * Each command's module is loaded only when that command runs: `apiscope sensor pcap` starts in a
 * fraction of the time it takes to load Nest, the API and embedded ClickHouse, which it never uses.
 * With no command (or `--help`) every command is registered, so help lists them all.
 */
const COMMANDS: Array<[string, Register]> = [
  ['up', async (p) => (await load<typeof UpCommand>('./up.command')).registerUpCommand(p)],
  ['api', async (p) => (await load<typeof UpCommand>('./up.command')).registerApiCommand(p)],
  [
    'analyze',
    async (p) => (await load<typeof AnalyzeCommand>('./analyze.command')).registerAnalyzeCommand(p),
  ],
  [
    'sensor',
    async (p, argv) => {
      // only the sensor that runs is loaded: the log sensor's parsers and sinks cost the packet
      // sensor a third of a second at start, and each sensor runs alone
      const group = sensorCommand(p);
      const which = argv[3];
      if (which !== 'logs')
        (await load<typeof SensorPcapCommand>('./sensor-pcap.command')).registerSensorPcapCommand(group);
      if (which !== 'pcap')
        (await load<typeof SensorLogsCommand>('./sensor-logs.command')).registerSensorLogsCommand(group);
    },
  ],
  [
    'pipeline',
    async (p) => (await load<typeof PipelineCommand>('./pipeline.command')).registerPipelineCommand(p),
  ],
  ['spec', async (p) => (await load<typeof SpecCommand>('./spec.command')).registerSpecCommand(p)],
  ['keys', async (p) => (await load<typeof KeysCommand>('./keys.command')).registerKeysCommand(p)],
  [
    'templates',
    async (p) => (await load<typeof TemplatesCommand>('./templates.command')).registerTemplatesCommand(p),
  ],
];

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
  const named = COMMANDS.filter(([name]) => name === argv[2]);
  for (const [, register] of named.length > 0 ? named : COMMANDS)
    await register(program, named.length > 0 ? argv : []);
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
    fail(EXIT.failure, error instanceof Error ? error.message : String(error));
  }
}
