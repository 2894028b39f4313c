// `npm run lint:security`: Electronegativity over electron/, failing on any high or
// medium finding not justified in build/electronegativity-exceptions.json, and on any
// exception that no longer matches (Electronegativity skips files it cannot parse, so a
// vanished finding may mean a file went unread).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const SEVERITIES = new Set(['LOW', 'MEDIUM', 'HIGH', 'INFORMATIONAL']);
/** A row as the report writes one: a check's id in capitals, a known severity. */
const wellFormed = (r) => /^[A-Z][A-Z0-9_]+$/.test(r.issue ?? '') && SEVERITIES.has(r.severity);

/** One run's findings, or null when it wrote no report or one whose rows are cut or run together (seen once, under load). */
function findings() {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'findings.csv');
  // Run under this Node with the preload that keeps its failed offline download from ending it mid-report.
  const run = spawnSync(process.execPath, ['--require', path.join(root, 'build', 'electronegativity-offline.cjs'), bin, '-i', path.join(root, 'electron'), '-o', out, '-r', '-e', '45.0.0'], { encoding: 'utf8' });
  if (!fs.existsSync(out)) {
    console.error(`electronegativity produced no report (exit ${run.status}): ${run.stderr}`);
    return null;
  }
  const rows = fs
    .readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [issue, severity, , filename] = line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.trim().replace(/^"|"$/g, ''));
      return { issue, severity, filename };
    });
  const broken = rows.filter((r) => !wellFormed(r));
  if (broken.length) console.error(`electronegativity wrote ${broken.length} unreadable report rows (${JSON.stringify(broken[0])}); running it again`);
  return broken.length ? null : rows;
}

const ATTEMPTS = 3;
let rows = null;
for (let i = 0; i < ATTEMPTS && !rows; i++) rows = findings();
if (!rows) {
  console.error(`electronegativity gave no readable report in ${ATTEMPTS} runs`);
  process.exit(1);
}
const { exceptions } = JSON.parse(fs.readFileSync(path.join(root, 'build', 'electronegativity-exceptions.json'), 'utf8'));
const excused = (r) => exceptions.some((e) => e.issue === r.issue && e.filename === r.filename);
const serious = rows.filter((r) => (r.severity === 'HIGH' || r.severity === 'MEDIUM') && !excused(r));
const stale = exceptions.filter((e) => !rows.some((r) => r.issue === e.issue && r.filename === e.filename));
for (const r of rows) console.log(`${excused(r) ? 'excused' : r.severity.toLowerCase()}: ${r.issue} in ${r.filename}`);
for (const e of stale) console.log(`stale exception: ${e.issue} in ${e.filename} is no longer reported (was the file parsed?)`);
console.log(`electronegativity: ${rows.length} findings, ${serious.length} unjustified high/medium, ${stale.length} stale exceptions`);
process.exit(serious.length || stale.length ? 1 : 0);
