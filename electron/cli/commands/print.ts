/**
 * `fleetplan print`: a hall or site plan to PDF, drawn by the app's own print route in a
 * Chromium on this machine (see electron/web/print-pdf.ts), so the sheets are the ones
 * the app prints. The fleet is read from a private copy: the file is never locked or changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PAPER_NAMES, defaultPaper, type Orientation, type PaperName } from '../../../shared/print/paper';
import { printRoute } from '../../../shared/print/route';
import type { PrintRequest } from '../../../shared/print/sheets';
import { planPrint } from '../../../shared/print/sheets';
import { startWebServer } from '../../web/server';
import { findChromium, printRouteToPdf } from '../../web/print-pdf';
import { exactlyPositional, EXIT_OK, fail, parseArgs, UsageError, type CliCommand } from '../cli-kit';
import { checkOutput, readFleet } from './document-common';
import { builtFile } from './built-files';

const usage = 'fleetplan print FILE (--hall NAME | --site NAME) --out PLAN.pdf [--paper A4|A3|Letter|Tabloid] [--orientation landscape|portrait] [--scale N|fit] [--date YYYY-MM-DD] [--force]';

/** One of `items` by its name (or id); a name two share must be given by id. */
function pick<T extends { id: string; name: string }>(items: T[], wanted: string, what: string): T {
  const byId = items.find((i) => i.id === wanted);
  if (byId) return byId;
  const named = items.filter((i) => i.name === wanted);
  const matches = named.length ? named : items.filter((i) => i.name.toLowerCase() === wanted.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UsageError(`${matches.length} ${what}s are named "${wanted}": give one by id (${matches.map((m) => m.id).join(', ')})`);
  throw new UsageError(`no ${what} "${wanted}" in this fleet; its ${what}s: ${items.map((i) => `"${i.name}"`).join(', ') || 'none'}`);
}

function request(file: string, options: Map<string, string | true>): { req: PrintRequest; out: string } {
  const { doc } = readFleet(file);
  const hall = options.get('hall');
  const site = options.get('site');
  if ((hall === undefined) === (site === undefined)) throw new UsageError(`choose one of --hall NAME or --site NAME (usage: ${usage})`);
  const out = options.get('out');
  if (typeof out !== 'string') throw new UsageError(`--out PLAN.pdf is needed (usage: ${usage})`);
  if (path.extname(out).toLowerCase() !== '.pdf') throw new UsageError(`${out}: the plan is written as a .pdf file`);
  const paper = (options.get('paper') as string | undefined) ?? defaultPaper(doc.fleet.unitSystem);
  if (!(PAPER_NAMES as string[]).includes(paper)) throw new UsageError(`--paper ${paper}: choose ${PAPER_NAMES.join(', ')}`);
  const orientation = (options.get('orientation') as string | undefined) ?? 'landscape';
  if (orientation !== 'landscape' && orientation !== 'portrait') throw new UsageError(`--orientation ${orientation}: choose landscape or portrait`);
  const scale = (options.get('scale') as string | undefined) ?? 'fit';
  if (scale !== 'fit' && !/^[1-9]\d{0,5}$/.test(scale)) throw new UsageError(`--scale ${scale}: give the scale's denominator (500 for 1:500) or fit`);
  const date = (options.get('date') as string | undefined) ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date ${date}: a date as YYYY-MM-DD`);
  const req: PrintRequest = {
    ...(typeof hall === 'string' ? { hallId: pick(doc.halls, hall, 'hall').id } : { siteId: pick(doc.sites, site as string, 'site').id }),
    paper: paper as PaperName,
    orientation: orientation as Orientation,
    scale: scale === 'fit' ? 'fit' : Number(scale),
    date,
  };
  // Refused here, in words, rather than as a blank page.
  planPrint(doc, req);
  return { req, out };
}

export const printCommand: CliCommand = {
  name: 'print',
  summary: 'Print a hall or site plan to PDF, with the app\'s sheets (needs Chromium or Google Chrome: /usr/bin/chromium or CHROMIUM_PATH)',
  usage,
  async run(args, io) {
    try {
      const parsed = parseArgs(args, ['hall', 'site', 'out', 'paper', 'orientation', 'scale', 'date'], ['force']);
      const [file] = exactlyPositional(parsed, ['FILE'], usage) as [string];
      const { req, out } = request(file, parsed.options);
      checkOutput(out, file, parsed.options.has('force'));
      if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new UsageError(`Cannot write ${out}: its folder does not exist`);
      const browser = findChromium();
      await printCopy(file, printRoute(req), path.resolve(out), browser);
      io.stdout.write(`${out}: ${req.hallId ? 'hall' : 'site'} plan on ${req.paper} ${req.orientation}\n`);
      return EXIT_OK;
    } catch (error) {
      return fail(io, error, args);
    }
  },
};

/** Serves a private copy of the fleet to the browser build for as long as the print takes. */
async function printCopy(file: string, route: string, out: string, browser: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetplan-print-'));
  try {
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    const server = await startWebServer({
      port: 0,
      documentsDir: dir,
      dataDir: path.join(dir, '.data'),
      rendererDir: builtFile('renderer'),
      optimizerWorkerPath: builtFile('electron/optimizer-worker.cjs'),
      warmOptimizer: false,
    });
    try {
      await server.backend.invoke('document.open', { path: copy });
      fs.writeFileSync(out, await printRouteToPdf(server.url, route, browser));
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
