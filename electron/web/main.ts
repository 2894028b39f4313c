/** `npm run web`: starts the browser build and prints the one line with its URL. */
import os from 'node:os';
import path from 'node:path';
import { startWebServer } from './server';

function parseFlags(argv: string[]): { port: number; dir: string } {
  let port = 0;
  let dir = path.join(os.homedir(), 'Fleet Planner');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port' && value !== undefined) {
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${value}" is not a port number (0-65535)`);
      i++;
    } else if (arg === '--dir' && value !== undefined) {
      dir = path.resolve(value);
      i++;
    } else {
      throw new Error(`unknown argument "${arg}" (use --port N and --dir FOLDER)`);
    }
  }
  return { port, dir };
}

async function main(): Promise<void> {
  let flags: { port: number; dir: string };
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`fleet planner web: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const server = await startWebServer({
    port: flags.port,
    documentsDir: flags.dir,
    dataDir: path.join(flags.dir, '.fleet-planner'),
    rendererDir: path.join(__dirname, '..', 'renderer'),
    optimizerWorkerPath: path.join(__dirname, '..', 'electron', 'optimizer-worker.cjs'),
  });
  process.stdout.write(`Fleet Planner web UI: ${server.url}\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
