/**
 * Every way a file can be refused: the message names the file and the reason, the file's
 * bytes are unchanged, nothing is left beside it, and the open document is untouched.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, SCHEMA_VERSION, writeFleetFile } from '../../../db/fleet-file';
import { DocumentService } from '../../../electron/backend/document/service';
import { sampleSmall } from '../../../shared/samples';
import { editDatabase, sha256, tempDir } from './helpers';

const V1_FIXTURE = path.join(__dirname, '../../fixtures/v1-small.fleet');

let dir: string;
let service: DocumentService;

beforeEach(() => {
  dir = tempDir('reject');
  service = new DocumentService({ dataDir: path.join(dir, 'data'), documentsDir: dir });
  service.newDocument('small');
  service.apply({ type: 'move', moves: [{ id: 'sm-m01-01', xM: 3, yM: 2.55 }] }, 0);
});

afterEach(() => {
  service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function validFile(name: string): string {
  const file = path.join(dir, name);
  writeFleetFile(sampleSmall(), file);
  return file;
}

const cases: [string, () => string, RegExp][] = [
  ['missing', () => path.join(dir, 'nowhere.fleet'), /no such file/],
  ['empty', () => (fs.writeFileSync(path.join(dir, 'empty.fleet'), ''), path.join(dir, 'empty.fleet')), /the file is empty/],
  ['short text', () => (fs.writeFileSync(path.join(dir, 'short.fleet'), 'hello'), path.join(dir, 'short.fleet')), /not a SQLite database/],
  [
    'long text',
    () => (fs.writeFileSync(path.join(dir, 'text.fleet'), 'name,power\n'.repeat(200)), path.join(dir, 'text.fleet')),
    /not a SQLite database/,
  ],
  [
    'foreign SQLite (no application id)',
    () => editDatabase(path.join(dir, 'foreign.fleet'), 'CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1);'),
    /another program's SQLite database \(application_id 0x00000000/,
  ],
  [
    'foreign SQLite (other application id)',
    () => editDatabase(path.join(dir, 'other.fleet'), 'PRAGMA application_id = 1234; CREATE TABLE t (x);'),
    /another program's SQLite database \(application_id 0x000004D2, Fleet Planner documents have 0x464C5450\)/,
  ],
  [
    'newer version',
    () => editDatabase(validFile('newer.fleet'), `PRAGMA user_version = ${SCHEMA_VERSION + 1}`),
    new RegExp(`newer Fleet Planner \\(file schema version ${SCHEMA_VERSION + 1}, this version reads up to ${SCHEMA_VERSION}\\)`),
  ],
  ['no schema version', () => editDatabase(path.join(dir, 'nover.fleet'), `PRAGMA application_id = ${APPLICATION_ID}; CREATE TABLE t (x);`), /no schema version/],
  [
    'truncated',
    () => {
      const file = validFile('truncated.fleet');
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      return file;
    },
    /truncated, or its header damaged \(\d+ bytes of the \d+ its header declares\)/,
  ],
  [
    // Sparse, it takes no disk; copied byte for byte (as `truncate -s 4G` of a sample was), it took its length of real disk.
    'padded past the database its header declares',
    () => {
      const file = validFile('padded.fleet');
      fs.truncateSync(file, 64 * 2 ** 20);
      return file;
    },
    /it is 67108864 bytes, \d+ more than the \d+ bytes of database its header declares \(page count × page size\); a file padded past its database is not as SQLite writes one, and is left as it was$/,
  ],
  [
    'a header whose page count SQLite would not trust',
    () => {
      const file = validFile('stale-count.fleet');
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, 92);
      fs.closeSync(fd);
      return file;
    },
    /it is damaged: its header does not say how large its database is/,
  ],
  [
    'corrupt pages',
    () => {
      const file = validFile('corrupt.fleet');
      const bytes = fs.readFileSync(file);
      const pageSize = bytes.readUInt16BE(16);
      // Overwrite the b-tree header of every page after the schema page.
      for (let page = 1; page * pageSize < bytes.length; page++) bytes.fill(0xee, page * pageSize, page * pageSize + 12);
      fs.writeFileSync(file, bytes);
      return file;
    },
    /it is damaged/,
  ],
  ['negative power', () => editDatabase(validFile('negative.fleet'), "UPDATE models SET powerKw = -5 WHERE id = 'rack-s21xp'"), /models\["rack-s21xp"\]\.powerKw must be at least 0 \(is -5\)/],
  ['not a number', () => editDatabase(validFile('nan.fleet'), "UPDATE placements SET xM = 'NaN' WHERE id = 'sm-m01-02'"), /placements\["sm-m01-02"\]\.xM is not a number/],
  [
    'placement of a missing model',
    () => editDatabase(validFile('dangling.fleet'), "UPDATE placements SET modelId = 'ghost' WHERE id = 'sm-gpu01-01'"),
    /1\.1 \(model "ghost"\): modelId "ghost" names no equipment model/,
  ],
  ['placement in a missing hall', () => editDatabase(validFile('nohall.fleet'), "UPDATE placements SET hallId = 'gone' WHERE id = 'sm-cdu01-01'"), /hallId "gone" names no hall/],
  ['hall of zero area', () => editDatabase(validFile('zero.fleet'), "UPDATE halls SET widthM = 0"), /halls\["sm-h1"\]\.widthM must be at least 0.5 \(is 0\)/],
  ['power loop', () => editDatabase(validFile('loop.fleet'), "UPDATE placements SET powerSourceId = 'sm-bw1' WHERE id = 'sm-pdu01-01'"), /power sources form a loop/],
  [
    // 900,000 such rows ran the process out of memory: an issue was kept for every break, though 200 are shown.
    'placements breaking the rules wholesale',
    () =>
      editDatabase(
        validFile('wholesale.fleet'),
        `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000)
         INSERT INTO placements (seq, id, hallId, modelId, xM, yM, rotationDeg, powerSourceId, label, powerSourceBId) SELECT 1000 + x, x, '', '', 1e300, -1e300, 7, '', '', '' FROM c`,
      ),
    /it breaks the fleet model's rules in 200\+ places:\nplacements\["1"\]\.hallId .*\n(.*\n){9}… and 190 more$/,
  ],
  ['missing fleet row', () => editDatabase(validFile('nometa.fleet'), 'DELETE FROM fleet_meta'), /fleet is missing/],
  [
    // Distinct bytes for SQLite's UNIQUE index, one string once read: both are U+FFFD.
    'placement ids that differ only in bytes that are not UTF-8',
    () =>
      editDatabase(
        validFile('badutf8.fleet'),
        "UPDATE placements SET id = CAST(X'6964FF' AS TEXT) WHERE id = 'sm-m01-01'; UPDATE placements SET id = CAST(X'6964FE' AS TEXT) WHERE id = 'sm-m01-02'",
      ),
    /placements: id "id\uFFFD" is used more than once/,
  ],
  [
    'duplicate placement ids in a schema without the unique index',
    () =>
      editDatabase(
        validFile('nounique.fleet'),
        `CREATE TABLE copy AS SELECT * FROM placements; DROP TABLE placements;
         CREATE TABLE placements (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, hallId TEXT NOT NULL, modelId TEXT NOT NULL, xM REAL NOT NULL,
           yM REAL NOT NULL, rotationDeg INTEGER NOT NULL, powerSourceId TEXT, label TEXT NOT NULL, powerSourceBId TEXT);
         INSERT INTO placements SELECT * FROM copy; DROP TABLE copy;
         UPDATE placements SET id = 'sm-m01-01' WHERE id = 'sm-m01-02'`,
      ),
    /its table "placements" is not as Fleet Planner writes it \(a column declared otherwise, or a key or constraint Fleet Planner did not write\): it is not a Fleet Planner file or was altered/,
  ],
  // SQL a file holds runs by itself: refused before any row is read, so none of it runs.
  [
    'a trigger (one that deleted all placements but the moved one on Save)',
    () => editDatabase(validFile('trigger.fleet'), 'CREATE TRIGGER t AFTER UPDATE ON placements BEGIN DELETE FROM placements WHERE id <> NEW.id; END'),
    /it holds a trigger "t" Fleet Planner did not write: it is not a Fleet Planner file or was altered; Fleet Planner opens only files as it writes them, and left this one as it was$/,
  ],
  [
    'a view standing in for the placements that runs for ever',
    () =>
      editDatabase(
        validFile('view.fleet'),
        `ALTER TABLE placements RENAME TO placements_real;
         CREATE VIEW placements AS SELECT p.* FROM placements_real p UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
           FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000000) SELECT x FROM c) WHERE x = -1`,
      ),
    /it holds a table "placements_real" Fleet Planner did not write/,
  ],
  [
    // integrity_check evaluates CHECK constraints: this one takes seconds a row.
    'a CHECK constraint that takes seconds a row',
    () =>
      editDatabase(
        validFile('check.fleet'),
        `CREATE TABLE copy AS SELECT * FROM placements; DROP TABLE placements;
         CREATE TABLE placements (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hallId TEXT NOT NULL, modelId TEXT NOT NULL, xM REAL NOT NULL,
           yM REAL NOT NULL, rotationDeg INTEGER NOT NULL, powerSourceId TEXT, label TEXT NOT NULL, powerSourceBId TEXT,
           CHECK (length(hex(zeroblob(100000000))) > 0));
         PRAGMA ignore_check_constraints = 1; INSERT INTO placements SELECT * FROM copy; DROP TABLE copy`,
      ),
    /its table "placements" is not as Fleet Planner writes it \(a column declared otherwise, or a key or constraint Fleet Planner did not write\)/,
  ],
  ['an index', () => editDatabase(validFile('index.fleet'), 'CREATE INDEX byHall ON placements (hallId)'), /it holds an index "byHall" Fleet Planner did not write/],
  ['an added column', () => editDatabase(validFile('column.fleet'), 'ALTER TABLE models ADD COLUMN note TEXT'), /its table "models" is not as Fleet Planner writes it \(a column "note" Fleet Planner did not write\)/],
  ['a missing table', () => editDatabase(validFile('noplans.fleet'), 'DROP TABLE plans'), new RegExp(`it has no table "plans", which every Fleet Planner file of version ${SCHEMA_VERSION} has`)],
  [
    'a version-1 file with a column of version 2',
    () => {
      const file = path.join(dir, 'v1plus.fleet');
      fs.copyFileSync(V1_FIXTURE, file);
      return editDatabase(file, "ALTER TABLE models ADD COLUMN mounting TEXT NOT NULL DEFAULT 'floor'");
    },
    /its table "models" is not as Fleet Planner writes it \(a column "mounting" Fleet Planner did not write\)/,
  ],
  // A side file SQLite would read as part of the fleet must be a plain file: a pipe blocked the open for good, a link read pages from outside the folder.
  ['a -wal that is a pipe', () => { const f = validFile('fifo.fleet'); execFileSync('mkfifo', [`${f}-wal`]); return f; }, /fifo\.fleet-wal beside it, which SQLite would read as part of it, is a pipe or device, not a file/],
  ['a -wal that is a link', () => { const f = validFile('link.fleet'); fs.symlinkSync('/etc/hostname', `${f}-wal`); return f; }, /link\.fleet-wal beside it, .* is a link, not a file/],
  ['a -journal that is a folder', () => { const f = validFile('folder.fleet'); fs.mkdirSync(`${f}-journal`); return f; }, /folder\.fleet-journal beside it, .* is a folder, not a file/],
];

describe('refused files', () => {
  it.each(cases)('%s', (_name, make, reason) => {
    const file = make();
    const before = fs.existsSync(file) ? sha256(file) : null;
    const siblings = fs.readdirSync(dir).sort();
    const state = service.snapshot();

    let message = '';
    try {
      service.openFile(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^Cannot open ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(message).toMatch(reason);
    expect(fs.existsSync(file) ? sha256(file) : null).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(siblings);
    expect(service.snapshot()).toEqual(state);
    expect(service.recent()).toEqual([]);
    // Still editable at the same revision.
    expect(service.apply({ type: 'rotate', rotations: [{ id: 'sm-m01-01', rotationDeg: 180 }] }, 1).revision).toBe(2);
  });

  it('opens a file a SQLite tool ran ANALYZE on: its statistics tables steer only query plans', () => {
    const file = editDatabase(validFile('analyzed.fleet'), 'ANALYZE');
    expect(service.openFile(file).doc.placements).toHaveLength(sampleSmall().placements.length);
  });

  it('refuses a folder', () => {
    fs.mkdirSync(path.join(dir, 'folder.fleet'));
    expect(() => service.openFile(path.join(dir, 'folder.fleet'))).toThrow(/it is a folder/);
  });
});
