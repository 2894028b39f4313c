/**
 * The recovery notes in the data folder are read as the app's own only where they are: a
 * note names the working copy beside it, never a file elsewhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkingCopies } from '../../../electron/backend/document/working-copies';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-working-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const note = (id: string, dirty: boolean) => JSON.stringify({ id, pid: 999_999_999, dirty, closed: true, path: null, updatedAt: '2026-01-01T00:00:00Z' });

describe('recovery notes', () => {
  it('a note whose id reaches outside its folder is not ours: the files it names there are neither opened nor deleted', () => {
    const copies = new WorkingCopies(path.join(root, 'data'));
    fs.mkdirSync(path.join(root, 'outside'));
    const victim = path.join(root, 'outside', 'victim');
    fs.writeFileSync(`${victim}.fleet-work`, 'not ours');
    fs.writeFileSync(`${victim}.json`, 'not ours');
    const id = path.relative(copies.dir, victim);
    expect(id.startsWith('..')).toBe(true);
    fs.writeFileSync(path.join(copies.dir, 'evil.json'), note(id, false));
    fs.writeFileSync(path.join(copies.dir, 'evil2.json'), note(id, true));
    expect(copies.recoverable()).toEqual([]);
    expect(fs.readFileSync(`${victim}.fleet-work`, 'utf8')).toBe('not ours');
    expect(fs.readFileSync(`${victim}.json`, 'utf8')).toBe('not ours');
  });

  it('a working copy that is a link, or has a link beside it as its -wal, is not ours: what the link leads to is neither offered nor changed', () => {
    const copies = new WorkingCopies(path.join(root, 'data'));
    fs.mkdirSync(path.join(root, 'outside'));
    const theirs = path.join(root, 'outside', 'theirs.fleet');
    fs.writeFileSync(theirs, 'not ours');
    fs.symlinkSync(theirs, copies.databasePath('linked'));
    fs.writeFileSync(path.join(copies.dir, 'linked.json'), note('linked', true));
    fs.writeFileSync(copies.databasePath('wal'), 'pages');
    fs.symlinkSync(theirs, `${copies.databasePath('wal')}-wal`);
    fs.writeFileSync(path.join(copies.dir, 'wal.json'), note('wal', true));
    expect(copies.recoverable()).toEqual([]);
    expect(fs.readFileSync(theirs, 'utf8')).toBe('not ours');
  });

  it('a note whose file is not a path is not ours', () => {
    const copies = new WorkingCopies(path.join(root, 'data'));
    fs.writeFileSync(copies.databasePath('odd'), 'pages');
    fs.writeFileSync(path.join(copies.dir, 'odd.json'), JSON.stringify({ ...JSON.parse(note('odd', true)), path: 42 }));
    expect(copies.recoverable()).toEqual([]);
  });

  it('a note filed under its own id, with its working copy beside it, is offered back', () => {
    const copies = new WorkingCopies(path.join(root, 'data'));
    fs.writeFileSync(copies.databasePath('abc'), 'pages');
    fs.writeFileSync(path.join(copies.dir, 'abc.json'), note('abc', true));
    expect(copies.recoverable().map((s) => s.id)).toEqual(['abc']);
  });
});
