/**
 * Crash during save: a separate process saves version after version of a document and is
 * killed with SIGKILL at a random moment, 50 times. Each time the file must open, pass
 * integrity_check (openFleetFile runs it) and equal one of the versions that were saved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFleetFile } from '../../../db/fleet-file';
import { DocumentService } from '../../../electron/backend/document/service';
import { tempDir } from './helpers';
import { buildChild, removeChild, startChild } from './spawn';
import { versionDoc } from './versions';

const RUNS = 50;

beforeAll(() => buildChild());
afterAll(() => removeChild());

describe('crash during save', () => {
  it(`leaves a whole file, old or new, in ${RUNS} SIGKILLs at random moments`, async () => {
    const dir = tempDir('crash');
    const target = path.join(dir, 'plan.fleet');
    const seen = new Set<number>();
    for (let run = 0; run < RUNS; run++) {
      const child = startChild('save-loop', path.join(dir, `data-${run}`), target);
      // Kills fall after a different number of saves each run, then somewhere inside the next
      // save: counted in saves, not milliseconds, so a loaded machine varies them as much.
      await child.waitFor(new RegExp(`^saved ${run % 10}$`));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      child.process.kill('SIGKILL');
      await child.exited;
      const lastReported = Number(child.lines.filter((l) => l.startsWith('saved ')).at(-1)!.split(' ')[1]);

      const working = path.join(dir, `check-${run}.fleet-work`);
      const { db, doc } = openFleetFile(target, working);
      db.close();
      fs.rmSync(working, { force: true });
      const version = Number(doc.fleet.name.slice(1));
      // The save that was running when the kill came may or may not have landed.
      expect([lastReported, lastReported + 1]).toContain(version);
      expect(doc).toEqual(versionDoc(version));
      seen.add(version);
    }
    // The kills fell at different points of the loop: after 0 to 9 saves, so at least ten versions.
    expect(seen.size).toBeGreaterThanOrEqual(10);
    // The next save clears what killed saves left beside the file.
    const service = new DocumentService({ dataDir: path.join(dir, 'data-last'), documentsDir: dir });
    service.openFile(target);
    service.save();
    service.close();
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('data-'))).toEqual(['plan.fleet']);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
