/**
 * The plan's economics period by period: what each period earns from mining and AI, pays
 * for power, earns in demand-response credits, pays in peak-demand charges, settles on its
 * hedges and pays in capex, and the cash flow the NPV, IRR and payback are made of, so an
 * engineer can check them against a spreadsheet; and the halls down for conversion, whose
 * mining stops before their AI runs.
 */
import type { FleetDoc, Plan } from '../../../shared/model/schema';
import { displayUnit, formatUsd, groupedNumber, periodLabel } from '../../../shared/units';
import { conversions, describeFiguresBasis } from '../../../shared/optimizer/describe';

type Row = Plan['periods'][number];

/** The money columns, in the order a cash flow adds them up; plans saved before credits, charges and hedges were counted read 0. */
const MONEY: { label: string; testId: string; pick: (r: Row) => number }[] = [
  { label: 'Mining revenue', testId: 'mining-revenue', pick: (r) => r.miningRevenueUsd },
  { label: 'AI revenue', testId: 'ai-revenue', pick: (r) => r.aiRevenueUsd },
  { label: 'Power cost', testId: 'power-cost', pick: (r) => r.powerCostUsd },
  { label: 'Curtail\u00ADment credits', testId: 'curtailment-credits', pick: (r) => r.curtailmentCreditUsd ?? 0 },
  { label: 'Demand charges', testId: 'demand-charges', pick: (r) => r.demandChargeUsd ?? 0 },
  { label: 'Hedges', testId: 'hedges', pick: (r) => r.hedgeSettlementUsd ?? 0 },
  { label: 'Capex', testId: 'capex', pick: (r) => r.capexUsd },
  { label: 'Cash flow', testId: 'cash-flow', pick: (r) => r.cashFlowUsd },
];

export function PeriodEconomics({ plan, fleet, scenarios, halls }: { plan: Plan; fleet: FleetDoc['fleet']; scenarios: FleetDoc['scenarios']; halls: FleetDoc['halls'] }) {
  const sum = (pick: (r: Row) => number) => plan.periods.reduce((t, r) => t + pick(r), 0);
  let cumulative = 0;
  // The unit once in the heading, so that twelve columns fit the centre at 1280 px.
  const power = displayUnit(fleet.unitSystem, 'largePower');
  const mw = (v: number) => groupedNumber(power.fromStored(v), 2);
  const down = conversions(plan, halls);
  return (
    <details className="period-economics" data-testid="optimizer-periods">
      <summary>Economics by period ({describeFiguresBasis(plan, scenarios)}; capex at the start of a period, the rest at its end)</summary>
      <table className="plan-table">
        <thead>
          <tr>
            <th>Period</th>
            <th>Mining IT ({power.symbol})</th>
            <th>AI IT ({power.symbol})</th>
            {MONEY.map((c) => <th key={c.testId}>{c.label}</th>)}
            <th>Cumulative</th>
          </tr>
        </thead>
        <tbody>
          {plan.periods.map((r) => {
            cumulative += r.cashFlowUsd;
            const converting = down.filter((c) => r.period >= c.from && r.period < c.until).map((c) => c.hall);
            return (
              <tr key={r.period}>
                <td title={converting.length ? `Down for conversion: ${converting.join(', ')}` : undefined}>
                  {periodLabel(fleet, r.period)}
                  {converting.length > 0 && <span data-testid="period-converting"> †</span>}
                </td>
                <td>{mw(r.miningItMw)}</td>
                <td>{mw(r.aiItMw)}</td>
                {MONEY.map((c) => <td key={c.testId} data-testid={`period-${c.testId}`}>{formatUsd(c.pick(r))}</td>)}
                <td>{formatUsd(cumulative)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th>Total</th>
            <td />
            <td />
            {MONEY.map((c) => <td key={c.testId}>{formatUsd(sum(c.pick))}</td>)}
            <td />
          </tr>
        </tfoot>
      </table>
      {down.length > 0 && (
        <p className="muted" data-testid="period-conversions">
          † Down for conversion (its mining stopped, its new units not yet running):{' '}
          {down.map((c) => `${c.hall}, ${periodLabel(fleet, c.from)}${c.until - 1 > c.from ? ` – ${periodLabel(fleet, Math.min(c.until, plan.periods.length) - 1)}` : ''}`).join('; ')}
        </p>
      )}
    </details>
  );
}
