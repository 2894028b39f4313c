/**
 * The .fleet file as the disk really holds it: links, permissions, SQLite's side files, and
 * locks by the real file. Each case here used to lose or misread a document.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialize, writeFleetFile } from '../../../db/fleet-file';
import { FleetRepository } from '../../../db/repository';
import { lockPathFor } from '../../../db/lock';
import { DocumentService, saveTargetFor } from '../../../electron/backend/document/service';
import { sampleSmall } from '../../../shared/samples';
import { sha256, tempDir } from './helpers';

let dir: string;
let service: DocumentService;

beforeEach(() => {
  dir = fs.realpathSync(tempDir('file-layer'));
  service = new DocumentService({ dataDir: path.join(dir, 'data'), documentsDir: dir });
});

afterEach(() => {
  service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function fleetFile(name: string): string {
  const file = path.join(dir, name);
  writeFleetFile(sampleSmall(), file);
  return file;
}

/** The fleet name as any SQLite reader sees the file (applying whatever side files lie beside it). */
function nameOnDisk(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM fleet_meta').get() as { name: string }).name;
  } finally {
    db.close();
  }
}

const rename = (name: string) => ({ type: 'set-fleet' as const, fleet: { name } });

function renameOpen(name: string): void {
  service.apply(rename(name), service.info().revision);
}

describe('saving through a symbolic link', () => {
  it('writes the link target and leaves the link a link', () => {
    fs.mkdirSync(path.join(dir, 'real'));
    const target = fleetFile('real/target.fleet');
    const link = path.join(dir, 'link.fleet');
    fs.symlinkSync(target, link);
    service.openFile(link);
    renameOpen('Through the link');
    expect(service.save().path).toBe(target);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(nameOnDisk(target)).toBe('Through the link');
    service.saveAs(link);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('creates the target of a link that points at a file not there yet', () => {
    service.newDocument('small');
    const link = path.join(dir, 'pending.fleet');
    fs.symlinkSync(path.join(dir, 'made-later.fleet'), link);
    expect(service.saveAs(link).path).toBe(path.join(dir, 'made-later.fleet'));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(nameOnDisk(link)).toBe(sampleSmall().fleet.name);
  });
});

describe('the name a save writes', () => {
  it('adds .fleet, and refuses a path that names no file instead of writing a hidden ".fleet"', () => {
    expect(saveTargetFor('plan')).toBe('plan.fleet');
    expect(saveTargetFor('plan.fleet')).toBe('plan.fleet');
    expect(saveTargetFor('/data/plan.v2')).toBe('/data/plan.v2.fleet');
    for (const noName of ['', '/', 'reports/', '.', '..', 'reports/..']) expect(() => saveTargetFor(noName), noName).toThrow(/give a file name/);
    // Trailing dots and spaces go, as Windows drops them, rather than giving the name a second extension.
    expect(saveTargetFor('ok3.fleet.')).toBe('ok3.fleet');
    expect(saveTargetFor('ok4.fleet ')).toBe('ok4.fleet');
    expect(saveTargetFor('reports/plan. .')).toBe('reports/plan.fleet');
    for (const noName of ['...', ' ', 'reports/...']) expect(() => saveTargetFor(noName), noName).toThrow(`Cannot save "${noName}": give a file name`);
    service.newDocument('small');
    expect(() => service.saveAs(`${dir}/`)).toThrow(`Cannot save "${dir}/": give a file name`);
    expect(fs.existsSync(path.join(dir, '.fleet'))).toBe(false);
  });
});

describe('links that lead nowhere', () => {
  it('names a loop of links instead of failing with ELOOP, on save and on open', () => {
    const a = path.join(dir, 'a.fleet');
    const b = path.join(dir, 'b.fleet');
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    service.newDocument('small');
    expect(() => service.saveAs(a)).toThrow(`${a}: its symbolic links lead round in a loop, never to a file`);
    expect(() => service.openFile(b)).toThrow(`${b}: its symbolic links lead round in a loop, never to a file`);
    expect(service.info().path).toBeNull();
  });
});

describe('permissions', () => {
  it('keeps the mode of the file it replaces', () => {
    const file = fleetFile('private.fleet');
    fs.chmodSync(file, 0o600);
    service.openFile(file);
    renameOpen('Still private');
    service.save();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o640);
    service.saveAs(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses to replace a read-only file, saying so, and leaves it as it was', () => {
    const file = fleetFile('locked.fleet');
    fs.chmodSync(file, 0o444);
    const hash = sha256(file);
    service.openFile(file);
    renameOpen('Not to be written');
    expect(() => service.save()).toThrow(`Cannot save ${file}: the file is read-only`);
    expect(sha256(file)).toBe(hash);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect(service.info().dirty).toBe(true);
  });

  it('says a folder is a folder rather than EISDIR', () => {
    fs.mkdirSync(path.join(dir, 'folder.fleet'));
    service.newDocument('small');
    let message = '';
    try {
      service.saveAs('folder.fleet');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`Cannot save ${path.join(dir, 'folder.fleet')}: it is a folder`);
    expect(message).not.toMatch(/EISDIR/);
  });
});

describe("SQLite's side files", () => {
  /** A copy of `file` and its -wal as a crash would leave them: the rename committed in the WAL only. */
  function withLeftoverWal(name: string, newerName: string): string {
    const source = fleetFile(`source-${name}`);
    const db = new Database(source);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('UPDATE fleet_meta SET name = ?').run(newerName);
    const file = path.join(dir, name);
    fs.copyFileSync(source, file);
    fs.copyFileSync(`${source}-wal`, `${file}-wal`);
    db.close();
    return file;
  }

  /** A copy of `file` and its hot -journal as a crash mid-transaction would leave them. */
  function withHotJournal(name: string, uncommittedName: string): string {
    const source = fleetFile(`source-${name}`);
    const db = new Database(source);
    db.pragma('journal_mode = DELETE');
    db.pragma('cache_size = 1');
    db.exec('BEGIN');
    db.prepare('UPDATE fleet_meta SET name = ?').run(uncommittedName);
    // More changed pages than the one-page cache holds, so the uncommitted change spills into the file itself.
    db.prepare("UPDATE placements SET label = 'uncommitted ' || hex(randomblob(40))").run();
    const file = path.join(dir, name);
    fs.copyFileSync(source, file);
    fs.copyFileSync(`${source}-journal`, `${file}-journal`);
    db.exec('ROLLBACK');
    db.close();
    return file;
  }

  it('opens a file with a leftover WAL as SQLite reads it, and leaves no WAL to undo the save', () => {
    const file = withLeftoverWal('walled.fleet', 'Newer in the WAL');
    const walHash = sha256(`${file}-wal`);
    expect(service.openFile(file).doc.fleet.name).toBe('Newer in the WAL');
    // Opening only read the user's files.
    expect(sha256(`${file}-wal`)).toBe(walHash);
    renameOpen('Saved after');
    service.save();
    for (const side of ['-wal', '-shm', '-journal']) expect(fs.existsSync(file + side), side).toBe(false);
    expect(nameOnDisk(file)).toBe('Saved after');
  });

  it('judges the header SQLite would read: one still only in the WAL, the file itself not yet written', () => {
    const source = path.join(dir, 'source-fresh.fleet');
    const db = new Database(source);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    initialize(db);
    new FleetRepository(db).writeAll(sampleSmall());
    const file = path.join(dir, 'fresh.fleet');
    fs.copyFileSync(source, file);
    fs.copyFileSync(`${source}-wal`, `${file}-wal`);
    db.close();
    // On disk the header is still SQLite's blank one: no application_id yet.
    expect(fs.readFileSync(file).readInt32BE(68)).toBe(0);
    expect(service.openFile(file).doc).toEqual(sampleSmall());
  });

  it('opens a file with a hot journal as SQLite would, without the transaction that never committed', () => {
    const file = withHotJournal('journaled.fleet', 'Never committed');
    const hash = sha256(file);
    // What the file's own bytes say, before the journal is rolled back.
    expect(fs.readFileSync(file).includes('Never committed')).toBe(true);
    const opened = service.openFile(file).doc;
    expect(opened.fleet.name).toBe(sampleSmall().fleet.name);
    expect(opened.placements.filter((p) => p.label.startsWith('uncommitted'))).toEqual([]);
    expect(sha256(file)).toBe(hash);
    service.save();
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
    expect(nameOnDisk(file)).toBe(sampleSmall().fleet.name);
  });
});

describe('the lock belongs to the real file', () => {
  let holder: ChildProcess;

  beforeEach(() => {
    holder = spawn('sleep', ['30']);
  });

  afterEach(async () => {
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
  });

  const lockAs = (file: string) => fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: holder.pid, hostname: os.hostname(), since: '2027-01-01T00:00:00Z' }));

  it('finds a file in use through a symbolic link to it', () => {
    const file = fleetFile('held.fleet');
    const link = path.join(dir, 'alias.fleet');
    fs.symlinkSync(file, link);
    lockAs(file);
    expect(() => service.openFile(link)).toThrow(`Cannot open ${file}: it is in use by another Fleet Planner (process ${holder.pid}`);
    service.newDocument('small');
    expect(() => service.saveAs(link)).toThrow(/it is in use by another Fleet Planner/);
  });

  it('finds a file in use through a hard link beside it', () => {
    const file = fleetFile('held.fleet');
    const twin = path.join(dir, 'twin.fleet');
    fs.linkSync(file, twin);
    lockAs(file);
    expect(() => service.openFile(twin)).toThrow(`Cannot open ${twin}: it is in use by another Fleet Planner (process ${holder.pid}`);
  });

  it('a lock planted as a link to an endless file, a pipe or a folder neither hangs nor fills memory', () => {
    const file = fleetFile('planted.fleet');
    const lock = lockPathFor(file);
    // A link to /dev/zero was read whole (a gigabyte every five seconds); a FIFO blocked forever.
    fs.symlinkSync('/dev/zero', lock);
    expect(service.openFile(file).path).toBe(file);
    expect(JSON.parse(fs.readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    service.newDocument('small');
    fs.rmSync(lock, { force: true });
    execFileSync('mkfifo', [lock]);
    expect(service.openFile(file).path).toBe(file);
    service.newDocument('small');
    fs.rmSync(lock, { force: true });
    fs.mkdirSync(lock);
    expect(() => service.openFile(file)).toThrow(`Cannot open ${file}: ${lock} is a folder, where Fleet Planner keeps the file's lock; move it away and try again`);
  });

  it('opens through a link when nobody holds the file, and holds it by its real name', () => {
    const file = fleetFile('free.fleet');
    const link = path.join(dir, 'alias.fleet');
    fs.symlinkSync(file, link);
    expect(service.openFile(link).path).toBe(file);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).pid).toBe(process.pid);
    expect(fs.existsSync(lockPathFor(link))).toBe(false);
  });
});
