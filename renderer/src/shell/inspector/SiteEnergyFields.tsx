/**
 * A site's energy in its inspector: demand response, the peak-demand charge, the price
 * series (imported from a CSV, two columns or an ERCOT export with its settlement point
 * picked; refused whole, line by line, when anything in it is wrong) and what the prices
 * mean for the site's miners and AI.
 */
import { useMemo, useState } from 'react';
import { CEILING, MAX_HEDGES, type Hedge, type Site } from '../../../../shared/model/schema';
import { importTwoColumnCsv, MAX_PRICE_FILE_BYTES, type ImportResult } from '../../../../shared/energy/price-series';
import { ercotSettlementPoints, importErcotCsv } from '../../../../shared/energy/ercot-prices';
import { siteEnergyReport, standingUnits, type Breakeven, type SiteEnergyReport } from '../../../../shared/energy/site-report';
import { formatUsd, periodLabel } from '../../../../shared/units';
import { useFleet } from '../../state/store';
import { roundTicks } from '../../charts/ticks';
import { durationAxisTop } from '../../charts/duration';
import { ChoiceField, NumberField } from '../fields';
import { largest, smallest } from '../../../../shared/arrays';

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
    if (file.size > MAX_PRICE_FILE_BYTES) return finish({ ok: false, errors: [`${file.name} is ${(file.size / 2 ** 20).toFixed(0)} MB, over the ${MAX_PRICE_FILE_BYTES / 2 ** 20} MB a price file may have: keep the settlement point you need`] });
    const text = await file.text();
    const points = ercotSettlementPoints(text);
    if (!points.length) return finish(importTwoColumnCsv(text, file.name));
    setPending({ fileName: file.name, text, points });
    setPoint(points[0]!);
    setErrors([]);
  };
  // A year of 15-minute prices takes about 50 ms to report: only edits to what it reads redo it (what earns in the halls, not where it stands).
  const standing = useMemo(() => standingUnits(doc, site.id), [doc.placements, doc.halls, doc.models, site.id]);
  const standingKey = JSON.stringify([...standing]);
  const report = useMemo(() => siteEnergyReport(doc, site.id, standing), [site, doc.halls, doc.models, doc.scenarios, doc.fleet, standingKey]);
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
      <EnergyReport report={report} fleet={doc.fleet} />
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
      {report.breakevens.length + report.firmHalls.length > 0 && (
        <ul className="energy-breakevens" data-testid="site-breakevens">
          {report.breakevens.map((b) => (
            <li key={`${b.hall}:${b.what}`}>
              <span className="breakeven-swatch" aria-hidden="true" />
              {`${describeBreakeven(b)} (${pct(b.belowFraction)} of hours below)`}
            </li>
          ))}
          {report.firmHalls.map((h) => (
            <li key={h.hall} data-testid="site-firm-hall">
              <span className="breakeven-swatch firm" aria-hidden="true" />
              {h.what ? `${h.hall}: ${h.what}, no miners: a firm load, drawing every hour whatever the price` : `${h.hall}: nothing that earns stands there`}
            </li>
          ))}
        </ul>
      )}
      <div className="energy-table">
        <table className="plan-table" data-testid="site-energy-periods">
          <caption>{report.scenario} scenario, per MW of IT (the $/MWh paid with credits and charges in){report.miningBasis && `; mining as ${report.miningBasis}`}</caption>
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

/** Miners that stand stop above their price; a repower option's would. */
const describeBreakeven = (b: Breakeven): string =>
  b.standing ? `${b.hall}: ${b.what} stop above $${b.usdPerMwh.toFixed(2)}/MWh` : `${b.hall}, if repowered (${b.what}): would stop above $${b.usdPerMwh.toFixed(2)}/MWh`;

const HOUR_TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * Prices from the dearest hour to the cheapest over the share of hours, with the price each
 * mining option stops at as a line across; the scarcity hours above the axis are clipped.
 */
function PriceDurationChart({ report }: { report: SiteEnergyReport }) {
  const [W, H, left, right, top, bottom] = [260, 170, 36, 8, 16, 30];
  const curve = report.durationCurveUsdPerMwh;
  const low = Math.min(0, smallest(curve));
  const ticks = roundTicks(durationAxisTop(curve, report.breakevens.map((b) => b.usdPerMwh)) - low);
  const high = low + ticks.top;
  const peak = largest(curve);
  const x = (share: number) => left + share * (W - left - right);
  const y = (v: number) => H - bottom - ((Math.min(v, high) - low) / ticks.top) * (H - top - bottom);
  const points = (curve.length > 1 ? curve : [curve[0]!, curve[0]!]).map((v, i, all) => `${x(i / (all.length - 1))},${y(v)}`).join(' ');
  return (
    <svg width="100%" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Price duration curve" data-testid="chart-price-duration">
      {ticks.values.map((t) => (
        <g key={t}>
          <line x1={left} x2={W - right} y1={y(t + low)} y2={y(t + low)} stroke="currentColor" strokeOpacity={0.15} />
          <text x={left - 3} y={y(t + low) + 3} fontSize={9} textAnchor="end" fill="currentColor">{(t + low).toFixed(ticks.digits)}</text>
        </g>
      ))}
      {HOUR_TICKS.map((share) => (
        <text key={share} x={x(share)} y={H - bottom + 11} fontSize={9} textAnchor={share === 0 ? 'start' : share === 1 ? 'end' : 'middle'} fill="currentColor">{`${share * 100} %`}</text>
      ))}
      <text x={(left + W - right) / 2} y={H - 4} fontSize={9} textAnchor="middle" fill="currentColor" opacity={0.8}>share of hours, dearest first</text>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
      {report.breakevens.map((b) => (
        <g key={`${b.hall}:${b.what}`} data-testid="chart-breakeven">
          <line x1={left} x2={W - right} y1={y(b.usdPerMwh)} y2={y(b.usdPerMwh)} stroke="#d08c00" strokeDasharray="4 3" />
          <title>{describeBreakeven(b)}</title>
        </g>
      ))}
      <text x={left} y={10} fontSize={9} fill="currentColor">$/MWh</text>
      {peak > high && <text x={W - right} y={10} fontSize={9} textAnchor="end" fill="currentColor" data-testid="chart-price-peak">{`peak $${peak.toLocaleString('en-US', { maximumFractionDigits: 0 })}, clipped`}</text>}
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
        <div className="field-pair hedge" key={i}>
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
