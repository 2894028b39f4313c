import { readFileSync } from 'fs';
import { loadHighs } from '../electron/backend/optimizer/highs-solver';
async function main() {
  const solve = await loadHighs();
  const lp = readFileSync('/tmp/opt/ref.lp', 'utf8');
  const halls = JSON.parse(readFileSync('/tmp/opt/halls.json', 'utf8')) as { hi: number; site: string }[];
  const sites = [...new Set(halls.map((h) => h.site))];
  const siteOf = new Map(halls.map((h) => [h.hi, sites.indexOf(h.site)]));
  const blockOf = (name: string) => { const m = /^[kxuyz]_(\d+)(?:_|$)/.exec(name); return m ? siteOf.get(Number(m[1]))! : null; };
  const choices = (JSON.parse(readFileSync('/tmp/opt/choices.json', 'utf8')) as string[][]).map((h) => h.map((c) => {
    const p = c.split('_'); return p[0] === 'k' ? { column: c, option: null, period: null } : { column: c, option: Number(p[2]), period: Number(p[3]) };
  }));
  const tl = Number(process.argv[2] ?? 60); const gap = Number(process.argv[3] ?? 0.001); const stopAt = Number(process.argv[4] ?? Infinity);
  const t0 = Date.now();
  const sol = solve(lp, { timeLimitS: tl, mipGap: gap, choices, blockOf, stopRequested: () => (Date.now() - t0) / 1000 > stopAt,
    onProgress: (p) => console.log(((Date.now() - t0) / 1000).toFixed(1), JSON.stringify(p)) } as any);
  console.log('END', ((Date.now() - t0) / 1000).toFixed(1), sol.Status, sol.ObjectiveValue, sol.MipGap);
}
main();
