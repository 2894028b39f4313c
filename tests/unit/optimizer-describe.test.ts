import { describe, expect, it } from 'vitest';
import { describePlanStatus, describeSearch, formatGap, objectiveLabel } from '../../shared/optimizer/describe';

describe('how sure the optimizer is, in words', () => {
  it('gaps read as percentages, small ones with two decimals', () => {
    expect(formatGap(0.0012)).toBe('0.12 %');
    expect(formatGap(0.001)).toBe('0.10 %');
    expect(formatGap(0.0731)).toBe('7.3 %');
  });

  it('a plan says whether it is proven, and how close', () => {
    expect(describePlanStatus({ status: 'optimal', mipGapFraction: 0 })).toBe('optimal');
    // A gap HiGHS proves to the last digits would read "within 0.00 %": it is just optimal.
    expect(describePlanStatus({ status: 'optimal', mipGapFraction: 1e-9 })).toBe('optimal');
    expect(describePlanStatus({ status: 'optimal', mipGapFraction: 0.00005 })).toBe('optimal, proven within 0.01 % of the best possible');
    expect(describePlanStatus({ status: 'optimal', mipGapFraction: 0.0008 })).toBe('optimal, proven within 0.08 % of the best possible');
    expect(describePlanStatus({ status: 'time-limit', mipGapFraction: 0.0121 })).toBe('time limit reached: proven within 1.2 % of the best possible');
    expect(describePlanStatus({ status: 'stopped', mipGapFraction: 1 })).toBe('stopped: not yet proven close to the best possible');
    expect(describePlanStatus({ status: 'infeasible', mipGapFraction: 0 })).toBe('no plan meets every limit');
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
