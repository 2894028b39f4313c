/** The recent-files list, most recent first, kept in the data folder. */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../../../db/durable';

const MAX_RECENT = 10;

export class RecentFiles {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent.json');
  }

  list(): string[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      // Missing or damaged: an empty list loses nothing that matters.
      return [];
    }
  }

  add(file: string): void {
    const paths = [file, ...this.list().filter((p) => p !== file)].slice(0, MAX_RECENT);
    writeFileAtomically(this.file, JSON.stringify(paths, null, 2));
  }
}
