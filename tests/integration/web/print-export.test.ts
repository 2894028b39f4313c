/**
 * The browser build's Export PDF through its real backend, the built renderer and Debian's
 * Chromium: one print at a time (each is a Chromium of several processes; 24 at once
 * started 100 and failed a third), and Chromium's failures said in one plain sentence
 * rather than Playwright's text with its colour codes and call log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_BUSY } from '../../../electron/web/host-web';
import { printRouteToPdf } from '../../../electron/web/print-pdf';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { optimizerWorkerPath } from '../../support/optimizer-worker';

let dir: string;
let server: WebServer;
let route: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-print-export-'));
  // The renderer `npm run build` made: the print route draws the real sheets.
  const rendererDir = path.resolve('dist/renderer');
  server = await startWebServer({ port: 0, documentsDir: path.join(dir, 'docs'), dataDir: path.join(dir, 'data'), rendererDir, optimizerWorkerPath: optimizerWorkerPath(), warmOptimizer: false });
  const { doc } = (await server.backend.invoke('document.new', { sample: 'campus' })) as { doc: { halls: { id: string }[] } };
  route = `/print?hall=${doc.halls[0]!.id}&paper=A3`;
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const exportPdf = (suggestedName: string) => server.backend.invoke('print.exportPdf', { route, suggestedName }) as Promise<{ path: string }>;

describe('Export PDF in the browser build', () => {
  it('prints one PDF at a time: of two asked for at once, the first is written and the second refused in words', async () => {
    const [first, second] = await Promise.allSettled([exportPdf('first.pdf'), exportPdf('second.pdf')]);
    expect(first.status).toBe('fulfilled');
    expect(fs.readFileSync((first as PromiseFulfilledResult<{ path: string }>).value.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(second).toMatchObject({ status: 'rejected', reason: { message: PRINT_BUSY } });
    // Once the first is written, the next is printed.
    expect(fs.readFileSync((await exportPdf('third.pdf')).path).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it("says a Chromium that will not start in one plain sentence, without Playwright's colour codes, browser logs or call log", async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/bin/true';
    try {
      await expect(exportPdf('never.pdf')).rejects.toThrow(/^Printing to PDF failed: Chromium \(\/bin\/true\) did not start \(Target page, context or browser has been closed\)$/);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
    // The failed print holds nothing up.
    expect(fs.readFileSync((await exportPdf('after.pdf')).path).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('stops a print that runs past its deadline, saying so, and the next prints', async () => {
    // A deadline of 1 ms passes while Chromium opens its page: the browser is closed under it.
    await expect(printRouteToPdf(server.url, route, '/usr/bin/chromium', 1)).rejects.toThrow('Printing to PDF failed: it took more than 0.001 s, so Chromium was stopped');
    expect(fs.readFileSync((await exportPdf('after-deadline.pdf')).path).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('refuses a suggested name that is a path, rather than flattening it into the documents folder', async () => {
    const requested = '../../tmp/escape.pdf';
    await expect(exportPdf(requested)).rejects.toThrow(`Cannot write "${requested}": the name holds a folder separator (/ or \\): give the name of a file, not a path`);
    expect(fs.readdirSync(path.join(dir, 'docs')).filter((n) => n.includes('escape'))).toEqual([]);
  });
});
