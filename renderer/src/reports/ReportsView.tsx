/** The fleet summary: per site, MW by use, hashrate, GPUs, PUE and revenue mix, with charts to export. */
import { useMemo, useRef } from 'react';
import { siteSummaries } from '../../../shared/reports/site-summary';
import { formatHashrate } from '../../../shared/model/totals';
import { formatUsd } from '../../../shared/units';
import { describePlanStatus, objectiveLabel } from '../../../shared/optimizer/describe';
import { exportPng, exportSvg } from '../charts/export';
import { MwByUseChart } from '../optimizer/charts';
import { useFleet } from '../state/store';

function ChartExport({ target, name }: { target: React.RefObject<HTMLDivElement | null>; name: string }) {
  const svg = () => target.current?.querySelector('svg') ?? null;
  return (
    <span className="chart-export">
      <button onClick={() => { const s = svg(); if (s) exportSvg(s, name); }} data-testid={`export-svg-${name}`}>SVG</button>
      <button onClick={() => { const s = svg(); if (s) void exportPng(s, name); }} data-testid={`export-png-${name}`}>PNG</button>
    </span>
  );
}

export function ReportsView() {
  const doc = useFleet((s) => s.document?.doc);
  const rows = useMemo(() => (doc ? siteSummaries(doc) : []), [doc]);
  const mixRef = useRef<HTMLDivElement>(null);
  const planRef = useRef<HTMLDivElement>(null);
  if (!doc) return null;
  const plan = doc.plans.filter((p) => p.status !== 'infeasible').at(-1);
  const max = Math.max(1e-9, ...rows.map((r) => r.miningMw + r.aiMw));
  return (
    <section className="optimizer" aria-label="Fleet summary" data-testid="reports">
      <h2>Fleet summary</h2>
      <table className="plan-table" data-testid="site-summary">
        <thead>
          <tr><th>Site</th><th>Mining MW</th><th>AI MW</th><th>Hashrate</th><th>GPUs</th><th>PUE</th><th>Revenue per period (mining / AI)</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.siteId}>
              <td>{r.name}</td>
              <td>{r.miningMw.toFixed(2)}</td>
              <td>{r.aiMw.toFixed(2)}</td>
              <td>{formatHashrate(r.hashrateThs)}</td>
              <td>{r.gpus.toLocaleString('en-US')}</td>
              <td>{r.pue.toFixed(2)}</td>
              <td>{formatUsd(r.miningRevenueUsdPerPeriod)} / {formatUsd(r.aiRevenueUsdPerPeriod)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>IT MW by use per site <ChartExport target={mixRef} name="mw-by-site" /></h3>
      <div ref={mixRef}>
        <svg width={560} height={30 + rows.length * 26} role="img" aria-label="IT MW by use per site">
          {rows.map((r, i) => (
            <g key={r.siteId} transform={`translate(0, ${10 + i * 26})`}>
              <text x={0} y={14} fontSize={11} fill="currentColor">{r.name.slice(0, 24)}</text>
              <rect x={170} y={2} width={(r.miningMw / max) * 360} height={16} fill="#e0a030" />
              <rect x={170 + (r.miningMw / max) * 360} y={2} width={(r.aiMw / max) * 360} height={16} fill="#3f9d5b" />
            </g>
          ))}
        </svg>
      </div>
      {plan && (
        <>
          <h3>Allocation over time ({plan.name}) <ChartExport target={planRef} name="allocation" /></h3>
          <p className="muted" data-testid="report-plan-status">{objectiveLabel(plan.objective)} {formatUsd(plan.npvUsd)}; {describePlanStatus(plan)}</p>
          <div ref={planRef}><MwByUseChart periods={plan.periods} /></div>
        </>
      )}
    </section>
  );
}
