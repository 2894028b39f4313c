/** The fleetplan command as a user runs it: a real process, real files, exit codes and output. */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFleetFile } from '../../../db/fleet-file';
import { exportFleetJson } from '../../../shared/io/json';
import { generateFleet, referencePortfolio, sampleCampus, sampleSmall } from '../../../shared/samples';
import { withHourlyPrices } from '../../../shared/samples/prices';
import { optimizerWorkerPath } from '../../support/optimizer-worker';
import { catalogFromCsv, catalogToCsv } from '../../../shared/io/catalog-csv';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetplan-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fleetplan(...args: string[]) {
  // Run from source, it is told where the optimizer worker was built.
  const env = { ...process.env, FLEETPLAN_OPTIMIZER_WORKER: optimizerWorkerPath() };
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', ...args], { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('fleetplan', () => {
  it('export never replaces the fleet it reads, nor any file without --force; a missing folder is said plainly', () => {
    const file = path.join(dir, 'keep.fleet');
    expect(fleetplan('new', '--sample', 'small', file).code).toBe(0);
    const before = fs.readFileSync(file);
    const self = fleetplan('export', file, '--json', file, '--force');
    expect(self.code).toBe(2);
    expect(self.err).toContain('is the file being read; write the output to another file');
    expect(fs.readFileSync(file)).toEqual(before);
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(other, 'mine');
    expect(fleetplan('export', file, '--json', other).err).toContain('already exists (add --force to replace it)');
    expect(fs.readFileSync(other, 'utf8')).toBe('mine');
    expect(fleetplan('export', file, '--json', other, '--force').code).toBe(0);
    expect(fleetplan('export', file, '--json', path.join(dir, 'no', 'such', 'x.json')).err).toMatch(/Cannot write .*x\.json: its folder does not exist/);
    expect(fleetplan('optimize', file, '--write-lp', file).err).toContain('is the file being read');
    expect(fleetplan('info', file, 'extra.fleet').err).toContain('too many arguments: "extra.fleet"');
    const txt = fleetplan('new', '--sample', 'small', path.join(dir, 'x.txt'));
    expect([txt.code, fs.existsSync(path.join(dir, 'x.txt'))]).toEqual([2, false]);
    expect(txt.err).toContain("x.txt: a fleet is written as a .fleet file (the app's Open lists only those)");
    // Asked for JSON, a failure answers in JSON too.
    const missing = fleetplan('info', path.join(dir, 'nowhere.fleet'), '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toEqual({ error: expect.stringContaining('nowhere.fleet') });
  });

  it('info refuses, at once, a file whose placements are a view that runs for ever, and leaves it as it was', () => {
    const file = path.join(dir, 'view.fleet');
    expect(fleetplan('new', '--sample', 'small', file).code).toBe(0);
    const db = new Database(file);
    db.exec(`ALTER TABLE placements RENAME TO placements_real;
      CREATE VIEW placements AS SELECT p.* FROM placements_real p UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000000) SELECT x FROM c) WHERE x = -1`);
    db.close();
    const before = fs.readFileSync(file);
    const info = fleetplan('info', file);
    expect(info.code).toBe(2);
    expect(info.err).toContain(`Cannot open ${file}: it holds a table "placements_real" Fleet Planner did not write: it is not a Fleet Planner file or was altered`);
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('output through a symbolic or hard link to the fleet read is refused whatever --force says, and the fleet left as it was', () => {
    const file = path.join(dir, 'linked.fleet');
    expect(fleetplan('new', '--sample', 'campus', file).code).toBe(0);
    const before = fs.readFileSync(file);
    fs.symlinkSync('linked.fleet', path.join(dir, 'a-link.lp'));
    fs.linkSync(file, path.join(dir, 'hard-link.fleet'));
    fs.symlinkSync(dir, path.join(dir, 'same-folder'));
    const refused = [
      ['optimize', file, '--write-lp', path.join(dir, 'a-link.lp'), '--force'],
      ['export', file, '--json', path.join(dir, 'a-link.lp'), '--force'],
      ['optimize', file, '--apply', path.join(dir, 'hard-link.fleet'), '--force'],
      ['export', file, '--csv-bom', path.join(dir, 'same-folder', 'linked.fleet'), '--force'],
    ];
    for (const args of refused) {
      const run = fleetplan(...args);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`is the file being read (it is ${file} under another name, through a link); write the output to another file`);
      expect(fs.readFileSync(file)).toEqual(before);
    }
    // A new file in the same folder, named through the folder's link, is not the fleet.
    expect(fleetplan('export', file, '--json', path.join(dir, 'same-folder', 'linked.json')).code).toBe(0);
    // Nor may an import write its fleet over the JSON it reads, through a link to it.
    const json = path.join(dir, 'linked.json');
    const text = fs.readFileSync(json, 'utf8');
    fs.symlinkSync(json, path.join(dir, 'json-link.fleet'));
    const imported = fleetplan('import', json, path.join(dir, 'json-link.fleet'), '--force');
    expect([imported.code, imported.err]).toEqual([2, expect.stringContaining(`is the file being read (it is ${json} under another name, through a link)`)]);
    expect(fs.readFileSync(json, 'utf8')).toBe(text);
  });

  it('output cut short by its reader (| head) ends quietly, without a stack trace, and leaves no working copy behind', () => {
    const file = path.join(dir, 'piped.fleet');
    // Far more JSON than a pipe holds, so the reader goes while the fleet is still being read.
    writeFleetFile(generateFleet({ placements: 20_000, seed: 3 }), file);
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    const env = { ...process.env, TMPDIR: tmp };
    const r = spawnSync('bash', ['-c', `${process.execPath} node_modules/tsx/dist/cli.mjs electron/cli/main.ts export ${file} --json - | head -c 10`], { encoding: 'utf8', env });
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js/);
    // tsx, which runs the source here, keeps its cache there too.
    expect(fs.readdirSync(tmp).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
  });

  it('--help lists every command; --version prints the version', () => {
    const help = fleetplan('--help');
    expect(help.code).toBe(0);
    for (const c of ['new', 'info', 'check', 'export', 'import']) expect(help.out).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
    expect(fleetplan('--version').out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command is bad input: exit 2, one line on stderr', () => {
    const r = fleetplan('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('check: exit 0 on a clean file, 1 with numbers and units when a limit breaks, 2 on a file that is not a fleet', () => {
    const clean = path.join(dir, 'clean.fleet');
    expect(fleetplan('new', '--sample', 'small', clean).code).toBe(0);
    const ok = fleetplan('check', clean);
    // A warning breaks no limit (the sample's lone CDU under N+1): listed, and the exit is 0.
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/: 0 errors, 1 warning\n {2}cooling counted with no spare behind it \(1\)\n {4}warning Zone AI corner in Hall 1 \(N\+1 asked, but 1 CDU leaves none to hold back\)/);
    const noSpareAsked = sampleSmall();
    noSpareAsked.halls[0]!.cooling.redundancy = 'N';
    const spareless = path.join(dir, 'spareless.json');
    fs.writeFileSync(spareless, exportFleetJson(noSpareAsked));
    expect(fleetplan('import', spareless, path.join(dir, 'spareless.fleet')).code).toBe(0);
    expect(fleetplan('check', path.join(dir, 'spareless.fleet')).out).toContain('no violations');

    const doc = sampleSmall();
    doc.halls[0]!.feedKw = 800; // load 859.2 kW
    doc.fleet.unitSystem = 'us';
    const json = path.join(dir, 'over.json');
    fs.writeFileSync(json, exportFleetJson(doc));
    const over = path.join(dir, 'over.fleet');
    expect(fleetplan('import', json, over).code).toBe(0);
    const bad = fleetplan('check', over);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/error\s+Hall 1: hall load over its power feed — value 859.2 kW, limit 800 kW, over by 59.2 kW/);
    // Grouped by rule under the registry's label, as the Problems panel lists them.
    expect(bad.out.split('\n')[1]).toBe('  hall load over its power feed (1)');
    const asJson = JSON.parse(fleetplan('check', over, '--json').out);
    expect(asJson.violations.find((v: { severity: string }) => v.severity === 'error')).toMatchObject({ rule: 'hall-power', limit: 800, unit: 'kW' });

    const notFleet = path.join(dir, 'notes.fleet');
    fs.writeFileSync(notFleet, 'these are my notes');
    const refused = fleetplan('check', notFleet);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/notes\.fleet/);
  });

  it('check lists units of one model breaking a rule alike as one line, the rule with most breaches first', () => {
    const doc = sampleSmall();
    doc.halls[0]!.feedKw = 800;
    // The CDU, the PDU and both GB200 racks over a 500 kg/m² slab: four breaches, the two racks one line.
    doc.halls[0]!.floorLimitKgPerM2 = 500;
    const json = path.join(dir, 'alike.json');
    fs.writeFileSync(json, exportFleetJson(doc));
    const file = path.join(dir, 'alike.fleet');
    expect(fleetplan('import', json, file).code).toBe(0);
    const lines = fleetplan('check', file).out.split('\n');
    // Beside the sample's one warning: its AI corner's lone CDU under N+1.
    expect(lines[0]).toMatch(/: 5 errors, 1 warning$/);
    expect(lines[1]).toBe('  floor loading over the slab limit (4)');
    expect(lines.filter((l) => l.startsWith('    error   2 alike, such as ') && l.includes('(GB200 NVL72 rack)'))).toHaveLength(1);
    expect(lines.slice(2, 5).every((l) => l.startsWith('    error   '))).toBe(true);
    expect(lines[5]).toBe('  hall load over its power feed (1)');
  });

  it('import of a fleet that breaks the model\'s rules: exit 2, one line naming each problem by the labels the user sees', () => {
    const doc = sampleSmall();
    doc.placements = doc.placements.map((p) => (p.id === 'sm-pdu01-01' ? { ...p, powerSourceId: 'sm-bw1' } : p));
    const json = path.join(dir, 'loop.json');
    fs.writeFileSync(json, exportFleetJson(doc));
    const r = fleetplan('import', json, path.join(dir, 'loop.fleet'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('breaks the fleet model\'s rules in 1 place: power sources form a loop: Busway 1 → 1.1 (Floor PDU 400 kVA) → Busway 1');
    expect(fs.existsSync(path.join(dir, 'loop.fleet'))).toBe(false);
  });

  it('optimize: the plan with how sure it is, the LP file it solved, and exit 2 on a bad option', () => {
    const campus = path.join(dir, 'campus.fleet');
    expect(fleetplan('new', '--sample', 'campus', campus).code).toBe(0);
    const lp = path.join(dir, 'campus.lp');
    const r = fleetplan('optimize', campus, '--write-lp', lp);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^.*campus\.fleet: optimal( within the 1\.0 % gap asked: proven within [\d.]+ % of the best possible)?; expected NPV \$[\d.]+ [MB] \(\d+ variables/);
    // The decision's own return beside the fleet's: the plan against keeping every hall as it is.
    expect(r.out.split('\n')[1]).toMatch(/^ {2}against keeping everything as it is \(\$[\d.]+ [MB]\): NPV −?\$[\d.]+ [MB], IRR (-?[\d.]+ %|none: .*), payback .+$/);
    // The 6 MW contract makes the plan lose against mining on: said in words (what the contract costs needs --contract-cost).
    expect(r.out.split('\n')[2]).toMatch(/^ {2}caution: This plan is worth \$[\d.]+ M less than keeping every hall as it is \(\$[\d.]+ M NPV\)\.$/);
    // What the optimizer never proposes, and why, as the app's Options ruled out before the search says it.
    // The GB200 rack: 1,360 kg over 0.6 × (1.068 + 2 × 0.5 m of service area) = 1.2408 m² is 1,096.07 kg/m².
    expect(r.out.split('\n').slice(3, 5)).toEqual([
      '  ruled out before the search: Building A (S21 XP), “Retrofit to GB200 NVL72 rack”: GB200 NVL72 rack puts 1,096 kg/m² on a slab rated for 1,000 kg/m²',
      '  ruled out before the search: Building C (S19 XP), “Retrofit to GB200 NVL72 rack”: GB200 NVL72 rack puts 1,096 kg/m² on a slab rated for 750 kg/m²',
    ]);
    expect(fs.readFileSync(lp, 'utf8')).toMatch(/^\\ Fleet Planner capacity plan/);
    const json = JSON.parse(fleetplan('optimize', campus, '--json').out);
    expect(json.plan).toMatchObject({ status: 'optimal', objective: 'expected' });
    expect(json.plan.mipGapFraction).toBeLessThanOrEqual(0.01);
    expect(json.ruledOut.map((x: { hallId: string; optionId: string }) => `${x.hallId}:${x.optionId}`)).toEqual(['wtx-a:wtx-a-ai', 'cbh-c:cbh-c-ai']);
    const bad = fleetplan('optimize', campus, '--time-limit', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('fleetplan: --time-limit: "soon" is not a positive number of seconds');
    expect(fleetplan('optimize', campus, '--time-limit', '1e999').err.trim()).toBe('fleetplan: --time-limit: "1e999" is more than an hour (3600 s)');
  });

  it('optimize --contract-cost also says what the AI contract costs; without it the run is the plan\'s search alone', () => {
    const campus = path.join(dir, 'campus-contract.fleet');
    expect(fleetplan('new', '--sample', 'campus', campus).code).toBe(0);
    const contract = (r: { out: string }) => r.out.split('\n').filter((line) => line.includes('the AI contract ('));
    expect(contract(fleetplan('optimize', campus))).toEqual([]);
    // The campus's 6 MW contract forces Building B's retrofit: the best plan without it is worth more.
    expect(contract(fleetplan('optimize', campus, '--contract-cost'))).toEqual([expect.stringMatching(/^ {2}binding: the AI contract \(6 MW from Q1 2029 to Q4 2031\) costs \$[\d,]+ of NPV, the best plan without it is worth that much more$/)]);
  });

  it('optimize --objective worst-case says in which scenario its figures by hall and period are read', () => {
    const campus = path.join(dir, 'campus-worst.fleet');
    expect(fleetplan('new', '--sample', 'campus', campus).code).toBe(0);
    expect(fleetplan('optimize', campus, '--objective', 'worst-case').out.split('\n')[1]).toBe('  figures by hall in “Bear: hashprice at the lows, GPU glut”, the scenario worst for this plan');
  });

  it('optimize --write-lp on a fleet with a year of hourly prices: Debian\'s CBC finds the plan\'s NPV in the LP file', () => {
    // The campus with a synthetic year per site, demand response and a 4CP charge, solved to a 0 gap.
    const priced = withHourlyPrices(sampleCampus());
    priced.sites = priced.sites.map((s) => ({ ...s, demandResponse: { enabled: true, creditUsdPerMwh: 40, maxCurtailmentFraction: 0.05 }, peakDemandChargeUsdPerKwMonth: 6 }));
    priced.limits = { ...priced.limits, mipGapFraction: 0 };
    const flat = { ...priced, sites: priced.sites.map((s) => ({ ...s, priceSeries: null })) };
    const cbcObjective = (lp: string) => {
      const solution = `${lp}.sol`;
      spawnSync('cbc', [lp, 'solve', 'solu', solution]);
      return Number(/^Optimal - objective value ([-\d.e+]+)/.exec(fs.readFileSync(solution, 'utf8'))![1]);
    };
    const npvs = [priced, flat].map((doc, i) => {
      const file = path.join(dir, `priced-${i}.fleet`);
      const lp = path.join(dir, `priced-${i}.lp`);
      writeFleetFile(doc, file);
      const r = fleetplan('optimize', file, '--json', '--write-lp', lp);
      expect(r.code).toBe(0);
      const { plan } = JSON.parse(r.out);
      expect(plan.status).toBe('optimal');
      const cbc = cbcObjective(lp);
      expect(Math.abs(cbc - plan.npvUsd) / Math.abs(plan.npvUsd)).toBeLessThan(1e-6);
      return cbc;
    });
    // The prices reach the model: the same fleet at its flat prices is another optimum.
    expect(Math.abs(npvs[0]! - npvs[1]!) / Math.abs(npvs[1]!)).toBeGreaterThan(1e-3);
  });

  it('optimize: a generated 80-site portfolio (125,280 variables) is built, solved and answered, and the command ends cleanly', () => {
    const file = path.join(dir, 'portfolio-80.fleet');
    writeFleetFile(referencePortfolio(7, 80), file);
    const r = fleetplan('optimize', file, '--json', '--time-limit', '1800');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { plan, stats } = JSON.parse(r.out);
    expect(stats.variables).toBe(125_280);
    // Every hall of the 80 sites gets a choice; how close the plan is depends on the machine's load, not asserted here.
    expect(plan.halls).toHaveLength(480);
    expect(['optimal', 'time-limit']).toContain(plan.status);
    expect(plan.npvUsd).toBeGreaterThan(0);
  }, 2_400_000);

  it('optimize --time-limit takes decimal numbers only: 0x10 is not 16 seconds', () => {
    const file = path.join(dir, 'time-limit.fleet');
    writeFleetFile(sampleCampus(), file);
    for (const given of ['0x10', '0b11', '0o7', 'Infinity', ' ']) {
      const r = fleetplan('optimize', file, '--time-limit', given);
      expect([r.code, r.err.trim()], given).toEqual([2, `fleetplan: --time-limit: "${given}" is not a positive number of seconds`]);
    }
  });

  it('a fleet of 2,000 price scenarios is refused as it is opened, saying how many it lists against the 50 a fleet holds', () => {
    const file = path.join(dir, 'scenarios-2000.fleet');
    writeFleetFile(withScenarios(sampleCampus(), 2000), file);
    const r = fleetplan('optimize', file, '--objective', 'worst-case');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`fleetplan: Cannot open ${file}: it breaks the fleet model's rules in 1 place: scenarios must list at most 50 (it lists 2,000)`);
  });

  it('optimize refuses a worst-case plan of 50 scenarios over 80 sites before building it, naming the scenarios it can keep', () => {
    const file = path.join(dir, 'portfolio-80-scenarios-50.fleet');
    writeFleetFile(withScenarios(referencePortfolio(1, 80), 50), file);
    const r = fleetplan('optimize', file, '--objective', 'worst-case', '--json');
    expect(r.code).not.toBe(0);
    expect(JSON.parse(r.out).error).toMatch(/^The model needs about [\d.]+ GB of solver memory \(at least [\d,]+ nonzeros for 4,320 retrofit options over 12 periods and 50 scenarios at about 850 bytes each, .*: keep at most \d+ of the 50 price scenarios \(a worst-case plan adds a row for each\)/);
  }, 600_000);

  it('optimize --apply writes the fleet with the plan laid out, which the check passes, and never writes over the fleet read', () => {
    const campus = path.join(dir, 'campus-apply.fleet');
    expect(fleetplan('new', '--sample', 'campus', campus).code).toBe(0);
    const before = fs.readFileSync(campus);
    const out = path.join(dir, 'campus-applied.fleet');
    const r = fleetplan('optimize', campus, '--apply', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/applied to \d+ halls? in .*campus-applied\.fleet: every limit holds/);
    // What it did to Building B, read out: its 120-rack mining bay goes, GB200 racks and CDUs come, its cooling turns over.
    expect(r.out).toMatch(/\n {4}Building B \(AI retrofit, phase 1\): takes out 120 × Shelf rack, 20 × Antminer S21 XP · .*; puts in \d+ × GB200 NVL72 rack · .*Row-end CDU.*; cooling free-air → direct-to-chip; .*its 2 cooling zones become one\n/);
    expect(fs.readFileSync(campus).equals(before)).toBe(true);
    const check = fleetplan('check', out, '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).violations.filter((v: { severity: string }) => v.severity === 'error')).toEqual([]);
    expect(fleetplan('optimize', campus, '--apply', campus).err).toContain('is the file being read');
    expect(fleetplan('optimize', campus, '--apply', out).err).toContain('already exists');
    expect(fleetplan('optimize', campus, '--apply', path.join(dir, 'x.json')).err).toContain('a fleet is written as a .fleet file');
  });

  it('import --csv-catalog merges a catalog into a fleet; a CSV with a bad cell exits 2 naming it and leaves the file byte-identical', () => {
    const file = path.join(dir, 'catalog.fleet');
    expect(fleetplan('new', '--sample', 'small', file).code).toBe(0);
    const s21 = sampleSmall().models.find((m) => m.id === 'rack-s21xp')!;

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, catalogToCsv([{ ...s21, id: 'user-x', powerKw: -1 }]));
    const before = fs.readFileSync(file);
    const refused = fleetplan('import', '--csv-catalog', bad, file);
    expect(refused.code).toBe(2);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/bad\.csv line 2, column [A-Z]+ \(powerKw\): "-1" must be at least 0/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    // A sheet that makes the floor PDU a miner, under the busway and CDU it feeds, is refused as the app refuses the
    // edit: the file it would write could not be opened.
    const pdu = sampleSmall().models.find((m) => m.id === 'pdu-400')!;
    const rekind = path.join(dir, 'rekind.csv');
    fs.writeFileSync(rekind, catalogToCsv([{ ...pdu, kind: 'asic-miner' }]));
    const broken = fleetplan('import', '--csv-catalog', rekind, file);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/Cannot import .*rekind\.csv into .*catalog\.fleet: it would leave \d+ problems?, and .* is left as it was/);
    expect(broken.err).toMatch(/is an asic-miner, not a PDU, busway/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fleetplan('info', file).code).toBe(0);

    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, catalogToCsv([{ ...s21, id: 'user-x', name: 'Quoted rack' }, { ...s21, powerKw: 75 }]));
    const merged = fleetplan('import', '--csv-catalog', good, file);
    expect(merged.err).toBe('');
    expect(merged.out).toContain('1 model added, 1 updated, 0 unchanged');
    const exported = path.join(dir, 'after.csv');
    expect(fleetplan('export', file, '--csv-catalog', exported).code).toBe(0);
    const models = catalogFromCsv(fs.readFileSync(exported, 'utf8'), 'after.csv');
    expect(models.find((m) => m.id === 'user-x')!.name).toBe('Quoted rack');
    expect(models.find((m) => m.id === 'rack-s21xp')!.powerKw).toBe(75);
  });
});

/** `doc` with `count` price scenarios, copies of its own, equally likely. */
function withScenarios<D extends { scenarios: { id: string; name: string; probability: number }[] }>(doc: D, count: number): D {
  const own = doc.scenarios;
  return { ...doc, scenarios: Array.from({ length: count }, (_, i) => ({ ...own[i % own.length]!, id: `s${i}`, name: `Scenario ${i + 1}`, probability: 1 / count })) };
}
