/** Small file-system steps that make writes survive a crash: fsync, atomic replace. */
import fs from 'node:fs';
import path from 'node:path';

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; directories cannot be opened for sync on Windows, where rename is already durable. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A temp name beside the target, so the final rename stays on one file system. */
export function siblingTemp(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${purpose}`);
}

/** Moves a complete, synced file over the target in one step and syncs the directory. */
export function replaceAtomically(tempFile: string, target: string): void {
  fsyncFile(tempFile);
  fs.renameSync(tempFile, target);
  fsyncDir(path.dirname(target));
}

/** Writes small text files (recent list, sidecars) so a crash leaves the old or the new content. */
export function writeFileAtomically(target: string, text: string): void {
  const temp = siblingTemp(target, 'tmp');
  fs.writeFileSync(temp, text);
  replaceAtomically(temp, target);
}

export function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}

/** A SQLite database and the journal files it may leave beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) removeQuietly(file + suffix);
}
