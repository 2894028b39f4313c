/**
 * `fleetplan export --json` of 100,000 and 500,000 placements as a user runs it (a new
 * process, the file read and the JSON written), beside the CLI's own open of the same
 * file in the same run (`fleetplan info`, which reads it the same way), and its peak
 * memory beside the output's size.
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
/** Runs the CLI in a new process that reports its peak resident memory on its way out. */
function fleetplan(...args: string[]): { ms: number; peakBytes: number } {
  const probe = `process.on('exit', () => process.stderr.write('peak-rss ' + process.resourceUsage().maxRSS + '\\n')); process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...process.argv.slice(1)]; require(${JSON.stringify(CLI)});`;
  let stderr = '';
  const ms = time(() => {
    const r = spawnSync(process.execPath, ['-e', probe, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`fleetplan ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
    stderr = r.stderr;
  });
  return { ms, peakBytes: Number(/peak-rss (\d+)/.exec(stderr)?.[1]) * 1024 };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-export-'));
try {
  for (const [placements, goalMs] of [[100_000, 1000], [500_000, 5000]] as const) {
    const file = path.join(dir, `f${placements}.fleet`);
    const out = path.join(dir, `f${placements}.json`);
    // A site per 50,000 placements keeps each interconnect within the model's ceiling.
    writeFleetFile(generateFleet({ placements, seed: 1, sites: placements / 50_000 }), file);
    const open = fleetplan('info', file);
    const exported = fleetplan('export', file, '--json', out, '--force');
    const outBytes = fs.statSync(out).size;
    report({ bench: 'export', figure: `fleetplan export --json, ${placements.toLocaleString('en-US')} placements (${(outBytes / 1e6).toFixed(1)} MB)`, value: exported.ms, unit: 'ms', reference: 'fleetplan info on the same file (reads it the same way)', referenceValue: open.ms, goal: `under ${goalMs} ms`, pass: exported.ms <= goalMs });
    report({ bench: 'export', figure: `fleetplan export --json, ${placements.toLocaleString('en-US')} placements: peak resident memory`, value: exported.peakBytes / 1e6, unit: 'MB', reference: 'the JSON written', referenceValue: outBytes / 1e6, goal: 'under twice the output', pass: exported.peakBytes < 2 * outBytes });
    fs.rmSync(file);
    fs.rmSync(out);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
