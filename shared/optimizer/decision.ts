/**
 * The return of the retrofit decision itself: the plan against keeping every hall as it
 * is. Fleet-wide IRR and payback count the miners that need no capex as if the plan had
 * bought them (67 % IRR on the sample campus); against keeping, only what the plan
 * changes counts.
 */
import type { DecisionReturn, FleetMeta, PlanPeriod } from '../model/schema';
import { datedCashFlows, energyNetUsd, irr, payback, periodsNpv } from './economics';
import { emptyProgram, type LinearProgram } from './lp';
import { isContractRow, v } from './model';

/** Columns that exist when every hall is kept as it is: the units each keeps running, and the worst case's NPV. */
const keptColumn = (name: string): boolean => name.startsWith('z_') || name === v.worst;

/**
 * The model with nothing started: every start, unit and run column is 0, so each row keeps
 * only its kept units' terms. The halls' choice rows go (a hall with no keeping option
 * stays idle) and so does the AI contract, which keeping as it is never promised.
 */
export function asItIsProgram(lp: LinearProgram): LinearProgram {
  const out = emptyProgram(lp.sense);
  out.objective = lp.objective.filter(([, x]) => keptColumn(x));
  for (const row of lp.rows) {
    if (row.name.startsWith('one_') || isContractRow(row.name)) continue;
    const terms = row.terms.filter(([, x]) => keptColumn(x));
    // A row left with no term reads 0 against its limit, which every limit of ours (≥ 0 on the ≤ side) allows.
    if (terms.length) out.rows.push({ ...row, terms });
  }
  for (const [x, bound] of lp.bounds) if (keptColumn(x)) out.bounds.set(x, bound);
  return out;
}

/** The plan's economics less keeping everything as it is, period by period, as NPV, IRR and payback. */
export function decisionReturn(fleet: Pick<FleetMeta, 'periodMonths' | 'discountRatePctPerYear'>, plan: readonly PlanPeriod[], asItIs: readonly PlanPeriod[]): DecisionReturn {
  const difference = plan.map((r, p) => {
    const k = asItIs[p]!;
    return {
      capexUsd: r.capexUsd - k.capexUsd,
      miningRevenueUsd: r.miningRevenueUsd - k.miningRevenueUsd,
      aiRevenueUsd: r.aiRevenueUsd - k.aiRevenueUsd,
      powerCostUsd: r.powerCostUsd - k.powerCostUsd,
      curtailmentCreditUsd: (r.curtailmentCreditUsd ?? 0) - (k.curtailmentCreditUsd ?? 0),
      demandChargeUsd: (r.demandChargeUsd ?? 0) - (k.demandChargeUsd ?? 0),
      hedgeSettlementUsd: (r.hedgeSettlementUsd ?? 0) - (k.hedgeSettlementUsd ?? 0),
    };
  });
  const cashFlowUsd = difference.map((r) => r.miningRevenueUsd + r.aiRevenueUsd - r.powerCostUsd + energyNetUsd(r) - r.capexUsd);
  return {
    asItIsNpvUsd: periodsNpv(fleet, asItIs),
    npvUsd: periodsNpv(fleet, difference),
    irrFraction: irr(datedCashFlows(difference), fleet.periodMonths),
    paybackPeriods: payback(difference.map((r, p) => ({ capexUsd: r.capexUsd, cashFlowUsd: cashFlowUsd[p]! }))),
    cashFlowUsd,
  };
}
