/**
 * `fleetplan export --json` of 100,000 and 500,000 placements as a user runs it (a new
 * process, the file read and the JSON written), beside the CLI's own open of the same
 * file in the same run (`fleetplan info`, which reads it the same way), and its peak
 * memory beside the output's size and beside what any run of the CLI takes before it does
 * any work (`fleetplan --version`; Node alone, `node -e 0`, beside that).
 * Goals: 1 s at 100k and 5 s at 500k; peak memory under twice the output.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFleetFile } from '../../db/fleet-file';
import { generateFleet } from '../../shared/samples';
import { report, time } from './measure';

const CLI = path.resolve('dist/cli/fleetplan.cjs');
const MB = 1e6;

/** Runs `node -e script args…` in a new process that reports its peak resident memory on its way out. */
function peakOf(script: string, args: string[]): { ms: number; peakBytes: number } {
  const probe = `process.on('exit', () => process.stderr.write('peak-rss ' + process.resourceUsage().maxRSS + '\\n')); ${script}`;
  let stderr = '';
  const ms = time(() => {
    // After "--" every argument is the script's, even one Node knows (--version).
    const r = spawnSync(process.execPath, ['-e', probe, '--', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
    stderr = r.stderr;
  });
  return { ms, peakBytes: Number(/peak-rss (\d+)/.exec(stderr)?.[1]) * 1024 };
}

function fleetplan(...args: string[]): { ms: number; peakBytes: number } {
  return peakOf(`process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...process.argv.slice(1)]; require(${JSON.stringify(CLI)});`, args);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-export-'));
try {
  const node = peakOf('', []).peakBytes;
  const started = fleetplan('--version').peakBytes;
  report({ bench: 'export', figure: 'fleetplan --version: peak resident memory, the CLI loaded and nothing done', value: started / MB, unit: 'MB', reference: 'Node alone (node -e "")', referenceValue: node / MB, goal: 'what every command starts from (no goal)', pass: true });
  for (const [placements, goalMs] of [[100_000, 1000], [500_000, 5000]] as const) {
    const file = path.join(dir, `f${placements}.fleet`);
    const out = path.join(dir, `f${placements}.json`);
    // A site per 50,000 placements keeps each interconnect within the model's ceiling.
    writeFleetFile(generateFleet({ placements, seed: 1, sites: placements / 50_000 }), file);
    const open = fleetplan('info', file);
    const exported = fleetplan('export', file, '--json', out, '--force');
    const outBytes = fs.statSync(out).size;
    const count = placements.toLocaleString('en-US');
    report({ bench: 'export', figure: `fleetplan export --json, ${count} placements (${(outBytes / MB).toFixed(1)} MB)`, value: exported.ms, unit: 'ms', reference: 'fleetplan info on the same file (reads it the same way)', referenceValue: open.ms, goal: `under ${goalMs} ms`, pass: exported.ms <= goalMs });
    report({
      bench: 'export',
      figure: `fleetplan export --json, ${count} placements: peak resident memory (fleetplan --version: ${(started / MB).toFixed(1)} MB, Node alone: ${(node / MB).toFixed(1)} MB)`,
      value: exported.peakBytes / MB,
      unit: 'MB',
      reference: 'the JSON written',
      referenceValue: outBytes / MB,
      goal: 'under twice the output',
      pass: exported.peakBytes < 2 * outBytes,
    });
    report({ bench: 'export', figure: `fleetplan export --json, ${count} placements: peak above fleetplan --version's`, value: (exported.peakBytes - started) / MB, unit: 'MB', reference: 'the JSON written', referenceValue: outBytes / MB, goal: 'what the export itself adds (no goal)', pass: true });
    fs.rmSync(file);
    fs.rmSync(out);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
