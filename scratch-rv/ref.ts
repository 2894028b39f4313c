import highsLoader from 'highs';
import { readFileSync } from 'fs';
import { siteBound } from '../electron/backend/optimizer/site-bound';
async function main() {
  const highs = await highsLoader();
  const halls = JSON.parse(readFileSync('/tmp/opt/halls.json', 'utf8')) as { hi: number; site: string }[];
  const sites = [...new Set(halls.map((h) => h.site))];
  const siteOf = new Map(halls.map((h) => [h.hi, sites.indexOf(h.site)]));
  const blockOf = (name: string) => { const m = /^[kxuyz]_(\d+)(?:_|$)/.exec(name); return m ? siteOf.get(Number(m[1]))! : null; };
  const m = highs.createModel({ format: 'lp', data: readFileSync(process.argv[2] ?? '/tmp/opt/ref.lp', 'utf8') });
  m.options.set({ output_flag: false });
  const { integrality } = m.getModel();
  m.clearIntegrality(); m.run({});
  const lp = m.getObjectiveValue();
  const { colValue, rowDual } = m.getSolution();
  m.changeColsIntegrality({ kind: 'range', from: 0, to: integrality.length - 1 }, integrality);
  for (const tl of [Number(process.argv[3] ?? 60), 0.05]) {
    const t0 = Date.now();
    const b = siteBound(highs, { model: m, colValue: Float64Array.from(colValue), rowDual: Float64Array.from(rowDual), blockOf, timeLimitS: tl });
    console.log({ tl, lp, b, ms: Date.now() - t0, rel: b === null ? null : (lp - b) / lp });
  }
  // flip dual signs: should give a worse but still valid or null bound
  const b2 = siteBound(highs, { model: m, colValue: Float64Array.from(colValue), rowDual: Float64Array.from(rowDual, (y) => -y), blockOf, timeLimitS: 5 });
  console.log('flipped', b2);
  const b3 = siteBound(highs, { model: m, colValue: Float64Array.from(colValue), rowDual: new Float64Array(rowDual.length), blockOf, timeLimitS: 5 });
  console.log('zero duals', b3);
}
main();
