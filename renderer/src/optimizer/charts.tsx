/** Small SVG charts for the plan: MW by use per period, and the sensitivity heat map. */
import type { Plan } from '../../../shared/model/schema';
import type { Response } from '../../../shared/ipc/contract';
import { formatUsd } from '../../../shared/units';

export function MwByUseChart({ periods }: { periods: Plan['periods'] }) {
  const W = 560;
  const H = 180;
  const pad = 28;
  const max = Math.max(1e-9, ...periods.map((p) => p.miningItMw + p.aiItMw));
  const bw = (W - pad * 2) / Math.max(1, periods.length);
  const y = (mw: number) => (mw / max) * (H - pad * 2);
  return (
    <svg width={W} height={H} role="img" aria-label="IT MW by use per period" data-testid="chart-mw-by-use">
      {periods.map((p, i) => (
        <g key={p.period}>
          <rect x={pad + i * bw + 2} y={H - pad - y(p.miningItMw)} width={bw - 4} height={y(p.miningItMw)} fill="#e0a030" />
          <rect x={pad + i * bw + 2} y={H - pad - y(p.miningItMw) - y(p.aiItMw)} width={bw - 4} height={y(p.aiItMw)} fill="#3f9d5b" />
          <text x={pad + i * bw + bw / 2} y={H - pad + 12} fontSize={9} textAnchor="middle" fill="currentColor">{p.period + 1}</text>
        </g>
      ))}
      <text x={pad} y={12} fontSize={10} fill="currentColor">{max.toFixed(1)} MW · mining (amber) and AI (green) IT load by period</text>
    </svg>
  );
}

export function SensitivityTable({ s }: { s: NonNullable<Response<'optimizer.run'>['sensitivity']> }) {
  const all = s.npvUsd.flat();
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const shade = (v: number) => {
    const t = hi === lo ? 0.5 : (v - lo) / (hi - lo);
    return `rgba(${Math.round(220 * (1 - t))}, ${Math.round(160 * t + 40)}, 80, 0.35)`;
  };
  return (
    <table className="sensitivity" data-testid="sensitivity">
      <caption>NPV of this plan as hashprice (rows) and GPU rates (columns) change</caption>
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
    </table>
  );
}
