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

/** The side files SQLite keeps beside a database while it is open or after a crash. */
export const SIDE_FILE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/** A SQLite database and the journal files it may leave beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILE_SUFFIXES]) removeQuietly(file + suffix);
}

/** A folder's real path; one not there is left as it is, for whoever uses it to report. */
function realFolder(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

/** Links followed at most this many times, as the kernel's own limit (ELOOP). */
const MAX_LINKS = 40;

/** What a path stands for, links followed; null where nothing can be stat'ed there. */
export function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/**
 * The file a path stands for: symbolic links followed to their target, even a target not
 * there yet (saving through a link writes its target); for a new file, its folder's real
 * path and its name.
 */
export function realFilePath(file: string): string {
  const loop = new Error(`${file}: its symbolic links lead round in a loop, never to a file`);
  let at = path.resolve(file);
  for (let followed = 0; followed <= MAX_LINKS; followed++) {
    try {
      return fs.realpathSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw loop;
      if (code !== 'ENOENT') throw error;
    }
    let link: string;
    try {
      link = fs.readlinkSync(at);
    } catch {
      return path.join(realFolder(path.dirname(at)), path.basename(at));
    }
    at = path.resolve(path.dirname(at), link);
  }
  throw loop;
}
