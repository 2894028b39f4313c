// `npm test`: builds once, runs every suite (vitest: unit + integration; Playwright:
// browser build in Chromium, and the Electron specs where the binary exists), and
// sums them into one closing line `N passed, N failed[, N skipped]`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const suites = [];

if (run('build', 'npm', ['run', '-s', 'build']) !== 0) {
  console.log('\nbuild failed: no suite ran');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestExit = run('vitest (unit + integration)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
const v = readJson(vitestJson);
suites.push(
  v
    ? { name: 'vitest', passed: v.numPassedTests, failed: v.numFailedTests + (v.numRuntimeErrorTestSuites ?? 0), skipped: v.numPendingTests + v.numTodoTests }
    : { name: 'vitest', passed: 0, failed: 1, skipped: 0, note: `no report (exit ${vitestExit})` },
);

const playwrightJson = path.join(results, 'playwright.json');
fs.rmSync(playwrightJson, { force: true });
const playwrightExit = run('playwright (browser build in Chromium; Electron specs)', 'npx', ['playwright', 'test']);
const p = readJson(playwrightJson);
suites.push(
  p
    ? { name: 'playwright', passed: p.stats.expected + p.stats.flaky, failed: p.stats.unexpected + (p.errors?.length ?? 0), skipped: p.stats.skipped }
    : { name: 'playwright', passed: 0, failed: 1, skipped: 0, note: `no report (exit ${playwrightExit})` },
);

// Electronegativity with the reviewed exceptions: one check, passed or failed.
const securityExit = run('lint:security (Electronegativity)', 'npm', ['run', '-s', 'lint:security']);
suites.push({ name: 'lint:security', passed: securityExit === 0 ? 1 : 0, failed: securityExit === 0 ? 0 : 1, skipped: 0 });

console.log('\n=== summary');
for (const s of suites) console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.note ? ` (${s.note})` : ''}`);
const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || vitestExit !== 0 || playwrightExit !== 0 ? 1 : 0);
