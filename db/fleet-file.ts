/**
 * The .fleet file: a SQLite database marked with our application_id, its schema version in
 * user_version. Opening never touches the user's file: it is copied to a working path and
 * every check (header, schema, integrity_check, migration, model rules) runs on the copy, so a
 * refused file stays byte-identical. Saving writes a complete new file beside the target,
 * syncs it and renames it over the target.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { breaksRules, NotPlainlyValid, validateFleet, validateFleetReading, type IntegrityProblem } from '../shared/model/integrity';
import type { FleetDoc, FleetReading } from '../shared/model/schema';
import { realFilePath, removeDatabaseFiles, removeQuietly, replaceAtomically, SIDE_FILE_SUFFIXES, siblingTemp } from './durable';
import { processAlive } from './lock';
import { schemaDifference } from './schema-check';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { FleetRepository } from './repository';

/** "FLTP": marks a SQLite file as a Fleet Planner document. */
export const APPLICATION_ID = 0x464c5450;
export { SCHEMA_VERSION };

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;

export class FleetFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly problems: IntegrityProblem[] = [],
  ) {
    super(`Cannot open ${file}: ${reason}`);
    this.name = 'FleetFileError';
  }
}

export interface FileHeader {
  applicationId: number;
  userVersion: number;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/** A non-empty file, or a FleetFileError naming `named` and what it is instead. */
function statFile(file: string, named: string): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FleetFileError(named, code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`);
  }
  if (stat.isDirectory()) throw new FleetFileError(named, 'it is a folder, not a file');
  if (stat.size === 0) throw new FleetFileError(named, 'the file is empty');
  return stat;
}

/** The first 100 bytes of `file`, or a FleetFileError naming `named` when they are not a SQLite header. */
function readHeader(file: string, named: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < HEADER_BYTES || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new FleetFileError(named, 'it is not a Fleet Planner document (not a SQLite database)');
  }
  return header;
}

/**
 * The bytes of database a header declares, its page count × page size (a page size of 1 means
 * 65,536); null where SQLite would not trust the count, as when the version-valid-for number
 * (bytes 92–95) is not the change counter (24–27).
 */
function declaredBytes(header: Buffer): number | null {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  return header.readUInt32BE(92) === header.readUInt32BE(24) ? header.readUInt32BE(28) * pageSize : null;
}

/**
 * Reads and judges the first 100 bytes, naming what is wrong before SQLite sees the file.
 * `named` is the file the user knows, when `file` is a copy of it.
 */
export function inspectHeader(file: string, named = file): FileHeader {
  const stat = statFile(file, named);
  const header = readHeader(file, named);
  const applicationId = header.readInt32BE(68);
  const userVersion = header.readInt32BE(60);
  if (applicationId !== APPLICATION_ID) {
    throw new FleetFileError(
      named,
      `it is another program's SQLite database (application_id ${hex(applicationId)}, Fleet Planner documents have ${hex(APPLICATION_ID)})`,
    );
  }
  if (userVersion > SCHEMA_VERSION) {
    throw new FleetFileError(
      named,
      `it was written by a newer Fleet Planner (file schema version ${userVersion}, this version reads up to ${SCHEMA_VERSION}); update Fleet Planner to open it`,
    );
  }
  if (userVersion < 1) throw new FleetFileError(named, 'it is damaged: the header has no schema version');
  const declared = declaredBytes(header);
  if (declared !== null && stat.size < declared) {
    throw new FleetFileError(named, `it is truncated, or its header damaged (${stat.size} bytes of the ${declared} its header declares)`);
  }
  return { applicationId, userVersion };
}

/** Sets up an empty database at the current schema version. */
export function initialize(db: Database.Database): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, 0);
}

/** Said of a file whose schema holds what our migrations do not write (see schema-check.ts). */
const NOT_WRITTEN_BY_US = 'it is not a Fleet Planner file or was altered; Fleet Planner opens only files as it writes them, and left this one as it was';

/** Runs the migrations after `from` in one transaction and records the new version. */
export function migrate(db: Database.Database, from: number): void {
  db.transaction(() => {
    for (const m of MIGRATIONS) if (m.version > from) db.exec(m.sql);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/** A backup name beside the file that does not overwrite an earlier backup. */
function backupPathFor(file: string, version: number): string {
  const stem = path.join(path.dirname(file), path.basename(file, '.fleet'));
  for (let n = 1; ; n++) {
    const candidate = `${stem}.v${version}-backup${n > 1 ? `-${n}` : ''}.fleet`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

export interface OpenedFleet {
  db: Database.Database;
  doc: FleetDoc;
  /** The file's schema version before migration, when it was older than ours. */
  migratedFrom: number | null;
  backupPath: string | null;
}

function firstLines(text: string, n: number): string {
  return text.split('\n').slice(0, n).join('; ');
}

/** Opens a working database for edits: WAL so each edit is durable without rewriting the file. */
export function openWorkingDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

/** The side files that carry content: committed pages (WAL) or the pages a crashed transaction overwrote (rollback journal). */
const JOURNALS = ['-wal', '-journal'];

/**
 * Copies a database with the -wal and -journal SQLite may have left beside it, so that
 * opening the copy sees what SQLite would see in the original: a WAL's committed pages
 * folded in, a crashed transaction rolled back. The original is only read. The copy is the
 * app's own to write, whatever the original's mode.
 */
function copyWithSideFiles(file: string, copy: string): void {
  const sides: { suffix: string; fd: number }[] = [];
  try {
    for (const suffix of JOURNALS) {
      const fd = openSideFile(file, suffix);
      if (fd !== null) sides.push({ suffix, fd });
    }
    const length = databaseLength(file, sides.length > 0);
    removeDatabaseFiles(copy);
    const fd = fs.openSync(file, 'r');
    try {
      copyFromFd(fd, copy, length);
    } finally {
      fs.closeSync(fd);
    }
    for (const { suffix, fd } of sides) copyFromFd(fd, copy + suffix);
  } finally {
    for (const { fd } of sides) fs.closeSync(fd);
  }
}

/**
 * A side file beside `file`, opened to be read, or null when there is none. One that is no
 * plain file is never read: a pipe would block the open for good, a link could fold in pages
 * from outside the folder the user chose. It is opened once, not following a link and not
 * waiting on a pipe, and judged by what was opened, so nothing can be swapped in between.
 */
function openSideFile(file: string, suffix: string): number | null {
  const refuse = (what: string) => new FleetFileError(file, `${path.basename(file + suffix)} beside it, which SQLite would read as part of it, is a ${what}, not a file; move it away and open it again`);
  let fd: number;
  try {
    fd = fs.openSync(file + suffix, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw refuse('link');
    throw error;
  }
  const kind = fs.fstatSync(fd);
  if (kind.isFile()) return fd;
  fs.closeSync(fd);
  throw refuse(kind.isDirectory() ? 'folder' : 'pipe or device');
}

/** Copies what `fd` reads, up to `limit` bytes, into a new file of the app's own, a megabyte at a time (a WAL may be large). */
function copyFromFd(fd: number, target: string, limit = Infinity): void {
  const out = fs.openSync(target, 'w', 0o600);
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let left = limit;
    for (let n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, left), null); n > 0; n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, left), null)) {
      fs.writeSync(out, chunk, 0, n);
      left -= n;
    }
  } finally {
    fs.closeSync(out);
  }
}

/**
 * How much of `file` to copy: what its header says the database holds. A file padded past that
 * (`truncate -s 4G` of a 100 kB fleet, sparse, taking no disk) was copied byte for byte, 4 GB of
 * real disk for the working copy. SQLite never reads past the database, so with a WAL or journal
 * beside it (whose pages SQLite folds in) the rest is left uncopied; alone, a file longer than
 * its database is not as SQLite writes one, and is refused.
 */
function databaseLength(file: string, withSideFiles: boolean): number {
  const size = fs.statSync(file).size;
  const declared = declaredBytes(readHeader(file, file));
  if (declared === null) {
    // SQLite since 3.7.0 (2010) keeps the count valid; without it SQLite would read the whole file, padding and all.
    throw new FleetFileError(file, 'it is damaged: its header does not say how large its database is (its page count is out of date), as the header of every file Fleet Planner writes does');
  }
  if (size > declared && !withSideFiles) {
    throw new FleetFileError(file, `it is ${size} bytes, ${size - declared} more than the ${declared} bytes of database its header declares (page count × page size); a file padded past its database is not as SQLite writes one, and is left as it was`);
  }
  return Math.min(size, declared);
}

/** Lets SQLite apply the copied side files to the copy (checkpoint a WAL, roll back a hot journal), leaving one self-contained file. */
function foldSideFiles(copy: string, named: string): void {
  if (!JOURNALS.some((suffix) => fs.existsSync(copy + suffix))) return;
  try {
    const db = new Database(copy);
    try {
      db.pragma('schema_version');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch (error) {
    throw new FleetFileError(named, `it is damaged (${(error as Error).message})`);
  }
}

/**
 * Copies `file` to `workingPath` and checks and (if older) migrates the copy: the steps before
 * its rows are read. Before migrating, a copy of the original is kept beside it (skip for
 * read-only uses). Throws FleetFileError naming the file and the reason; then nothing is
 * left behind and the original is as it was.
 */
function openCheckedCopy(file: string, workingPath: string, backup: boolean): { db: Database.Database; migratedFrom: number | null; backupPath: string | null } {
  statFile(file, file);
  copyWithSideFiles(file, workingPath);
  let db: Database.Database | null = null;
  let backupPath: string | null = null;
  try {
    foldSideFiles(workingPath, file);
    // Judged on the copy: with a WAL beside it, the file's own header may be out of date.
    const { userVersion } = inspectHeader(workingPath, file);
    db = new Database(workingPath);
    // Before integrity_check, which evaluates CHECK constraints, and before any row is read or migrated.
    const foreign = schemaDifference(db, userVersion);
    if (foreign) throw new FleetFileError(file, `${foreign}: ${NOT_WRITTEN_BY_US}`);
    const check = (() => {
      try {
        return db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      } catch (error) {
        throw new FleetFileError(file, `it is damaged (${(error as Error).message})`);
      }
    })();
    const verdict = check.map((r) => r.integrity_check).join('\n');
    if (verdict !== 'ok') throw new FleetFileError(file, `it is damaged (integrity check: ${firstLines(verdict, 3)})`);
    if (userVersion < SCHEMA_VERSION) {
      if (backup) {
        backupPath = backupPathFor(file, userVersion);
        fs.copyFileSync(file, backupPath, fs.constants.COPYFILE_EXCL);
      }
      migrate(db, userVersion);
    }
    return { db, migratedFrom: userVersion < SCHEMA_VERSION ? userVersion : null, backupPath };
  } catch (error) {
    db?.close();
    throw abandonCopy(file, workingPath, backupPath, error);
  }
}

/** Removes what opening left behind and gives the error to throw: a FleetFileError as it is, anything else as damage. */
function abandonCopy(file: string, workingPath: string, backupPath: string | null, error: unknown): FleetFileError {
  removeDatabaseFiles(workingPath);
  if (backupPath) removeQuietly(backupPath);
  return error instanceof FleetFileError ? error : new FleetFileError(file, `it is damaged (${(error as Error).message})`);
}

function ruleBreaks(file: string, problems: IntegrityProblem[], more: boolean): FleetFileError {
  return new FleetFileError(file, breaksRules(problems, more), problems);
}

/**
 * Copies `file` to `workingPath`, checks and (if older) migrates the copy, and loads it.
 * Before migrating, a copy of the original is kept beside it (skip for read-only uses).
 * Throws FleetFileError naming the file and the reason; then nothing is left behind and
 * the original is as it was.
 */
export function openFleetFile(file: string, workingPath: string, opts: { backupBeforeMigrating?: boolean } = {}): OpenedFleet {
  const { db, migratedFrom, backupPath } = openCheckedCopy(file, workingPath, opts.backupBeforeMigrating ?? true);
  try {
    const { raw, problems: readProblems, placementIdsUnique } = new FleetRepository(db).readAll();
    const { doc, problems, more } = validateFleet(raw, { placementIdsUnique });
    const all = readProblems.concat(problems);
    if (!doc || all.length > 0) throw ruleBreaks(file, all, more);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    return { db, doc, migratedFrom, backupPath };
  } catch (error) {
    db.close();
    throw abandonCopy(file, workingPath, backupPath, error);
  }
}

/**
 * Reads a .fleet for one use without holding its placements, for output as large as the
 * fleet (export): checked as openFleetFile checks it, on a copy at `workingPath` that is
 * removed afterwards, with its placements read from that copy each time `use` walks them. A
 * file with anything the streamed check cannot pass is read whole as openFleetFile reads it,
 * which names the problem (or, where only the streamed check was unsure, gives the document).
 */
export async function useFleetFile<T>(file: string, workingPath: string, use: (fleet: FleetReading, migratedFrom: number | null) => T | Promise<T>): Promise<T> {
  const { db, migratedFrom } = openCheckedCopy(file, workingPath, false);
  let fleet: FleetReading | null;
  try {
    const read = new FleetRepository(db).readWithoutHoldingPlacements();
    fleet = read.problems.length === 0 ? validateFleetReading(read.rest, readingAs(file, read.placements), read.placementsOfModels) : null;
  } catch (error) {
    db.close();
    throw abandonCopy(file, workingPath, null, error);
  }
  try {
    if (fleet) return await use(fleet, migratedFrom);
  } finally {
    db.close();
    removeDatabaseFiles(workingPath);
  }
  const opened = openFleetFile(file, workingPath, { backupBeforeMigrating: false });
  try {
    return await use(opened.doc, opened.migratedFrom);
  } finally {
    opened.db.close();
    removeDatabaseFiles(workingPath);
  }
}

/** The placements' walks, with what SQLite throws while reading them said as damage to `file` (the walk's own verdicts pass through). */
function readingAs(file: string, placements: Iterable<unknown>): Iterable<unknown> {
  return {
    *[Symbol.iterator]() {
      try {
        yield* placements;
      } catch (error) {
        if (error instanceof NotPlainlyValid) throw error;
        throw new FleetFileError(file, `it is damaged (${(error as Error).message})`);
      }
    },
  };
}

/** What went wrong with a file, in the user's words when the system said something we know. */
function describeFileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EISDIR: 'it is a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    SQLITE_FULL: 'the disk is full',
    SQLITE_CANTOPEN: 'the file cannot be created there (permission denied or no such folder)',
    SQLITE_READONLY: 'the disk or folder is read-only',
  };
  return (code && words[code]) ?? (error as Error).message;
}

/** Whether anyone may write `file`: a file without write permission bits is read-only even to root. */
function isReadOnly(file: string, stat: fs.Stats): boolean {
  if ((stat.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Writes a complete copy of `db` to `target` atomically: VACUUM INTO a temp file beside
 * it, sync, rename over the target, sync the folder. A crash at any moment leaves either
 * the old file or the new one, never a mix. Through a symbolic link it writes the link's
 * target; the file keeps its permissions, and a read-only one is refused.
 */
export function saveDatabaseTo(db: Database.Database, target: string): void {
  let file: string;
  try {
    file = realFilePath(target);
  } catch (error) {
    throw new Error(`Cannot save ${target}: ${describeFileProblem(error)}`);
  }
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new Error(`Cannot save ${target}: it is a folder`);
  if (existing && isReadOnly(file, existing)) throw new Error(`Cannot save ${target}: the file is read-only`);
  const temp = siblingTemp(file, 'saving');
  try {
    removeAbandonedSaves(file);
    removeDatabaseFiles(temp);
    db.prepare('VACUUM INTO ?').run(temp);
    if (existing) fs.chmodSync(temp, existing.mode & 0o7777);
    // A -wal or -journal left beside the old file would be applied to the new one by its next reader.
    for (const suffix of SIDE_FILE_SUFFIXES) removeQuietly(file + suffix);
    replaceAtomically(temp, file);
  } catch (error) {
    removeDatabaseFiles(temp);
    throw new Error(`Cannot save ${target}: ${describeFileProblem(error)}`);
  }
}

/** Temp files of saves whose process died mid-save (a crash, a kill): nothing refers to them. */
function removeAbandonedSaves(target: string): void {
  const prefix = `.${path.basename(target)}.`;
  for (const name of fs.readdirSync(path.dirname(target))) {
    const pid = name.startsWith(prefix) && name.endsWith('.saving') ? Number(name.slice(prefix.length, -'.saving'.length)) : NaN;
    if (Number.isInteger(pid) && !processAlive(pid)) removeDatabaseFiles(path.join(path.dirname(target), name));
  }
}

/** Writes a document to a new .fleet file (CLI new and import), atomically. */
export function writeFleetFile(doc: FleetDoc, target: string): void {
  const db = new Database(':memory:');
  try {
    initialize(db);
    new FleetRepository(db).writeAll(doc);
    saveDatabaseTo(db, target);
  } finally {
    db.close();
  }
}
