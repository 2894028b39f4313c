/** The frame every fleetplan command shares: its shape, exit codes, argument parsing, errors. */

export interface CliIo {
  /** A stream's write says false when it is full; `once('drain')` then says when to go on. */
  stdout: { write(text: string): unknown; once?(event: 'drain', listener: () => void): unknown };
  stderr: { write(text: string): unknown };
}

/** Where the command line's parts are: the built optimizer worker, which it runs as the app does. */
export interface CliHost {
  optimizerWorkerPath: () => string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo, host?: CliHost): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

/** Bad input: the message, on one line, is all the user sees. */
export class UsageError extends Error {}

export function fail(io: CliIo, error: unknown, args: readonly string[] = []): number {
  const message = error instanceof Error ? error.message : String(error);
  // On one line: a list that follows a colon reads "…: a; b", not "…:; a; b".
  const line = message.replace(/:\n/g, ': ').split('\n').join('; ');
  io.stderr.write(`fleetplan: ${line}\n`);
  // A script that asked for JSON gets JSON back even when the command fails.
  if (args.includes('--json')) io.stdout.write(`${JSON.stringify({ error: line })}\n`);
  return EXIT_BAD_INPUT;
}

export interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

/** `--name value` options named in `withValue`, `--flag` for the rest; anything else positional. */
export function parseArgs(args: readonly string[], withValue: readonly string[], flags: readonly string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (withValue.includes(name)) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else if (flags.includes(name)) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { positional, options };
}

export function exactlyPositional(parsed: Parsed, names: string[], usage: string): string[] {
  if (parsed.positional.length > names.length) {
    throw new UsageError(`too many arguments: ${parsed.positional.slice(names.length).map((a) => `"${a}"`).join(', ')} (usage: ${usage})`);
  }
  if (parsed.positional.length !== names.length) {
    throw new UsageError(`expected ${names.join(' and ')} (usage: ${usage})`);
  }
  return parsed.positional;
}

