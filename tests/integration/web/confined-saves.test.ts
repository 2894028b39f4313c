/**
 * The browser build reads and writes documents only inside --dir, whoever names the path.
 * Its data folder is inside --dir, so a recovery note can be planted there naming any file,
 * and a file opened inside can be swapped for a link afterwards: both used to have Save
 * replace a file outside (and the note had its file read to describe the changes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { writeFleetFile } from '../../../db/fleet-file';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { sampleCampus, sampleSmall } from '../../../shared/samples';
import { sha256 } from '../db/helpers';
import { optimizerWorkerPath } from '../../support/optimizer-worker';
import { call, connect } from './server-process';

/** A pid no process has (above Linux's pid_max): the note's session is dead. */
const DEAD_PID = 999_999_999;
const NOTE_ID = '11111111-2222-3333-4444-555555555555';

let base: string;
let docs: string;
let outside: string;
let theirs: string;
let theirsBefore: string;
let server: WebServer;
let ws: WebSocket;

/** A crashed session's unsaved work on `file`, as the server's start finds it. */
function plantRecoveryNote(dataDir: string, file: string): void {
  const working = path.join(dataDir, 'working');
  fs.mkdirSync(working, { recursive: true });
  writeFleetFile(sampleSmall(), path.join(working, `${NOTE_ID}.fleet-work`));
  const note = { id: NOTE_ID, pid: DEAD_PID, path: file, title: path.basename(file), dirty: true, updatedAt: new Date().toISOString() };
  fs.writeFileSync(path.join(working, `${NOTE_ID}.json`), JSON.stringify(note));
}

beforeAll(async () => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-confined-')));
  docs = path.join(base, 'docs');
  outside = path.join(base, 'outside');
  fs.mkdirSync(outside);
  theirs = path.join(outside, 'theirs.fleet');
  writeFleetFile(sampleCampus(), theirs);
  theirsBefore = sha256(theirs);
  // The layout `npm run web` uses: the data folder inside the documents folder.
  const dataDir = path.join(docs, '.fleet-planner');
  plantRecoveryNote(dataDir, theirs);
  const rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startWebServer({ port: 0, documentsDir: docs, dataDir, rendererDir, optimizerWorkerPath: optimizerWorkerPath(), warmOptimizer: false });
  ws = await connect(server);
});

afterAll(async () => {
  ws?.close();
  await server?.close();
  fs.rmSync(base, { recursive: true, force: true });
});

/** Nothing outside --dir was written: their file as it was, and no lock or half-saved file beside it. */
function expectOutsideUntouched(): void {
  expect(sha256(theirs)).toBe(theirsBefore);
  expect(fs.readdirSync(outside)).toEqual(['theirs.fleet']);
}

describe('a recovery note naming a file outside --dir', () => {
  const refusal = () => `Cannot open "${theirs}": only files in the documents folder ${docs} can be opened here`;

  it('is not reopened at start, so Save has no file outside to write', async () => {
    const current = await call(ws, 'document.current', {});
    expect(current.result).toMatchObject({ path: null, title: sampleCampus().fleet.name, dirty: false });
    expect(current.result).not.toHaveProperty('notice');
    // An untitled document's Save asks for a name, which the browser build's backend never invents.
    expect(await call(ws, 'document.save', {})).toMatchObject({ ok: true, result: { cancelled: true } });
    expectOutsideUntouched();
  });

  it('is listed saying why it cannot be recovered, without its file being read, and recovering it is refused', async () => {
    const listed = await call(ws, 'document.recoveries', {});
    // Read, their campus file would have made this "… placed objects removed" or the like.
    expect(listed.result).toMatchObject({ items: [{ id: NOTE_ID, path: theirs, changes: `${refusal()}; it holds 1 site, 1 hall, 2 zones, 14 placed objects, 1 scenario` }] });
    expect(await call(ws, 'document.recover', { id: NOTE_ID })).toMatchObject({ ok: false, error: { message: refusal(), code: 'failed' } });
    expectOutsideUntouched();
  });

  it('can still be discarded', async () => {
    expect(await call(ws, 'document.discardRecovery', { id: NOTE_ID })).toMatchObject({ ok: true });
    expect(await call(ws, 'document.recoveries', {})).toMatchObject({ result: { items: [] } });
  });
});

describe('a document whose file was replaced by a link to outside --dir after it was opened', () => {
  it('is not saved through the link', async () => {
    const mine = path.join(docs, 'mine.fleet');
    writeFleetFile(sampleSmall(), mine);
    expect(await call(ws, 'document.open', { path: 'mine.fleet' })).toMatchObject({ ok: true, result: { path: mine } });
    fs.rmSync(mine);
    fs.symlinkSync(theirs, mine);
    expect(await call(ws, 'document.save', {})).toMatchObject({
      ok: false,
      error: { message: `Cannot save "${mine}": only files in the documents folder ${docs} can be saved here`, code: 'failed' },
    });
    expect(fs.lstatSync(mine).isSymbolicLink()).toBe(true);
    expectOutsideUntouched();
  });

  it('is saved again once its file is a plain file inside', async () => {
    const mine = path.join(docs, 'mine.fleet');
    fs.rmSync(mine);
    expect(await call(ws, 'document.save', {})).toMatchObject({ ok: true, result: { path: mine, dirty: false } });
    expect(fs.lstatSync(mine).isFile()).toBe(true);
  });
});

describe("the app's own data folder inside --dir", () => {
  const dataDir = () => path.join(docs, '.fleet-planner');
  const refusal = (purpose: 'open' | 'save', requested: string) =>
    `Cannot ${purpose} "${requested}": it is in the app's own data folder ${dataDir()} (working copies and recovery notes), where no document is kept: choose a file elsewhere in ${docs}`;

  it('refuses to open the working copy of the open document, which stays as it was, unsaved edit and all', async () => {
    const opened = await call(ws, 'document.new', { sample: 'small' });
    const { doc, revision } = opened.result as { doc: { sites: { id: string }[] }; revision: number };
    const edit = { type: 'update', table: 'sites', id: doc.sites[0]!.id, patch: { name: 'Unsaved edit' } };
    expect(await call(ws, 'document.apply', { command: edit, baseRevision: revision })).toMatchObject({ ok: true });
    const working = path.join(dataDir(), 'working');
    const copies = fs.readdirSync(working).filter((n) => n.endsWith('.fleet-work'));
    expect(copies.length).toBeGreaterThan(0);
    const before = copies.map((n) => sha256(path.join(working, n)));
    for (const name of copies) {
      const requested = `.fleet-planner/working/${name}`;
      expect(await call(ws, 'document.open', { path: requested })).toMatchObject({ ok: false, error: { message: refusal('open', requested), code: 'failed' } });
    }
    expect(copies.map((n) => sha256(path.join(working, n)))).toEqual(before);
    expect(await call(ws, 'document.current', {})).toMatchObject({ result: { dirty: true } });
  });

  it('refuses to save into it, by any path that leads there', async () => {
    for (const requested of ['.fleet-planner/mine.fleet', path.join(dataDir(), 'working', 'x.fleet'), 'sub/../.fleet-planner/y.fleet']) {
      expect(await call(ws, 'document.saveAs', { path: requested }), requested).toMatchObject({ ok: false, error: { message: refusal('save', requested) } });
    }
    expect(fs.readdirSync(dataDir()).filter((n) => n.endsWith('.fleet'))).toEqual([]);
  });
});
