/**
 * `fleetplan print` as a user runs it: a real process, a real .fleet file, Debian's
 * Chromium drawing the app's print route, and the PDF read back with poppler.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFleetFile } from '../../../db/fleet-file';
import { sampleCampus } from '../../../shared/samples';
import { mmToPt } from '../../../shared/units';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetplan-print-test-'));
const metric = path.join(dir, 'campus.fleet');
const us = path.join(dir, 'campus-us.fleet');
const HALL_B = 'Building B (AI retrofit, phase 1)';

beforeAll(() => {
  writeFleetFile(sampleCampus(), metric);
  const doc = sampleCampus();
  doc.fleet.unitSystem = 'us';
  writeFleetFile(doc, us);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fleetplan(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', 'print', ...args], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
/** A table row as pdftotext lays it out: its cells in order, spacing between (and, as it kerns, perhaps none inside a cell). */
const row = (...cells: string[]) => new RegExp(cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*')).join('\\s+'));

describe('fleetplan print', () => {
  it('prints a hall on A3 with its setting out and feed schedule, and leaves the fleet as it was', () => {
    const before = fs.readFileSync(metric);
    const out = path.join(dir, 'hall-b.pdf');
    const r = fleetplan([metric, '--hall', HALL_B, '--paper', 'A3', '--out', out, '--date', '2026-12-07']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [out]).toString())!;
    expect(Math.abs(Number(w) - mmToPt(420))).toBeLessThan(1);
    expect(Math.abs(Number(h) - mmToPt(297))).toBeLessThan(1);
    const t = text(out);
    expect(t).toContain('2026-12-07');
    // BM1's 20 racks (2 m wide, 0.1 m apart) start 2 m from the west wall and end at 2 + 20 × 2 + 19 × 0.1 = 43.9 m: 80 − 43.9 = 36.1 m to the east wall.
    expect(t).toMatch(row('BM1.1–20', 'A1–I1', '20', '2 m', '36.1 m'));
    // Four GB200 racks of 132 kW = 528 kW on Busway 1.1, which the 3000 kVA skid feeds; at power factor 0.98, 528 / 0.98 = 538.8 kVA.
    expect(t).toMatch(row('NVL72 1.1–4', 'L1–L2', '4 × GB200 NVL72 rack', 'Busway 1.1', 'Skid 1.1', 'A', '528 kW', '538.8 kVA'));
    // The skid carries four such busways (4 × 538.78 = 2,155.10 kVA), three CDUs (3 × 12 / 0.9 = 40 kVA) and two CRAHs
    // (2 × 8 / 0.9 = 17.78 kVA): 2,212.9 kVA of 3,000 kVA × 0.8 = 2,400 kVA, 92 %.
    expect(t).toMatch(row('Skid 1.1', 'Power distribution skid 3000 kVA', '—', '3,000 kVA', '2,400 kVA', '2,212.9 kVA', '92 %'));
    expect(t).toContain('Single line (power chain)');
    // The single line drawn on a sheet of its own: the skid's box with its rating, limit, load and use, as in the table above.
    expect(t).toContain(`Single line: Pecos Flats campus — ${HALL_B}`);
    expect(t).toContain('Rating 3,000 kVA, limit 2,400 kVA');
    expect(t).toContain('Load 2,212.9 kVA, 92 %');
    // Folded as little as fits A3: the hall's row groups first (the skid's CDUs and CRAHs, 2 groups, as one box), then
    // the longest run of alike busways, the 18 mining runs BM1–BM18 (one row group each): 2 + 18 = 20 row groups and 18
    // sources. The skid's four GB200 busways stay drawn: 4 × 132 kW / 0.98 = 538.8 kVA of 898.5 × 0.8 = 718.8 kVA, 75 %.
    expect(t).toContain('18 × Busway BM1 – Busway BM18');
    expect(t).toContain('Folded to fit: 20 row groups and 18 sources');
    expect(t).toContain('Rating 898.5 kVA, limit 718.8 kVA');
    expect(t).toContain('Load 538.8 kVA, 75 %');
    expect(fs.readFileSync(metric)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('writes US drawings in feet and inches', () => {
    const out = path.join(dir, 'hall-b-us.pdf');
    expect(fleetplan([us, '--hall', HALL_B, '--out', out]).code).toBe(0);
    const t = text(out);
    // Tabloid is the US default: 17 × 11 in.
    expect(execFileSync('pdfinfo', [out]).toString()).toMatch(/Page size:\s+1224 x 792 pts/);
    // 80 m = 3149.6 in → 262′-6″; 40 m = 1574.8 in → 131′-3″.
    expect(t).toContain('262′-6″');
    expect(t).toContain('131′-3″');
    // BM1 from the west wall 2 m = 78.7 in → 6′-7″; to the east wall 36.1 m = 1421.3 in → 118′-5″; from the north wall
    // 2.7 m = 106.3 in → 8′-10″; aisle 3.2 m = 126.0 in → 10′-6″; pitch 3.9 m = 153.5 in → 12′-10″. 20 ft squares: A1–H1.
    expect(t).toMatch(row('BM1.1–20', 'A1–H1', '20', '6′-7″', '118′-5″', '8′-10″'));
    expect(t).toMatch(row('10′-6″', '12′-10″'));
    expect(t).toContain('grid squares 20′-0″');
    expect(t).not.toMatch(/\d ft\b/);
  });

  it('prints a site with each hall\'s corners', () => {
    const out = path.join(dir, 'site.pdf');
    expect(fleetplan([metric, '--site', 'Pecos Flats campus', '--paper', 'A3', '--out', out]).code).toBe(0);
    const t = text(out);
    // Building A stands at (40, 40) m and is 120 × 42 m.
    expect(t).toMatch(row('Building A (S21 XP)', 'building', '40 m, 40 m', '160 m, 40 m', '160 m, 82 m', '40 m, 82 m'));
    expect(t).toContain(`Feed schedule: ${HALL_B}`);
  });

  it('refuses bad input plainly and writes nothing', () => {
    const out = path.join(dir, 'never.pdf');
    const cases: [string[], RegExp][] = [
      [[metric, '--hall', 'Nope', '--out', out], /no hall "Nope" in this fleet; its halls: "Building A \(S21 XP\)"/],
      [[metric, '--hall', HALL_B, '--site', 'x', '--out', out], /choose one of --hall NAME or --site NAME/],
      [[metric, '--hall', HALL_B], /--out PLAN.pdf is needed/],
      [[metric, '--hall', HALL_B, '--out', path.join(dir, 'x.txt')], /written as a \.pdf file/],
      [[metric, '--hall', HALL_B, '--out', out, '--paper', 'A0'], /--paper A0: choose A4, A3, Letter, Tabloid/],
      [[metric, '--hall', HALL_B, '--out', out, '--scale', '-5'], /--scale -5/],
      [[metric, '--hall', HALL_B, '--out', path.join(dir, 'no', 'such', 'p.pdf')], /its folder does not exist/],
      [[path.join(dir, 'missing.fleet'), '--hall', HALL_B, '--out', out], /missing\.fleet/],
    ];
    for (const [args, message] of cases) {
      const r = fleetplan(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says which browser it looks for when there is none', () => {
    const out = path.join(dir, 'nobrowser.pdf');
    const r = fleetplan([metric, '--hall', HALL_B, '--out', out], { ...process.env, CHROMIUM_PATH: path.join(dir, 'no-chromium') });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`CHROMIUM_PATH is ${path.join(dir, 'no-chromium')}, which does not exist: point it at a Chromium or Google Chrome executable`);
    expect(fs.existsSync(out)).toBe(false);
  });
});
