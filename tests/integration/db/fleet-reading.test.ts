/**
 * A .fleet read for export without holding its placements (useFleetFile): the same document
 * as the app opens, walked from the file as often as asked; every file the app refuses is
 * refused with the same words; the file is never changed and the working copy never left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFleetFile, useFleetFile, writeFleetFile } from '../../../db/fleet-file';
import { exportFleetJson, fleetJsonChunks, importFleetJson } from '../../../shared/io/json';
import type { FleetDoc, FleetReading } from '../../../shared/model/schema';
import { generateFleet, sampleCampus, sampleSmall } from '../../../shared/samples';
import { editDatabase, sha256, tempDir } from './helpers';

let dir: string;
beforeEach(() => (dir = tempDir('reading')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const working = (): string => path.join(dir, 'work', 'copy.fleet-work');
beforeEach(() => fs.mkdirSync(path.join(dir, 'work')));

function written(doc: FleetDoc, name = 'f.fleet'): string {
  const file = path.join(dir, name);
  writeFleetFile(doc, file);
  return file;
}

/** What the app's open makes of the file: its document, or its refusal. */
function opened(file: string): { doc: FleetDoc } | { refused: string } {
  try {
    const { db, doc } = openFleetFile(file, path.join(dir, 'work', 'app.fleet-work'), { backupBeforeMigrating: false });
    db.close();
    return { doc };
  } catch (error) {
    return { refused: (error as Error).message };
  } finally {
    for (const f of fs.readdirSync(path.join(dir, 'work'))) fs.rmSync(path.join(dir, 'work', f));
  }
}

const text = (fleet: FleetReading): string => [...fleetJsonChunks(fleet)].join('');

describe('reading a fleet without holding its placements', () => {
  it.each([
    ['small', () => sampleSmall()],
    ['campus', () => sampleCampus()],
    ['no placements', () => generateFleet({ placements: 0, seed: 2 })],
    // Pages of 1,024 rows: 8,192 fill eight exactly, 8,193 leave one row for a ninth.
    ['8,192 placements', () => generateFleet({ placements: 8_192, seed: 4 })],
    ['8,193 placements', () => generateFleet({ placements: 8_193, seed: 5 })],
  ])('%s: walked from the file, exported byte for byte as the document the app opens', async (_name, make) => {
    const doc = make();
    const file = written(doc);
    const hash = sha256(file);
    const exported = await useFleetFile(file, working(), (fleet) => {
      expect(Array.isArray(fleet.placements)).toBe(false);
      const first = text(fleet);
      // Every walk reads the same rows again.
      expect(text(fleet)).toBe(first);
      return first;
    });
    expect(exported).toBe(exportFleetJson(doc));
    expect(importFleetJson(exported, 'f.json')).toEqual(doc);
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(path.join(dir, 'work'))).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['f.fleet', 'work']);
  });

  it('reads an older file migrated in the copy, and leaves the file and its folder as they were', async () => {
    const file = path.join(dir, 'old.fleet');
    fs.copyFileSync(path.join(__dirname, '../../fixtures/v1-small.fleet'), file);
    const hash = sha256(file);
    const expected = opened(file);
    expect('doc' in expected).toBe(true);
    const exported = await useFleetFile(file, working(), (fleet, migratedFrom) => {
      expect(migratedFrom).toBe(1);
      return text(fleet);
    });
    expect(exported).toBe(exportFleetJson((expected as { doc: FleetDoc }).doc));
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(dir).sort()).toEqual(['old.fleet', 'work']);
    expect(fs.readdirSync(path.join(dir, 'work'))).toEqual([]);
  });

  const refused: [string, () => string][] = [
    ['not SQLite', () => (fs.writeFileSync(path.join(dir, 't.fleet'), 'x'.repeat(200)), path.join(dir, 't.fleet'))],
    ['another program\'s database', () => editDatabase(path.join(dir, 'o.fleet'), 'PRAGMA application_id = 1234; CREATE TABLE t (x);')],
    [
      'truncated',
      () => {
        const file = written(sampleSmall(), 'cut.fleet');
        fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 3 * 4096));
        return file;
      },
    ],
    [
      'corrupt pages',
      () => {
        const file = written(sampleSmall(), 'corrupt.fleet');
        const bytes = fs.readFileSync(file);
        const pageSize = bytes.readUInt16BE(16);
        for (let page = 1; page * pageSize < bytes.length; page++) bytes.fill(0xee, page * pageSize, page * pageSize + 12);
        fs.writeFileSync(file, bytes);
        return file;
      },
    ],
    ['a model with negative power', () => editDatabase(written(sampleSmall()), "UPDATE models SET powerKw = -5 WHERE id = 'rack-s21xp'")],
    ['a placement that is not a number', () => editDatabase(written(sampleSmall()), "UPDATE placements SET xM = 'NaN' WHERE id = 'sm-m01-02'")],
    ['a placement turned 45°', () => editDatabase(written(sampleSmall()), "UPDATE placements SET rotationDeg = 45 WHERE id = 'sm-m01-02'")],
    ['a placement of a missing model', () => editDatabase(written(sampleSmall()), "UPDATE placements SET modelId = 'ghost' WHERE id = 'sm-gpu01-01'")],
    ['a placement in a missing hall', () => editDatabase(written(sampleSmall()), "UPDATE placements SET hallId = 'gone' WHERE id = 'sm-cdu01-01'")],
    ['a power source that is not there', () => editDatabase(written(sampleSmall()), "UPDATE placements SET powerSourceId = 'nopdu' WHERE id = 'sm-m01-01'")],
    ['a B source that is not there', () => editDatabase(written(sampleSmall()), "UPDATE placements SET powerSourceBId = 'nopdu' WHERE id = 'sm-m01-01'")],
    ['a rack fed from a rack', () => editDatabase(written(sampleSmall()), "UPDATE placements SET powerSourceId = 'sm-m01-01' WHERE id = 'sm-m01-02'")],
    ['a rack B-fed from a rack', () => editDatabase(written(sampleSmall()), "UPDATE placements SET powerSourceBId = 'sm-m01-01' WHERE id = 'sm-m01-02'")],
    ['a power loop', () => editDatabase(written(sampleSmall()), "UPDATE placements SET powerSourceId = 'sm-bw1' WHERE id = 'sm-pdu01-01'")],
    ['a source feeding itself', () => editDatabase(written(sampleSmall()), "UPDATE placements SET powerSourceId = id WHERE id = 'sm-pdu01-01'")],
    ['a retrofit option of a missing hall', () => editDatabase(written(sampleSmall()), "UPDATE retrofit_options SET hallId = 'gone' WHERE rowid = 1")],
    ['no fleet row', () => editDatabase(written(sampleSmall()), 'DELETE FROM fleet_meta')],
    [
      'placement ids that differ only in bytes that are not UTF-8',
      () =>
        editDatabase(
          written(sampleSmall()),
          "UPDATE placements SET id = CAST(X'6964FF' AS TEXT) WHERE id = 'sm-m01-01'; UPDATE placements SET id = CAST(X'6964FE' AS TEXT) WHERE id = 'sm-m01-02'",
        ),
    ],
    [
      'duplicate placement ids in a schema without the unique index',
      () =>
        editDatabase(
          written(sampleSmall()),
          `CREATE TABLE copy AS SELECT * FROM placements; DROP TABLE placements;
           CREATE TABLE placements (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, hallId TEXT NOT NULL, modelId TEXT NOT NULL, xM REAL NOT NULL,
             yM REAL NOT NULL, rotationDeg INTEGER NOT NULL, powerSourceId TEXT, label TEXT NOT NULL, powerSourceBId TEXT);
           INSERT INTO placements SELECT * FROM copy; DROP TABLE copy;
           UPDATE placements SET id = 'sm-m01-01' WHERE id = 'sm-m01-02'`,
        ),
    ],
    // Tables as Fleet Planner never writes them: refused by their schema before a row is read.
    [
      'a schema without the unique index, ids distinct',
      () => editDatabase(written(sampleSmall()), 'CREATE TABLE copy AS SELECT * FROM placements; DROP TABLE placements; CREATE TABLE placements AS SELECT * FROM copy; DROP TABLE copy'),
    ],
    [
      'a placements table whose seq is not its key',
      () =>
        editDatabase(
          written(sampleSmall()),
          `CREATE TABLE copy AS SELECT * FROM placements; DROP TABLE placements;
           CREATE TABLE placements (seq INTEGER, id TEXT NOT NULL UNIQUE, hallId TEXT NOT NULL, modelId TEXT NOT NULL, xM REAL NOT NULL,
             yM REAL NOT NULL, rotationDeg INTEGER NOT NULL, powerSourceId TEXT, label TEXT NOT NULL, powerSourceBId TEXT);
           INSERT INTO placements SELECT * FROM copy; DROP TABLE copy`,
        ),
    ],
    ['a trigger', () => editDatabase(written(sampleSmall()), 'CREATE TRIGGER t AFTER UPDATE ON placements BEGIN DELETE FROM placements WHERE id <> NEW.id; END')],
  ];

  it.each(refused)('%s: refused in the words the app uses, the file unchanged, nothing left behind', async (_name, make) => {
    const file = make();
    const expected = opened(file);
    expect(expected).toHaveProperty('refused');
    const hash = sha256(file);
    const siblings = fs.readdirSync(dir).sort();
    let used = false;
    const answer = await useFleetFile(file, working(), () => (used = true)).then(
      () => 'read',
      (error: Error) => error.message,
    );
    expect(answer).toBe((expected as { refused: string }).refused);
    expect(used).toBe(false);
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(dir).sort()).toEqual(siblings);
    expect(fs.readdirSync(path.join(dir, 'work'))).toEqual([]);
  });

  it.each([
    ['an id with a byte that is not UTF-8, used once', sampleSmall, "UPDATE placements SET id = CAST(X'6964FF' AS TEXT) WHERE id = 'sm-m01-01'"],
    // Pages of 1,024 rows: the second would start after a seq that reads rounded.
    ['seq values past 2^53', () => generateFleet({ placements: 5_000, seed: 6 }), 'UPDATE placements SET seq = seq * 1024 + 9007199254740993'],
  ])('%s: read whole, as the app opens it, and exported the same', async (_name, make, sql) => {
    const file = editDatabase(written(make()), sql);
    const expected = opened(file);
    expect(expected).toHaveProperty('doc');
    const exported = await useFleetFile(file, working(), (fleet) => text(fleet));
    expect(exported).toBe(exportFleetJson((expected as { doc: FleetDoc }).doc));
    expect(fs.readdirSync(path.join(dir, 'work'))).toEqual([]);
  });

  it('removes the working copy when the use fails, and passes its error on as it is', async () => {
    const file = written(sampleSmall());
    await expect(useFleetFile(file, working(), () => Promise.reject(new Error('disk full')))).rejects.toThrow(/^disk full$/);
    expect(fs.readdirSync(path.join(dir, 'work'))).toEqual([]);
  });
});
