import { type Command } from 'commander';

/**
 * The `apiscope sensor` group (DESIGN.md: `sensor pcap`, `sensor logs`). Each sensor registers its
 * subcommand on it in its own file; whichever registers first creates the group.
 */
export function sensorCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'sensor') ??
    program
      .command('sensor')
      .description('run a sensor: turn traffic or gateway logs into ApiCall events for a sink')
  );
}
