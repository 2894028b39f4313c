/**
 * `fleetplan`: the command line over the same backend code as the app, for scripts,
 * CI and batch work on .fleet files.
 */
import { largest } from '../../shared/arrays';
import { APP_VERSION } from '../../shared/version';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand, type CliHost, type CliIo } from './cli-kit';
import { COMMANDS } from './commands';

export function helpText(commands: readonly CliCommand[]): string {
  const width = largest(commands.map((c) => c.name.length));
  return [
    `fleetplan ${APP_VERSION} — Fleet Planner on the command line`,
    '',
    'Usage: fleetplan <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help, -h     this text; `fleetplan <command> --help` for one command',
    '  --version, -v  the version',
    '',
    'Exit codes: 0 success, 1 the command ran and found problems, 2 bad input.',
    '',
  ].join('\n');
}

export async function runCli(args: string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS, host?: CliHost): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(helpText(commands));
    return first === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${APP_VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.stderr.write(`fleetplan: unknown command "${first}" (try fleetplan --help)\n`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.summary}\nUsage: ${command.usage}\n`);
    return EXIT_OK;
  }
  return command.run(rest, io, host);
}

/** Runs when bundled as dist/cli/fleetplan.cjs; importing the module for tests runs nothing. */
export function main(host: CliHost): void {
  // Piped into `head`, the reader may go before the output ends: that is no error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), process, COMMANDS, host).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`fleetplan: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_BAD_INPUT;
    },
  );
}
