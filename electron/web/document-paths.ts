/**
 * The browser build's path policy: the renderer may open and save only inside the
 * documents folder (`--dir`). Judged on real paths (the folder's, and the target's or,
 * for a file not there yet, its parent's), so neither `..` nor a symbolic link leads out,
 * and nothing is said about a path before the part of it that exists is known to be inside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PathRefusedError } from '../backend/host';
import { statOrNull } from '../../db/durable';

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // Its first segment, not its first characters: "..fleet" is a name inside, "../x" is outside.
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

/** The real path of the longest part of `file` that exists, and the names after it that do not. */
function realExistingPart(file: string): { real: string; missing: string[] } {
  const missing: string[] = [];
  for (let at = file; ; at = path.dirname(at)) {
    try {
      return { real: fs.realpathSync(at), missing };
    } catch {
      if (path.dirname(at) === at) throw new Error(`the file system root ${at} cannot be read`);
      missing.unshift(path.basename(at));
    }
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

type Refuse = (why: string) => PathRefusedError;

/**
 * The absolute real path to open or save for `requested`, or PathRefusedError saying why not.
 * `dataDir`, the app's own data folder, may lie inside the documents folder (`npm run web`
 * puts it there): nothing in it is a document, and opening a working copy there as one
 * would wreck the document it is the working copy of.
 */
export function permitInsideFolder(documentsDir: string, requested: string, purpose: 'open' | 'save', dataDir?: string): string {
  const refuse: Refuse = (why) => new PathRefusedError(`Cannot ${purpose} "${requested}": ${why}`);
  const permitted = realPathInside(documentsDir, requested, purpose, refuse);
  if (dataDir !== undefined && isWithin(dataDir, permitted)) {
    throw refuse(`it is in the app's own data folder ${dataDir} (working copies and recovery notes), where no document is kept: choose a file elsewhere in ${documentsDir}`);
  }
  return permitted;
}

/**
 * Whether the real path `file` is the folder `dir` or inside it, judged by the folders' identity
 * (device and inode), not their names: on a file system that ignores case (macOS's by default)
 * ".FLEET-PLANNER/working" is the data folder's too, though no string comparison says so.
 * False when `dir` does not exist (nothing can be in it).
 */
function isWithin(dir: string, file: string): boolean {
  const folder = statOrNull(dir);
  if (!folder) return false;
  for (let at = file; ; at = path.dirname(at)) {
    const here = statOrNull(at);
    if (here && here.dev === folder.dev && here.ino === folder.ino) return true;
    if (path.dirname(at) === at) return false;
  }
}

function realPathInside(documentsDir: string, requested: string, purpose: 'open' | 'save', refuse: Refuse): string {
  const outside = refuse(`only files in the documents folder ${documentsDir} can be ${purpose === 'open' ? 'opened' : 'saved'} here`);
  if (requested.trim() === '' || /[\\/]$/.test(requested) || requested.includes('\0')) throw refuse('give a file name');
  const root = fs.realpathSync(documentsDir);
  const lexical = path.resolve(documentsDir, requested);
  if (lexical === path.resolve(documentsDir) || lexical === root) throw refuse('give a file name');
  if (!isInside(path.resolve(documentsDir), lexical) && !isInside(root, lexical)) throw outside;
  const { real, missing } = realExistingPart(lexical);
  if (real === root && missing.length === 0) throw refuse('give a file name');
  if (real !== root && !isInside(root, real)) throw outside;
  if (missing.length > 1) throw refuse(`the folder ${path.dirname(lexical)} does not exist`);
  const [name] = missing;
  if (name === undefined) return real;
  const target = path.join(real, name);
  if (isLink(target)) throw refuse('it is a link to a file that does not exist');
  return target;
}
