/** Small SVG charts for the plan: MW by use per period, NPV by hall, and the sensitivity heat map. */
import type { FleetMeta, Plan } from '../../../shared/model/schema';
import type { Response } from '../../../shared/ipc/contract';
import { formatUsd, periodLabel, periodName } from '../../../shared/units';

import { USE_COLOURS } from '../charts/use-colours';
import { roundTicks } from '../charts/ticks';
import { largest, smallest } from '../../../shared/arrays';

/** Which colour is which, drawn inside the chart so an exported SVG or PNG still says it. */
export function UseLegend({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${x}, ${y})`} fontSize={10} fill="currentColor">
      <rect x={0} y={-8} width={10} height={10} fill={USE_COLOURS.mining} />
      <text x={14} y={1}>mining</text>
      <rect x={62} y={-8} width={10} height={10} fill={USE_COLOURS.ai} />
      <text x={76} y={1}>AI</text>
    </g>
  );
}

/** An axis label in two lines: the period ("Q1", "Mar") over its year, the year only where it changes. */
function axisLabel(fleet: FleetMeta, t: number): [string, string] {
  const label = periodLabel(fleet, t);
  if (!fleet.startMonth) return [String(t + 1), ''];
  const [head, year = ''] = label.includes(' ') ? label.split(' ') : ['', label];
  return [head!, year];
}

export function MwByUseChart({ periods, fleet }: { periods: Plan['periods']; fleet: FleetMeta }) {
  const W = 560;
  const H = 190;
  const pad = 36;
  const ticks = roundTicks(Math.max(largest(periods.map((p) => p.miningItMw + p.aiItMw)), 0));
  const bw = (W - pad * 2) / Math.max(1, periods.length);
  const y = (mw: number) => (mw / ticks.top) * (H - pad * 2);
  const labels = periods.map((p) => axisLabel(fleet, p.period));
  return (
    <svg width={W} height={H} role="img" aria-label="IT MW by use per period" data-testid="chart-mw-by-use">
      {ticks.values.map((mw) => (
        <g key={mw}>
          <line x1={pad} x2={W - pad} y1={H - pad - y(mw)} y2={H - pad - y(mw)} stroke="currentColor" strokeOpacity={0.2} />
          <text x={pad - 4} y={H - pad - y(mw) + 3} fontSize={9} textAnchor="end" fill="currentColor">{mw.toFixed(ticks.digits)}</text>
        </g>
      ))}
      {periods.map((p, i) => {
        const [head, year] = labels[i]!;
        const x = pad + i * bw + bw / 2;
        return (
          <g key={p.period}>
            <rect x={pad + i * bw + 2} y={H - pad - y(p.miningItMw)} width={bw - 4} height={y(p.miningItMw)} fill={USE_COLOURS.mining} />
            <rect x={pad + i * bw + 2} y={H - pad - y(p.miningItMw) - y(p.aiItMw)} width={bw - 4} height={y(p.aiItMw)} fill={USE_COLOURS.ai} />
            <text x={x} y={H - pad + 12} fontSize={9} textAnchor="middle" fill="currentColor">
              {head}
              {year && (i === 0 || year !== labels[i - 1]![1]) && <tspan x={x} dy={11}>{year}</tspan>}
            </text>
          </g>
        );
      })}
      <text x={pad} y={14} fontSize={10} fill="currentColor">IT load, MW, by {periodName(fleet.periodMonths)}</text>
      <UseLegend x={W - pad - 100} y={14} />
    </svg>
  );
}

/** Each hall's share of the plan's NPV, bars left of the axis for halls that lose money; `basis` says over which scenarios. */
export function NpvByHallChart({ halls, basis }: { halls: { name: string; npvUsd: number }[]; basis: string }) {
  const W = 560;
  const row = 18;
  const label = 170;
  const H = 24 + halls.length * row;
  const max = Math.max(1, largest(halls.map((h) => Math.abs(h.npvUsd))));
  const hasLoss = halls.some((h) => h.npvUsd < 0);
  const zero = label + (hasLoss ? (W - label) / 2 : 0);
  const scale = (W - label - 70) / (hasLoss ? 2 : 1) / max;
  return (
    <svg width={W} height={H} role="img" aria-label="NPV by hall" data-testid="chart-npv-by-hall">
      <text x={0} y={12} fontSize={10} fill="currentColor">NPV by hall ({basis})</text>
      <line x1={zero} x2={zero} y1={18} y2={H} stroke="currentColor" strokeOpacity={0.4} />
      {halls.map((h, i) => {
        const y = 20 + i * row;
        const w = Math.abs(h.npvUsd) * scale;
        const x = h.npvUsd >= 0 ? zero : zero - w;
        return (
          <g key={h.name}>
            <text x={0} y={y + 12} fontSize={10} fill="currentColor">{h.name}</text>
            <rect x={x} y={y + 2} width={w} height={row - 6} fill={h.npvUsd >= 0 ? USE_COLOURS.ai : '#dc3545'} />
            <text x={h.npvUsd >= 0 ? x + w + 4 : x - 4} y={y + 12} fontSize={10} textAnchor={h.npvUsd >= 0 ? 'start' : 'end'} fill="currentColor">{formatUsd(h.npvUsd)}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function SensitivityTable({ s }: { s: NonNullable<Response<'optimizer.run'>['sensitivity']> }) {
  const all = s.npvUsd.flat();
  const lo = smallest(all);
  const hi = largest(all);
  const shade = (v: number) => {
    const t = hi === lo ? 0.5 : (v - lo) / (hi - lo);
    return `rgba(${Math.round(220 * (1 - t))}, ${Math.round(160 * t + 40)}, 80, 0.35)`;
  };
  return (
    <table className="sensitivity" data-testid="sensitivity">
      <caption>NPV of this plan as hashprice (rows) and GPU rates (columns) change, and below as power prices do (its halls and units as chosen; miners run and curtail as the prices make them)</caption>
      <thead>
        <tr>
          <th />
          {s.gpuRateFactors.map((f) => (
            <th key={f}>GPU × {f}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {s.npvUsd.map((row, i) => (
          <tr key={i}>
            <th>Hash × {s.hashpriceFactors[i]}</th>
            {row.map((v, j) => (
              <td key={j} style={{ background: shade(v) }}>{formatUsd(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>Power price</th>
          {s.powerPriceFactors.map((f, i) => (
            <td key={f} data-testid="sensitivity-power">× {f}: {formatUsd(s.npvByPowerPriceUsd[i]!)}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
