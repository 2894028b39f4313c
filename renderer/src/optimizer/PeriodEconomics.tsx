/**
 * The plan's economics period by period: what each period earns from mining and AI, pays
 * for power and capex, and the cash flow the NPV, IRR and payback are made of, so an
 * engineer can check them against a spreadsheet.
 */
import type { FleetDoc, Plan } from '../../../shared/model/schema';
import { formatQuantity, formatUsd, periodLabel } from '../../../shared/units';

export function PeriodEconomics({ plan, fleet }: { plan: Plan; fleet: FleetDoc['fleet'] }) {
  const sum = (pick: (r: Plan['periods'][number]) => number) => plan.periods.reduce((t, r) => t + pick(r), 0);
  let cumulative = 0;
  const mw = (v: number) => formatQuantity(v, 'largePower', fleet.unitSystem, 2);
  return (
    <details className="period-economics" data-testid="optimizer-periods">
      <summary>Economics by period ({plan.objective === 'expected' ? 'expected over the scenarios' : 'in the scenario worst for this plan'}; capex at the start of a period, the rest at its end)</summary>
      <table className="plan-table">
        <thead>
          <tr>
            <th>Period</th>
            <th>Mining IT</th>
            <th>AI IT</th>
            <th>Mining revenue</th>
            <th>AI revenue</th>
            <th>Power cost</th>
            <th>Capex</th>
            <th>Cash flow</th>
            <th>Cumulative</th>
          </tr>
        </thead>
        <tbody>
          {plan.periods.map((r) => {
            cumulative += r.cashFlowUsd;
            return (
              <tr key={r.period}>
                <td>{periodLabel(fleet, r.period)}</td>
                <td>{mw(r.miningItMw)}</td>
                <td>{mw(r.aiItMw)}</td>
                <td>{formatUsd(r.miningRevenueUsd)}</td>
                <td>{formatUsd(r.aiRevenueUsd)}</td>
                <td>{formatUsd(r.powerCostUsd)}</td>
                <td>{formatUsd(r.capexUsd)}</td>
                <td>{formatUsd(r.cashFlowUsd)}</td>
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
            <td>{formatUsd(sum((r) => r.miningRevenueUsd))}</td>
            <td>{formatUsd(sum((r) => r.aiRevenueUsd))}</td>
            <td>{formatUsd(sum((r) => r.powerCostUsd))}</td>
            <td>{formatUsd(sum((r) => r.capexUsd))}</td>
            <td>{formatUsd(sum((r) => r.cashFlowUsd))}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </details>
  );
}
