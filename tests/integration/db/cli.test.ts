/** The document commands of `fleetplan`, run on real files; exit 0 on success, 2 with one stderr line on bad input. */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../electron/cli/commands/export';
import { importCommand } from '../../../electron/cli/commands/import';
import { infoCommand } from '../../../electron/cli/commands/info';
import { newCommand } from '../../../electron/cli/commands/new';
import type { CliCommand } from '../../../electron/cli/cli-kit';
import { exportFleetJson, MAX_FLEET_JSON_BYTES } from '../../../shared/io/json';
import { sampleCampus, sampleSmall } from '../../../shared/samples';
import { editDatabase, sha256, tempDir } from './helpers';

let dir: string;
beforeEach(() => (dir = tempDir('cli')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(command: CliCommand, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await command.run(args, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

const at = (name: string): string => path.join(dir, name);

describe('fleetplan new / info / export / import', () => {
  it('creates a sample, reports it, exports and re-imports it identically', async () => {
    expect(await run(newCommand, '--sample', 'small', at('s.fleet'))).toEqual({ code: 0, out: `Created ${at('s.fleet')} (14 placements)\n`, err: '' });

    const info = await run(infoCommand, at('s.fleet'), '--json');
    expect(info.code).toBe(0);
    // IT load: 8 × 72.9 + 2 × 132 = 847.2 kW (CDU, busways and PDU are facility load; the miners' busway run is the 14th placement); 8 × 5.4 PH/s = 43.2 PH/s.
    expect(JSON.parse(info.out)).toMatchObject({
      name: 'Small test fleet',
      counts: { sites: 1, halls: 1, zones: 2, placements: 14, scenarios: 1 },
      totals: { itMw: 0.8472, hashratePhs: 43.2, gpus: 144 },
      olderFileVersion: null,
    });
    const text = await run(infoCommand, at('s.fleet'));
    expect(text.out).toContain('IT load 0.8472 MW, hashrate 43.2 PH/s, 144 GPUs');

    expect((await run(exportCommand, at('s.fleet'), '--json', at('s.json'))).code).toBe(0);
    expect(fs.readFileSync(at('s.json'), 'utf8')).toBe(exportFleetJson(sampleSmall()));
    expect(await run(importCommand, at('s.json'), at('back.fleet'))).toMatchObject({ code: 0, err: '' });
    expect((await run(exportCommand, at('back.fleet'), '--json', at('back.json'))).code).toBe(0);
    expect(fs.readFileSync(at('back.json'), 'utf8')).toBe(fs.readFileSync(at('s.json'), 'utf8'));

    const bom = await run(exportCommand, at('s.fleet'), '--csv-bom', '-');
    expect(bom.out.split('\r\n')[0]).toMatch(/^siteId,site,hallId,hall,modelId/);
    expect((await run(exportCommand, at('s.fleet'), '--csv-catalog', at('c.csv'))).code).toBe(0);
  });

  it('export --json to standard output waits whenever the reader is behind, and writes the same text', async () => {
    expect((await run(newCommand, '--sample', 'campus', at('c.fleet'))).code).toBe(0);
    const pieces: string[] = [];
    let full = false;
    let wroteWhileFull = false;
    const stdout = {
      // Every write fills the pipe; it drains a moment later.
      write: (piece: string) => {
        wroteWhileFull ||= full;
        pieces.push(piece);
        full = true;
        return false;
      },
      once: (_event: 'drain', listener: () => void) => setImmediate(() => ((full = false), listener())),
    };
    expect(await exportCommand.run([at('c.fleet'), '--json', '-'], { stdout, stderr: { write: () => true } })).toBe(0);
    expect(wroteWhileFull).toBe(false);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(exportFleetJson(sampleCampus()));
  });

  it('export --json of a file the app refuses leaves an output already there as it was, and makes none', async () => {
    expect((await run(newCommand, '--sample', 'small', at('s.fleet'))).code).toBe(0);
    editDatabase(at('s.fleet'), "UPDATE placements SET powerSourceId = 'sm-bw1' WHERE id = 'sm-pdu01-01'");
    fs.writeFileSync(at('old.json'), 'mine');
    const over = await run(exportCommand, at('s.fleet'), '--json', at('old.json'), '--force');
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/^fleetplan: Cannot open .*s\.fleet: it breaks the fleet model's rules in 1 place: power sources form a loop: /);
    expect(fs.readFileSync(at('old.json'), 'utf8')).toBe('mine');
    expect((await run(exportCommand, at('s.fleet'), '--json', at('new.json'))).code).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['old.json', 's.fleet']);
  });

  it('info on a file whose placements break the rules wholesale says so in bounded words and leaves no working copy behind', async () => {
    expect((await run(newCommand, '--sample', 'small', at('s.fleet'))).code).toBe(0);
    // As the review's 900,000 rows (that ran `info` out of memory), fewer: each row breaks 7 rules.
    editDatabase(at('s.fleet'), `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 20000)
      INSERT INTO placements (seq, id, hallId, modelId, xM, yM, rotationDeg, powerSourceId, label, powerSourceBId) SELECT 1000 + x, x, '', '', 1e300, -1e300, 7, '', '', '' FROM c`);
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const info = await run(infoCommand, at('s.fleet'));
      expect(info.code).toBe(2);
      expect(info.err).toMatch(/^fleetplan: Cannot open .*s\.fleet: it breaks the fleet model's rules in 200\+ places: placements\["1"\]\.hallId /);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('import of a JSON file over the limit refuses it before reading it, naming the limit', async () => {
    // Read whole, a file past the limit (as /dev/zero, which has no end) was held in memory before anything was said. Sparse: no disk is used.
    fs.writeFileSync(at('big.json'), '');
    fs.truncateSync(at('big.json'), MAX_FLEET_JSON_BYTES + 1);
    const result = await run(importCommand, at('big.json'), at('o.fleet'));
    expect(result).toEqual({ code: 2, out: '', err: `fleetplan: Cannot import ${at('big.json')}: it is 401 MB, over the 400 MB a fleet JSON may have\n` });
    expect(fs.existsSync(at('o.fleet'))).toBe(false);
  });

  it('import of a named pipe refuses it at once, without waiting for a writer', async () => {
    execFileSync('mkfifo', [at('p.json')]);
    // A writer that would give it one line: read as a file, the import would wait for it and take `{}`.
    const writer = spawn('sh', ['-c', `printf '{}' > '${at('p.json')}'`], { stdio: 'ignore' });
    try {
      const result = await run(importCommand, at('p.json'), at('o.fleet'));
      expect(result.err).toMatch(/^fleetplan: Cannot import .*p\.json: it is a pipe or device, not a file; save what it gives to a file and import that\n$/);
      expect(fs.existsSync(at('o.fleet'))).toBe(false);
    } finally {
      writer.kill();
    }
  });

  it('creates a blank fleet and the default campus', async () => {
    expect((await run(newCommand, at('blank.fleet'))).code).toBe(0);
    expect(JSON.parse((await run(infoCommand, at('blank.fleet'), '--json')).out).counts.placements).toBe(0);
    expect((await run(newCommand, '--sample', 'campus', at('c.fleet'))).code).toBe(0);
    expect(JSON.parse((await run(infoCommand, at('c.fleet'), '--json')).out).counts.placements).toBe(sampleCampus().placements.length);
  });

  it('reads an older file without migrating it or writing a backup', async () => {
    fs.copyFileSync(path.join(__dirname, '../../fixtures/v1-small.fleet'), at('old.fleet'));
    const hash = sha256(at('old.fleet'));
    const info = await run(infoCommand, at('old.fleet'), '--json');
    expect(JSON.parse(info.out).olderFileVersion).toBe(1);
    expect(sha256(at('old.fleet'))).toBe(hash);
    expect(fs.readdirSync(dir)).toEqual(['old.fleet']);
  });

  it.each([
    ['info of a missing file', () => run(infoCommand, at('none.fleet')), /^fleetplan: Cannot open .*none\.fleet: no such file\n$/],
    ['info of a text file', () => run(infoCommand, at('t.fleet')), /\(not a SQLite database\)\n$/],
    ['new without a file', () => run(newCommand), /^fleetplan: expected FILE \(usage: fleetplan new/],
    ['new with an unknown sample', () => run(newCommand, '--sample', 'mars', at('m.fleet')), /^fleetplan: unknown sample "mars" \(known: campus, small, large, portfolio\)\n$/],
    ['new over an existing file', () => run(newCommand, at('e.fleet')), /already exists \(add --force to replace it\)\n$/],
    ['an unknown option', () => run(infoCommand, at('x.fleet'), '--yaml'), /^fleetplan: unknown option --yaml\n$/],
    ['export without a format', () => run(exportCommand, at('x.fleet')), /choose one of --json, --csv-bom, --csv-catalog/],
    ['import of a missing file', () => run(importCommand, at('none.json'), at('o.fleet')), /^fleetplan: Cannot import .*none\.json: no such file\n$/],
    ['import of a device', () => run(importCommand, '/dev/null', at('o.fleet')), /^fleetplan: Cannot import \/dev\/null: it is a pipe or device, not a file; save what it gives to a file and import that\n$/],
    [
      'import of broken JSON',
      () => run(importCommand, at('b.json'), at('o.fleet')),
      /^fleetplan: Cannot import .*b\.json: it is not valid JSON at line 2, column 13/,
    ],
  ])('%s exits 2 with one line on stderr', async (_name, go, message) => {
    fs.writeFileSync(at('t.fleet'), 'x'.repeat(200));
    fs.writeFileSync(at('e.fleet'), 'keep');
    fs.writeFileSync(at('b.json'), '{"format": "fleet-planner",\n "version": }');
    const before = fs.readdirSync(dir).map((f) => [f, sha256(at(f))]);
    const result = await go();
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(dir).map((f) => [f, sha256(at(f))])).toEqual(before);
  });
});
