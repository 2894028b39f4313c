/** What the document commands (new, info, export, import) share: reading a file, writing output. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFleetFile, useFleetFile } from '../../../db/fleet-file';
import { realFilePath, removeDatabaseFiles, statOrNull } from '../../../db/durable';
import type { FleetDoc, FleetReading } from '../../../shared/model/schema';
import { UsageError, type CliIo } from '../cli-kit';

/** A fleet written under another name would be missing from the app's Open, which lists .fleet files. */
export function checkFleetName(file: string): void {
  if (path.extname(file).toLowerCase() !== '.fleet') throw new UsageError(`${file}: a fleet is written as a .fleet file (the app's Open lists only those)`);
}

/** Refuses to replace a file unless asked, so a typo cannot overwrite a plan. */
export function checkWritable(file: string, force: boolean): void {
  if (!force && fs.existsSync(file)) throw new UsageError(`${file} already exists (add --force to replace it)`);
}

/** Where a command reads a private copy of the fleet it was given. */
const workingCopyPath = (): string => path.join(os.tmpdir(), `fleetplan-${process.pid}-${Date.now()}.fleet-work`);

/** Loads a .fleet without changing it or leaving anything beside it (no migration backup). */
export function readFleet(file: string): { doc: FleetDoc; migratedFrom: number | null } {
  const working = workingCopyPath();
  try {
    const opened = openFleetFile(path.resolve(file), working, { backupBeforeMigrating: false });
    opened.db.close();
    return { doc: opened.doc, migratedFrom: opened.migratedFrom };
  } finally {
    removeDatabaseFiles(working);
  }
}

/** readFleet for output that grows with the fleet: its placements are read from the copy as `use` walks them, never all held. */
export async function useFleet<T>(file: string, use: (fleet: FleetReading, migratedFrom: number | null) => T | Promise<T>): Promise<T> {
  const working = workingCopyPath();
  // A reader that goes away mid-output (| head) ends the process at once (see main), with the copy still open: it goes too.
  const removeCopy = (): void => removeDatabaseFiles(working);
  process.once('exit', removeCopy);
  try {
    return await useFleetFile(path.resolve(file), working, use);
  } finally {
    process.off('exit', removeCopy);
  }
}

/**
 * Whether writing `target` would write the file `input` names, judged by the files, not their
 * names: an output through a symbolic or hard link to the fleet (a-link.lp → a.fleet) replaced
 * it. One already there is the input when its device and inode are the input's; one not there
 * yet when it would be written where the input is (its folder's real path and its name).
 */
function writesInput(target: string, input: string): boolean {
  if (input === '-') return false;
  const existing = statOrNull(target);
  if (!existing) return realFilePath(target) === realFilePath(input);
  const read = statOrNull(input);
  return read !== null && existing.dev === read.dev && existing.ino === read.ino;
}

/**
 * Refuses an output that would replace the file read (whatever --force says) or,
 * without --force, any file already there: `export a.fleet --json a.fleet` used to turn
 * the plan into JSON text.
 */
export function checkOutput(target: string, input: string, force: boolean): void {
  if (target === '-') return;
  if (writesInput(target, input)) {
    const named = path.resolve(target) === path.resolve(input) ? '' : ` (it is ${input} under another name, through a link)`;
    throw new UsageError(`${target} is the file being read${named}; write the output to another file`);
  }
  checkWritable(target, force);
}

/**
 * Writes command output, or its pieces as they come (a large export is never held whole),
 * to a file or to stdout for "-". A file left half-written by a failure is removed. Writes to
 * stdout wait while it is full: a pipe is written asynchronously on POSIX, and a slow reader
 * would otherwise have the whole output queued in memory.
 */
export async function writeOutput(target: string, text: string | Iterable<string>, io: CliIo): Promise<void> {
  const pieces = typeof text === 'string' ? [text] : text;
  if (target === '-') {
    const { stdout } = io;
    for (const piece of pieces) {
      if (stdout.write(piece) === false && stdout.once) await new Promise<void>((resolve) => stdout.once!('drain', () => resolve()));
    }
    return;
  }
  const cannotWrite = (error: unknown) => {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message;
    return new UsageError(`Cannot write ${target}: ${reason}`);
  };
  let fd: number;
  try {
    fd = fs.openSync(target, 'w');
  } catch (error) {
    throw cannotWrite(error);
  }
  let written = false;
  try {
    for (const piece of pieces) writeAll(fd, Buffer.from(piece), cannotWrite);
    written = true;
  } finally {
    fs.closeSync(fd);
    if (!written) fs.rmSync(target, { force: true });
  }
}

/** write(2) may take less than it is given. */
function writeAll(fd: number, bytes: Buffer, cannotWrite: (error: unknown) => Error): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += fs.writeSync(fd, bytes, at);
    } catch (error) {
      throw cannotWrite(error);
    }
  }
}
