import fs from 'node:fs';
import path from 'node:path';
import type { HostPorts } from '../backend/host';
import { permitInsideFolder } from './document-paths';
import { findChromium, printRouteToPdf } from './print-pdf';

/**
 * Writes `pdf` as "Plan.pdf", else "Plan (2).pdf", "Plan (3).pdf"…: a PDF never replaces one
 * already there. Each name is created exclusively, so two exports at once never take one name,
 * and a link planted under that name (to outside the folder) is never written through.
 */
function writeFreePdf(dir: string, suggestedName: string, pdf: Buffer): string {
  const base = path.basename(suggestedName, path.extname(suggestedName)) || 'plan';
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}${n === 1 ? '' : ` (${n})`}.pdf`);
    try {
      fs.writeFileSync(candidate, pdf, { flag: 'wx' });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Said when a PDF is asked for while another is being printed. */
export const PRINT_BUSY = 'A PDF is already being exported: export again once it is saved';

/**
 * The browser build has no native dialogs: the renderer shows its own file picker over
 * `files.list` and always passes a path, so a pathless request here means "cancelled".
 * Export PDF renders the print route in a Chromium on this machine, as `fleetplan print`
 * does, and writes the file into the documents folder (a page cannot write files, and its
 * own print dialog does nothing headless); `appUrl` is the running build's, token included.
 * Nothing in `dataDir`, the app's own data folder, is opened or saved as a document.
 * A backend that serves no app (one in a test's process) has no PDF writer.
 */
export function webHost(documentsDir: string, opts: { appUrl?: () => string; dataDir?: string } = {}): HostPorts {
  const { appUrl, dataDir } = opts;
  const confine = (file: string, purpose: 'open' | 'save'): string => permitInsideFolder(documentsDir, file, purpose, dataDir);
  const host: HostPorts = {
    chooseOpenPath: async () => null,
    chooseSavePath: async () => null,
    permitDocumentPath: async (requested, purpose) => confine(requested, purpose),
    confineDocumentPath: confine,
  };
  if (!appUrl) return host;
  // One print at a time: each runs a Chromium of several processes, and 24 asked for at once started 100 and failed a third.
  let printing = false;
  return {
    ...host,
    async savePdf(request) {
      if (printing) throw new Error(PRINT_BUSY);
      printing = true;
      try {
        return writeFreePdf(documentsDir, request.suggestedName, await printRouteToPdf(appUrl(), request.route, findChromium()));
      } finally {
        printing = false;
      }
    },
  };
}
