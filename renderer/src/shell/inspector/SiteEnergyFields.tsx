/**
 * A site's energy in its inspector: demand response, the peak-demand charge, the price
 * series (imported from a CSV, two columns or an ERCOT export with its settlement point
 * picked; refused whole, line by line, when anything in it is wrong) and what the prices
 * mean for the site's miners and AI.
 */
import { useState } from 'react';
import { CEILING, MAX_HEDGES, type Hedge, type Site } from '../../../../shared/model/schema';
import { ercotSettlementPoints, importErcotCsv, importTwoColumnCsv, type ImportResult } from '../../../../shared/energy/price-series';
import { siteEnergyReport, type SiteEnergyReport } from '../../../../shared/energy/site-report';
import { formatUsd, periodLabel } from '../../../../shared/units';
import { useFleet } from '../../state/store';
import { roundTicks } from '../../charts/ticks';
import { ChoiceField, NumberField } from '../fields';

interface Pending {
  fileName: string;
  text: string;
  points: string[];
}

export function SiteEnergyFields({ site, set }: { site: Site; set: (patch: Partial<Site>, what: string) => void }) {
  const doc = useFleet((s) => s.document!.doc);
  const [pending, setPending] = useState<Pending | null>(null);
  const [point, setPoint] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const finish = (result: ImportResult) => {
    if (!result.ok) return setErrors(result.errors);
    setErrors([]);
    setPending(null);
    set({ priceSeries: result.series }, 'price series');
  };
  const readFile = async (file: File) => {
    const text = await file.text();
    const points = ercotSettlementPoints(text);
    if (!points.length) return finish(importTwoColumnCsv(text, file.name));
    setPending({ fileName: file.name, text, points });
    setPoint(points[0]!);
    setErrors([]);
  };
  const dr = site.demandResponse;
  const series = site.priceSeries;
  return (
    <div className="site-energy" data-testid="site-energy">
      <h4>Energy</h4>
      <label className="field">
        <span>Demand response</span>
        <input type="checkbox" checked={dr.enabled} data-testid="site-dr-enabled" onChange={(e) => set({ demandResponse: { ...dr, enabled: e.target.checked } }, 'demand response')} />
      </label>
      {dr.enabled && (
        <div className="field-pair">
          <NumberField label="Credit" testId="site-dr-credit" unitLabel="$/MWh" digits={2} value={dr.creditUsdPerMwh} min={0} max={CEILING.priceUsdPerMwh} onCommit={(creditUsdPerMwh) => set({ demandResponse: { ...dr, creditUsdPerMwh } }, 'demand-response credit')} />
          <NumberField label="Largest curtailed share" testId="site-dr-share" unitLabel="%" digits={1} value={dr.maxCurtailmentFraction * 100} min={0} max={100} onCommit={(pct) => set({ demandResponse: { ...dr, maxCurtailmentFraction: pct / 100 } }, 'curtailed share')} />
        </div>
      )}
      <NumberField label="Peak-demand charge (4CP)" testId="site-peak-charge" unitLabel="$/kW-month" digits={2} value={site.peakDemandChargeUsdPerKwMonth} min={0} max={CEILING.peakChargeUsdPerKwMonth} onCommit={(peakDemandChargeUsdPerKwMonth) => set({ peakDemandChargeUsdPerKwMonth }, 'peak-demand charge')} />
      <Hedges site={site} set={set} />
      <p className="muted" data-testid="site-price-series">
        {series ? `Prices: ${series.source}, ${series.pricesUsdPerMwh.length.toLocaleString('en-US')} intervals of ${series.intervalMinutes} min from ${series.start.replace('T', ' ')}` : 'Prices: the flat price, every hour'}
      </p>
      <label className="field">
        <span>Import prices (CSV)</span>
        <input type="file" accept=".csv,text/csv" data-testid="site-price-import" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void readFile(f); }} />
      </label>
      {pending && (
        <div data-testid="site-price-point">
          <ChoiceField label="Settlement point" testId="site-price-point-choice" value={point} choices={pending.points.map((p) => ({ value: p, label: p }))} onCommit={setPoint} />
          <button type="button" data-testid="site-price-point-import" onClick={() => finish(importErcotCsv(pending.text, pending.fileName, point))}>Import {point}</button>
        </div>
      )}
      {errors.length > 0 && (
        <ul className="error" role="alert" data-testid="site-price-errors">
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      {series && <button type="button" className="link" data-testid="site-price-flat" onClick={() => set({ priceSeries: null }, 'flat power price')}>Use the flat price instead</button>}
      <EnergyReport report={siteEnergyReport(doc, site.id)} fleet={doc.fleet} />
    </div>
  );
}

function EnergyReport({ report, fleet }: { report: SiteEnergyReport | null; fleet: Parameters<typeof periodLabel>[0] }) {
  if (!report) return null;
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)} %`);
  const perMwh = (v: number | null) => (v === null ? '—' : `$${v.toFixed(2)}`);
  return (
    <>
      <PriceDurationChart report={report} />
      <div className="energy-table">
        <table className="plan-table" data-testid="site-energy-periods">
          <caption>{report.scenario} scenario, per MW of IT</caption>
          <thead><tr><th>Period</th><th>Mining uptime</th><th>DR credits</th><th>Mining $/MWh</th><th>AI $/MWh</th></tr></thead>
          <tbody>
            {report.periods.map((p) => (
              <tr key={p.period}>
                <td>{periodLabel(fleet, p.period)}</td>
                <td>{pct(p.miningUptimeFraction)}</td>
                <td>{formatUsd(p.curtailmentCreditUsdPerMw)}</td>
                <td>{perMwh(p.miningUsdPerMwh)}</td>
                <td>{perMwh(p.aiUsdPerMwh)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Prices from the dearest hour to the cheapest, with the price each mining option stops at as a line across. */
function PriceDurationChart({ report }: { report: SiteEnergyReport }) {
  const W = 250;
  const H = 150;
  const pad = 34;
  const curve = report.durationCurveUsdPerMwh;
  const breakevens = report.breakevens.map((b) => b.usdPerMwh);
  const low = Math.min(0, ...curve);
  const ticks = roundTicks(Math.max(...curve, ...breakevens, 1) - low);
  const y = (v: number) => H - pad - ((v - low) / ticks.top) * (H - pad * 1.5);
  const points = (curve.length > 1 ? curve : [curve[0]!, curve[0]!]).map((v, i, all) => `${pad + (i / (all.length - 1)) * (W - pad * 1.5)},${y(v)}`).join(' ');
  return (
    <svg width={W} height={H} role="img" aria-label="Price duration curve" data-testid="chart-price-duration">
      {ticks.values.map((t) => (
        <g key={t}>
          <line x1={pad} x2={W - pad / 2} y1={y(t + low)} y2={y(t + low)} stroke="currentColor" strokeOpacity={0.15} />
          <text x={pad - 3} y={y(t + low) + 3} fontSize={9} textAnchor="end" fill="currentColor">{(t + low).toFixed(ticks.digits)}</text>
        </g>
      ))}
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
      {report.breakevens.map((b) => (
        <g key={`${b.hall}:${b.option}`} data-testid="chart-breakeven">
          <line x1={pad} x2={W - pad / 2} y1={y(b.usdPerMwh)} y2={y(b.usdPerMwh)} stroke="#d08c00" strokeDasharray="4 3" />
          <title>{`${b.hall}, ${b.option}: stops above $${b.usdPerMwh.toFixed(2)}/MWh`}</title>
        </g>
      ))}
      <text x={pad} y={11} fontSize={10} fill="currentColor">$/MWh, dearest hour to cheapest</text>
    </svg>
  );
}

/** Fixed-price blocks the site has bought: each MW at its $/MWh every hour, settled against the site's prices. */
function Hedges({ site, set }: { site: Site; set: (patch: Partial<Site>, what: string) => void }) {
  const hedges = site.hedges;
  const change = (i: number, patch: Partial<Hedge>) => set({ hedges: hedges.map((h, j) => (j === i ? { ...h, ...patch } : h)) }, 'hedge');
  return (
    <div data-testid="site-hedges">
      {hedges.map((h, i) => (
        <div className="field-pair" key={i}>
          <NumberField label={`Hedge ${i + 1}`} testId={`site-hedge-mw-${i}`} unitLabel="MW" digits={2} value={h.mw} min={0} max={CEILING.powerMw} onCommit={(mw) => change(i, { mw })} />
          <NumberField label="at" testId={`site-hedge-price-${i}`} unitLabel="$/MWh" digits={2} value={h.priceUsdPerMwh} min={-CEILING.seriesPriceUsdPerMwh} max={CEILING.seriesPriceUsdPerMwh} onCommit={(priceUsdPerMwh) => change(i, { priceUsdPerMwh })} />
          <button type="button" className="link" aria-label={`Remove hedge ${i + 1}`} data-testid={`site-hedge-remove-${i}`} onClick={() => set({ hedges: hedges.filter((_, j) => j !== i) }, 'hedge removed')}>×</button>
        </div>
      ))}
      {hedges.length < MAX_HEDGES && (
        <button type="button" className="link" data-testid="site-hedge-add" onClick={() => set({ hedges: [...hedges, { mw: 1, priceUsdPerMwh: site.powerPriceUsdPerMwh }] }, 'hedge added')}>+ Add a fixed-price hedge</button>
      )}
    </div>
  );
}
