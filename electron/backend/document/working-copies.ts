/**
 * Working copies: every open document lives as a SQLite database in the data folder, and
 * each edit is committed there at once. A sidecar JSON names the process, the document's
 * file and whether it has unsaved edits, so the next start can tell a crashed session's
 * unsaved work (dead process, dirty) from another running instance's.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { removeDatabaseFiles, removeQuietly, SIDE_FILE_SUFFIXES, writeFileAtomically } from '../../../db/durable';
import { processAlive } from '../../../db/lock';
import { largest } from '../../../shared/arrays';

export interface Sidecar {
  id: string;
  pid: number;
  /** The .fleet file the copy belongs to; null while untitled. */
  path: string | null;
  title: string;
  dirty: boolean;
  /** Closed with its unsaved work kept (another recovery took its place): recoverable while its process still runs. */
  closed?: boolean;
  updatedAt: string;
}

export class WorkingCopies {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'working');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  newId(): string {
    return crypto.randomUUID();
  }

  databasePath(id: string): string {
    return path.join(this.dir, `${id}.fleet-work`);
  }

  private sidecarPath(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  writeSidecar(sidecar: Omit<Sidecar, 'pid' | 'updatedAt'>): void {
    const full: Sidecar = { ...sidecar, pid: process.pid, updatedAt: new Date().toISOString() };
    writeFileAtomically(this.sidecarPath(sidecar.id), JSON.stringify(full, null, 2));
  }

  /** When the copy last took an edit: each edit lands in its database (or WAL), the sidecar only when it turns unsaved. */
  private lastEdited(id: string): string {
    const times = ['', '-wal'].map((suffix) => fs.statSync(this.databasePath(id) + suffix, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return new Date(largest(times)).toISOString();
  }

  remove(id: string): void {
    removeDatabaseFiles(this.databasePath(id));
    removeQuietly(this.sidecarPath(id));
  }

  /**
   * Copies this app made are plain files. A link in a copy's place, or beside it as its -wal,
   * would have recovery read, replay and copy whatever it leads to, wherever that is.
   */
  private isPlainCopy(id: string): boolean {
    const file = this.databasePath(id);
    const plain = (at: string): boolean | undefined => fs.lstatSync(at, { throwIfNoEntry: false })?.isFile();
    return plain(file) === true && SIDE_FILE_SUFFIXES.every((suffix) => plain(file + suffix) !== false);
  }

  private readSidecars(): Sidecar[] {
    const out: Sidecar[] = [];
    for (const name of fs.readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const s = JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8')) as Sidecar;
        // Its id must be the name it is filed under (a name holds no folder): an id of "../../x" would reach outside.
        if (s.id === name.slice(0, -'.json'.length) && typeof s.pid === 'number' && (s.path === null || typeof s.path === 'string') && this.isPlainCopy(s.id)) out.push(s);
      } catch {
        // A sidecar cut short by a crash during its atomic write cannot exist; anything else is not ours.
      }
    }
    return out;
  }

  /**
   * Unsaved work left by sessions that no longer run or were closed with it kept, newest
   * first. Clean copies of dead sessions hold nothing a user could lose and are deleted on the way.
   */
  recoverable(): Sidecar[] {
    const found: Sidecar[] = [];
    for (const s of this.readSidecars()) {
      if (!s.closed && processAlive(s.pid)) continue;
      if (s.dirty) found.push({ ...s, updatedAt: this.lastEdited(s.id) });
      else this.remove(s.id);
    }
    return found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }
}
