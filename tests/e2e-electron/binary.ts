import fs from 'node:fs';
import path from 'node:path';

export const SKIP_REASON = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1); these specs run wherever it is';

/** Electron's binary if installed. Never require('electron') here: it starts a download when the binary is missing. */
export function electronBinary(): string | null {
  const pkg = path.join(process.cwd(), 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

if (!electronBinary()) console.log(`skipped: tests/e2e-electron — ${SKIP_REASON}`);
