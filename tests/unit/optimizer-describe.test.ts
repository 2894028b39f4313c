import { describe, expect, it } from 'vitest';
import { describeIrr, describePayback, describePlanStatus, describeSearch, describeShortfall, formatGap, objectiveLabel, describeStart, describeWorseThanAsItIs, conversions, describeAppliedUnits } from '../../shared/optimizer/describe';

describe('how sure the optimizer is, in words', () => {
  it('IRR and payback say why a plan has none, rather than a dash', () => {
    const flows = (...cashFlowUsd: number[]) => cashFlowUsd.map((c) => ({ cashFlowUsd: c }));
    expect(describeIrr({ irrFraction: 0.6531, periods: flows(-100, 200) })).toBe('65.3 %');
    expect(describeIrr({ irrFraction: null, periods: flows(10, 20) })).toBe('none: nothing invested');
    expect(describeIrr({ irrFraction: null, periods: flows(-10, 0) })).toBe('none: nothing comes back');
    expect(describeIrr({ irrFraction: null, periods: flows(-10, 30, -25) })).toBe('none found');
    expect(describePayback({ paybackPeriods: 3.5 }, 3)).toBe('3.5 quarters');
    expect(describePayback({ paybackPeriods: 1 }, 12)).toBe('1 year');
    expect(describePayback({ paybackPeriods: 0 }, 3)).toBe('none needed: never in deficit');
    expect(describePayback({ paybackPeriods: null }, 3)).toBe('not within the horizon');
  });

  it('gaps read as percentages, small ones with two decimals', () => {
    expect(formatGap(0.0012)).toBe('0.12 %');
    expect(formatGap(0.001)).toBe('0.10 %');
    expect(formatGap(0.0731)).toBe('7.3 %');
  });

  it('a plan is "optimal" only when the gap asked for is proven; otherwise the best found, and how close', () => {
    expect(describePlanStatus({ status: 'optimal', mipGapFraction: 0, mipGapAskedFraction: 0 })).toBe('optimal');
    // A gap HiGHS proves to the last digits would read "within 0.00 %": it is just optimal.
    expect(describePlanStatus({ status: 'optimal', mipGapFraction: 1e-9, mipGapAskedFraction: 0 })).toBe('optimal');
    expect(describePlanStatus({ status: 'optimal', mipGapFraction: 0.0008, mipGapAskedFraction: 0.001 })).toBe('optimal within the 0.10 % gap asked: proven within 0.08 % of the best possible');
    // Exactly on the gap asked is proven; a hair over it is not, whatever stopped the search.
    expect(describePlanStatus({ status: 'time-limit', mipGapFraction: 0.01, mipGapAskedFraction: 0.01 })).toBe('optimal within the 1.0 % gap asked: proven within 1.0 % of the best possible');
    expect(describePlanStatus({ status: 'time-limit', mipGapFraction: 0.0121, mipGapAskedFraction: 0.01 })).toBe('time limit reached: best found, within 1.2 % of the best possible');
    expect(describePlanStatus({ status: 'stopped', mipGapFraction: 0.0008, mipGapAskedFraction: 0 })).toBe('stopped: best found, within 0.08 % of the best possible');
    expect(describePlanStatus({ status: 'stopped', mipGapFraction: 1, mipGapAskedFraction: 0.001 })).toBe('stopped: best found, not yet proven close to the best possible');
    expect(describePlanStatus({ status: 'infeasible', mipGapFraction: 0 })).toBe('no plan meets every limit');
    // A plan saved before the gap asked was kept is taken at its status.
    expect(describePlanStatus({ status: 'optimal', mipGapFraction: 0.0008 })).toBe('optimal within the 0.08 % gap asked: proven within 0.08 % of the best possible');
    expect(describePlanStatus({ status: 'time-limit', mipGapFraction: 0.0121 })).toBe('time limit reached: best found, within 1.2 % of the best possible');
  });

  it('the halls down for conversion, and when: from their start until they run (the option\'s lead time)', () => {
    // Hall B starts its retrofit (lead 4 quarters) in period 1: down in 1, 2, 3 and 4, running from 5. Hall A keeps mining; C's option has no lead time.
    const halls = [
      { id: 'a', name: 'Hall A', retrofitOptions: [{ id: 'keep', leadTimePeriods: 0 }] },
      { id: 'b', name: 'Hall B', retrofitOptions: [{ id: 'ai', leadTimePeriods: 4 }] },
      { id: 'c', name: 'Hall C', retrofitOptions: [{ id: 'ai', leadTimePeriods: 0 }] },
    ];
    const plan = { halls: [{ hallId: 'a', optionId: 'keep', startPeriod: null, units: 10 }, { hallId: 'b', optionId: 'ai', startPeriod: 1, units: 4 }, { hallId: 'c', optionId: 'ai', startPeriod: 2, units: 4 }] };
    expect(conversions(plan, halls)).toEqual([{ hall: 'Hall B', from: 1, until: 5 }]);
  });

  it('a plan worth less than keeping every hall as it is says so, and names the AI contract that costs it', () => {
    // The campus's plan: $309.52 M against $314.49 M as it is, a decision NPV of −$4.97 M, proven within 0.42 %.
    const decision = { asItIsNpvUsd: 314.49e6, npvUsd: -4.97e6, irrFraction: 0.086, paybackPeriods: null, cashFlowUsd: [] };
    const contract = { limit: 'contract', description: 'the AI contract (6 MW from Q1 2029 to Q4 2031) costs $4,965,185 of NPV, the best plan without it is worth that much more', shadowPriceUsd: -4_965_185, unit: 'contract' };
    const plan = { decision, bindingLimits: [contract], mipGapFraction: 0.0042, npvUsd: 309.52e6 };
    expect(describeWorseThanAsItIs(plan)).toBe(
      'This plan is worth $4.97 M less than keeping every hall as it is ($314.49 M NPV). The AI contract (6 MW from Q1 2029 to Q4 2031) costs $4,965,185 of NPV, the best plan without it is worth that much more.',
    );
    expect(describeWorseThanAsItIs({ ...plan, bindingLimits: [] })).toBe('This plan is worth $4.97 M less than keeping every hall as it is ($314.49 M NPV).');
    // Worth as much as keeping or more, or from an older file that kept no decision: nothing to caution.
    expect(describeWorseThanAsItIs({ ...plan, decision: { ...decision, npvUsd: 0 } })).toBeNull();
    expect(describeWorseThanAsItIs({ ...plan, decision: undefined })).toBeNull();
    // Short of keeping by no more than the search's own gap (0.42 % of $309.52 M is $1.3 M), or by the two solves' rounding
    // (−1.15e-8 on a fleet that can only keep mining): the search may simply not have proven it as good.
    expect(describeWorseThanAsItIs({ ...plan, decision: { ...decision, npvUsd: -1.2e6 } })).toBeNull();
    expect(describeWorseThanAsItIs({ ...plan, mipGapFraction: 0, decision: { ...decision, npvUsd: -1.15e-8 } })).toBeNull();
  });

  it('units an applied plan placed (their ids start with its id) are named as counted standing, their capex spent', () => {
    const placements = [{ id: 'plan-x-h1-r1' }, { id: 'plan-x-h1-r2' }, { id: 'rack-7' }] as Parameters<typeof describeAppliedUnits>[0]['placements'];
    const plans = [{ id: 'plan-x' }] as Parameters<typeof describeAppliedUnits>[0]['plans'];
    expect(describeAppliedUnits({ plans, placements })).toBe('2 units an applied plan placed stand in the layout: the optimizer counts them as standing, their capex as spent. To plan from the fleet before it, undo the apply.');
    expect(describeAppliedUnits({ plans, placements: placements.slice(2) })).toBeNull();
    expect(describeAppliedUnits({ plans: [], placements })).toBeNull();
  });

  it('a plan cut short says how much better the best may be, in dollars; a plan proven as asked says nothing', () => {
    // 0.52 % of $1.456 B = $7,571,200.
    expect(describeShortfall({ status: 'time-limit', mipGapFraction: 0.0052, npvUsd: 1.456e9 }, 0.001)).toBe(
      "The time limit ended the search: the best possible plan may be worth up to $7.57 M more (0.52 % of this plan's NPV). Run it longer to find or rule that out.",
    );
    expect(describeShortfall({ status: 'stopped', mipGapFraction: 1, npvUsd: -3.4e9 }, 0.001)).toBe(
      'The search was stopped before it could judge this plan: a better one may exist by any margin. Run it longer before applying it.',
    );
    expect(describeShortfall({ status: 'time-limit', mipGapFraction: 0.0009, npvUsd: 1.456e9 }, 0.001)).toBeNull();
    expect(describeShortfall({ status: 'optimal', mipGapFraction: 0.0009, npvUsd: 1.456e9 }, 0.0001)).toBeNull();
  });

  it('objectives by name', () => {
    expect(objectiveLabel('expected')).toBe('Expected NPV');
    expect(objectiveLabel('worst-case')).toBe('Worst-case NPV');
  });

  it('the search so far: nothing yet, a bound only, or a plan and its gap', () => {
    expect(describeSearch({ bestNpvUsd: null, boundNpvUsd: null })).toBe('no plan found yet');
    expect(describeSearch({ bestNpvUsd: null, boundNpvUsd: 1.4635e9 })).toBe('no plan found yet; none can beat $1.46 B');
    expect(describeSearch({ bestNpvUsd: 1.453e9, boundNpvUsd: 1.4635e9, gapFraction: 0.0072 })).toBe('best plan so far $1.45 B NPV, proven within 0.72 % of the best possible');
    // A first plan far from the bound (HiGHS's gap can exceed 100 %) proves nothing yet.
    expect(describeSearch({ bestNpvUsd: -3.4e9, boundNpvUsd: 1.46e9, gapFraction: 1.43 })).toBe('best plan so far −$3.40 B NPV, not yet proven close to the best possible');
  });
});

describe('when a hall choice starts and runs', () => {
  // Quarters from January 2027 over a three-year horizon (12 quarters).
  const fleet = { periodMonths: 3, startMonth: '2027-01', horizonPeriods: 12 };
  it('a start with four quarters of conversion downtime runs four quarters later; none, at once; past the horizon, never', () => {
    expect(describeStart(fleet, { leadTimePeriods: 4 }, 0)).toBe('Q1 2027, running from Q1 2028');
    expect(describeStart(fleet, { leadTimePeriods: 0 }, 2)).toBe('Q3 2027');
    // Started in Q1 2029 (period 8) with four quarters' downtime: period 12 is past the last, 11.
    expect(describeStart(fleet, { leadTimePeriods: 4 }, 8)).toBe('Q1 2029, not running within the horizon');
    expect(describeStart(fleet, { leadTimePeriods: 3 }, 8)).toBe('Q1 2029, running from Q4 2029');
  });
});
