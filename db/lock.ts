/**
 * In-use detection across instances: a lock file beside the document naming the process
 * that has it open. A lock left by a process that no longer runs (a crash) is taken over.
 * Locks belong to the real file, not the name it was opened by: a symbolic link finds the
 * lock beside its target, and a hard link finds a lock taken under another name in its
 * folder (one in another folder cannot be found without a search of the disk).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realFilePath } from './durable';

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

/** A lock file is a line of JSON; anything longer was not written by us. */
const LOCK_MAX_BYTES = 4096;

/**
 * Who a lock file names, or null when it names no one we can read. Judged by the descriptor
 * opened, without following a link or waiting on a pipe: a lock planted as a link to
 * /dev/zero or as a FIFO must not fill memory or hang the process that reads it.
 */
function readOwner(lockFile: string): LockOwner | null {
  let fd: number | undefined;
  try {
    fd = fs.openSync(lockFile, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > LOCK_MAX_BYTES) return null;
    const buffer = Buffer.alloc(stat.size);
    const read = fs.readSync(fd, buffer, 0, stat.size, 0);
    const owner = JSON.parse(buffer.subarray(0, read).toString('utf8')) as LockOwner;
    return typeof owner?.pid === 'number' && typeof owner.hostname === 'string' ? owner : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function sameFile(a: string, b: string): boolean {
  const x = fs.statSync(a, { throwIfNoEntry: false });
  const y = fs.statSync(b, { throwIfNoEntry: false });
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

const heldByOther = (owner: LockOwner): boolean =>
  !(owner.pid === process.pid && owner.hostname === os.hostname()) && (owner.hostname !== os.hostname() || processAlive(owner.pid));

/** Who holds this very file open under another name in its folder (a hard link), if anyone. */
function holderUnderAnotherName(real: string): LockOwner | null {
  const dir = path.dirname(real);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    const locked = /^\.(.+)\.lock$/.exec(name)?.[1];
    if (locked === undefined || locked === path.basename(real) || !sameFile(path.join(dir, locked), real)) continue;
    const owner = readOwner(path.join(dir, name));
    if (owner && heldByOther(owner)) return owner;
  }
  return null;
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
  const real = realFilePath(document);
  const other = holderUnderAnotherName(real);
  if (other) throw new DocumentInUseError(document, other, action);
  const lockFile = lockPathFor(real);
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
    if (owner && heldByOther(owner)) throw new DocumentInUseError(document, owner, action);
    // Stale (dead owner) or unreadable: take it over, unless it is a folder, which is not ours to remove.
    if (fs.lstatSync(lockFile, { throwIfNoEntry: false })?.isDirectory()) {
      throw new Error(`Cannot ${action} ${document}: ${lockFile} is a folder, where Fleet Planner keeps the file's lock; move it away and try again`);
    }
    fs.rmSync(lockFile, { force: true });
  }
  throw new Error(`Cannot lock ${document}: the lock file ${lockFile} keeps reappearing`);
}
