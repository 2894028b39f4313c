/** The browser build's server as its own process, so a test can tell whether a request ended it. */
import { startWebServer } from '../../../electron/web/server';

const [documentsDir = '', dataDir = '', rendererDir = '', optimizerWorkerPath = ''] = process.argv.slice(2);

void startWebServer({ port: 0, documentsDir, dataDir, rendererDir, optimizerWorkerPath }).then((server) => {
  process.stdout.write(`${JSON.stringify({ port: server.port, token: server.token })}\n`);
});
