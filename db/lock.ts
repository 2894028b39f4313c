/**
 * In-use detection across instances: a lock file beside the document naming the process
 * that has it open. A lock left by a process that no longer runs (a crash) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  hostname: string;
  since: string;
}

export const lockPathFor = (document: string): string => path.join(path.dirname(document), `.${path.basename(document)}.lock`);

/** Whether a process with this id runs (on this machine). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

export class DocumentInUseError extends Error {
  constructor(
    readonly path: string,
    readonly owner: LockOwner,
    action: 'open' | 'save to',
  ) {
    super(`Cannot ${action} ${path}: it is in use by another Fleet Planner (process ${owner.pid} on ${owner.hostname} since ${owner.since})`);
    this.name = 'DocumentInUseError';
  }
}

/**
 * Takes the lock for `document`, or throws DocumentInUseError when a live process (or one on
 * another machine, which we cannot check) holds it. Returns the release function. A folder
 * we may not write to gets no lock: the document can still be opened and saved elsewhere.
 */
export function acquireLock(document: string, action: 'open' | 'save to' = 'open'): () => void {
  const lockFile = lockPathFor(document);
  const mine: LockOwner = { pid: process.pid, hostname: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        if (readOwner(lockFile)?.pid === mine.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return () => undefined;
      if (code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockFile);
    if (owner && owner.pid === mine.pid && owner.hostname === mine.hostname) return () => undefined;
    if (owner && (owner.hostname !== mine.hostname || processAlive(owner.pid))) throw new DocumentInUseError(document, owner, action);
    // Stale (dead owner) or unreadable: take it over.
    fs.rmSync(lockFile, { force: true });
  }
  throw new Error(`Cannot lock ${document}: the lock file ${lockFile} keeps reappearing`);
}
