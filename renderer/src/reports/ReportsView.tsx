/** The fleet summary: per site, MW by use, hashrate, GPUs, PUE and revenue mix, with charts to export. */
import { useMemo, useRef } from 'react';
import { scenarioShares, siteSummaries, type SiteSummary } from '../../../shared/reports/site-summary';
import { formatHashrate } from '../../../shared/model/totals';
import { formatUsd, periodName } from '../../../shared/units';
import { describePlanStatus, objectiveLabel } from '../../../shared/optimizer/describe';
import { exportPng, exportSvg } from '../charts/export';
import { USE_COLOURS } from '../charts/use-colours';
import { MwByUseChart, UseLegend } from '../optimizer/charts';
import { useFleet } from '../state/store';
import { largest } from '../../../shared/arrays';

/** Longest bar of the site chart, px; the rest of the width holds names and values. */
const BAR_PX = 360;

function ChartExport({ target, name }: { target: React.RefObject<HTMLDivElement | null>; name: string }) {
  const svg = () => target.current?.querySelector('svg') ?? null;
  return (
    <span className="chart-export">
      <button onClick={() => { const s = svg(); if (s) exportSvg(s, name); }} data-testid={`export-svg-${name}`}>SVG</button>
      <button onClick={() => { const s = svg(); if (s) void exportPng(s, name); }} data-testid={`export-png-${name}`}>PNG</button>
    </span>
  );
}

function SummaryRow({ row }: { row: SiteSummary }) {
  return (
    <tr>
      <td>{row.name}</td>
      <td>{row.miningMw.toFixed(2)}</td>
      <td>{row.aiMw.toFixed(2)}</td>
      <td>{formatHashrate(row.hashrateThs)}</td>
      <td>{row.gpus.toLocaleString('en-US')}</td>
      {/* Nothing running has no PUE to speak of. */}
      <td>{row.pue === null ? '—' : row.pue.toFixed(2)}</td>
      <td>{formatUsd(row.miningRevenueUsdPerPeriod)} / {formatUsd(row.aiRevenueUsdPerPeriod)}</td>
    </tr>
  );
}

export function ReportsView() {
  const doc = useFleet((s) => s.document?.doc);
  const summary = useMemo(() => (doc ? siteSummaries(doc) : null), [doc]);
  const rows = summary?.sites ?? [];
  const mixRef = useRef<HTMLDivElement>(null);
  const planRef = useRef<HTMLDivElement>(null);
  if (!doc) return null;
  const plan = doc.plans.filter((p) => p.status !== 'infeasible').at(-1);
  const { probabilityTotal } = scenarioShares(doc);
  const max = Math.max(1e-9, largest(rows.map((r) => r.miningMw + r.aiMw)));
  return (
    <section className="optimizer" aria-label="Fleet summary" data-testid="reports">
      <h2>Fleet summary</h2>
      <table className="plan-table figures" data-testid="site-summary">
        <thead>
          <tr><th>Site</th><th>Mining MW</th><th>AI MW</th><th>Hashrate</th><th>GPUs</th><th>PUE</th><th>Revenue per {periodName(doc.fleet.periodMonths)} (mining / AI)</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => <SummaryRow key={r.siteId} row={r} />)}
        </tbody>
        {summary && rows.length > 1 && (
          <tfoot data-testid="site-summary-total">
            <SummaryRow row={summary.fleet} />
          </tfoot>
        )}
      </table>
      {Math.abs(probabilityTotal - 1) > 1e-6 && doc.scenarios.length > 0 && (
        <p className="warning" role="note" data-testid="report-probability-note">
          The scenario probabilities add up to {(probabilityTotal * 100).toFixed(1)} %: revenue weighs the scenarios by them scaled to 100 %. Set them in the optimizer's Scenarios and limits.
        </p>
      )}
      <h3>IT MW by use per site <ChartExport target={mixRef} name="mw-by-site" /></h3>
      <div ref={mixRef}>
        <svg width={640} height={34 + rows.length * 26} role="img" aria-label="IT MW by use per site">
          <UseLegend x={200} y={14} />
          {rows.map((r, i) => (
            <g key={r.siteId} transform={`translate(0, ${24 + i * 26})`}>
              <title>{`${r.name}: ${r.miningMw.toFixed(2)} MW mining, ${r.aiMw.toFixed(2)} MW AI`}</title>
              <text x={0} y={14} fontSize={11} fill="currentColor">{r.name.length > 30 ? `${r.name.slice(0, 29)}…` : r.name}</text>
              <rect x={200} y={2} width={(r.miningMw / max) * BAR_PX} height={16} fill={USE_COLOURS.mining} />
              <rect x={200 + (r.miningMw / max) * BAR_PX} y={2} width={(r.aiMw / max) * BAR_PX} height={16} fill={USE_COLOURS.ai} />
              <text x={206 + ((r.miningMw + r.aiMw) / max) * BAR_PX} y={14} fontSize={10} fill="currentColor">{(r.miningMw + r.aiMw).toFixed(1)} MW</text>
            </g>
          ))}
        </svg>
      </div>
      {plan && (
        <>
          <h3>Allocation over time ({plan.name}) <ChartExport target={planRef} name="allocation" /></h3>
          <p className="muted" data-testid="report-plan-status">{objectiveLabel(plan.objective)} {formatUsd(plan.npvUsd)}; {describePlanStatus(plan)}</p>
          <div ref={planRef}><MwByUseChart periods={plan.periods} fleet={doc.fleet} /></div>
        </>
      )}
    </section>
  );
}
