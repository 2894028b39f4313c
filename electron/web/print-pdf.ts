/**
 * PDFs without Electron: the browser build's print route rendered by a Chromium already
 * on the machine (Debian's /usr/bin/chromium, or CHROMIUM_PATH), driven through
 * playwright-core, which never downloads a browser. The same sheets, the same CSS page
 * size and the same printing engine as Electron's printToPDF, so a PDF from
 * `fleetplan print` or the browser build's Export PDF matches the app's.
 */
import fs from 'node:fs';

/** Where a Chromium is looked for when CHROMIUM_PATH is not set, in this order. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class NoBrowserError extends Error {}

/** The Chromium to print with, or a NoBrowserError that says where it looked and what to do. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const set = env.CHROMIUM_PATH;
  if (set) {
    if (fs.existsSync(set)) return set;
    throw new NoBrowserError(`CHROMIUM_PATH is ${set}, which does not exist: point it at a Chromium or Google Chrome executable`);
  }
  const found = CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  throw new NoBrowserError(
    `printing to PDF needs Chromium or Google Chrome, and none was found at ${CHROMIUM_CANDIDATES.join(', ')}: install one (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its executable`,
  );
}

/** How long a sheet may take to appear before the print is given up. */
const SHEET_TIMEOUT_MS = 30_000;
/** The most a print may take once Chromium runs: one that hangs would hold the browser build's one print at a time for ever. */
const PRINT_DEADLINE_MS = 120_000;

/** A print that failed, in one plain sentence. */
export class PrintError extends Error {}

/**
 * Playwright's message as a plain clause: its first line, without the method it names
 * ("browserType.launch: "), the colour codes, browser logs and call log that follow, or
 * the app's URL (which holds the token).
 */
export function plainPlaywrightMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex -- the escape is what is being removed
  const first = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0] ?? '';
  return first.replace(/^[\w.]+: /, '').replace(/https?:\/\/\S+/g, 'the print page').trim();
}

/** Runs one step of a print, its failure said as `failed` and Playwright's clause. */
async function step<T>(failed: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new PrintError(`Printing to PDF failed: ${failed} (${plainPlaywrightMessage(error)})`);
  }
}

/**
 * Loads `route` (e.g. "/print?hall=…&paper=A3") of the browser build at `appUrl` (its URL
 * with the token) in a headless Chromium and returns the sheets as a PDF, for the caller to
 * write as its place asks. A print the route refuses (an unknown hall) comes back as an
 * error with the page's message; Chromium's own failures as a PrintError in a sentence.
 */
export async function printRouteToPdf(appUrl: string, route: string, executablePath: string, deadlineMs = PRINT_DEADLINE_MS): Promise<Buffer> {
  const url = new URL(appUrl);
  url.hash = `#${route}`;
  // Loaded here, not with the module: it costs every fleetplan command ~80 MB and ~0.25 s at start, and only printing uses it.
  const { chromium } = await import('playwright-core');
  const browser = await step(`Chromium (${executablePath}) did not start`, () =>
    chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] }),
  );
  // Closing the browser ends whatever step waits on it: page.pdf and the page's own waits have no end of their own.
  let late = false;
  const deadline = setTimeout(() => {
    late = true;
    void browser.close().catch(() => undefined);
  }, deadlineMs);
  try {
    const page = await step('Chromium could not open a page', () => browser.newPage());
    await step('Chromium could not load the print page', () => page.goto(url.toString()));
    const sheet = page.getByTestId('sheet-1');
    const refused = page.locator('.print-view > p.error');
    await step(`the sheets did not appear within ${SHEET_TIMEOUT_MS / 1000} s`, () => sheet.or(refused).first().waitFor({ timeout: SHEET_TIMEOUT_MS }));
    if (await refused.count()) throw new Error(await refused.first().innerText());
    return await step('Chromium could not make the PDF', () => page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } catch (error) {
    if (late) throw new PrintError(`Printing to PDF failed: it took more than ${deadlineMs / 1000} s, so Chromium was stopped`);
    throw error;
  } finally {
    clearTimeout(deadline);
    await browser.close().catch(() => undefined);
  }
}
