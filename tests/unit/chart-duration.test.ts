import { describe, expect, it } from 'vitest';
import { durationAxisTop } from '../../renderer/src/charts/duration';

describe('the price duration curve axis', () => {
  it('tops out at the price of the dearest 1 % of hours, or a quarter above the highest breakeven', () => {
    // 200 points dearest first: one $5,000 scarcity point, two at $300, the rest at $25. The 1 % point is
    // the third (index ⌊200 × 0.01⌋ = 2): $300, so the $5,000 hour is clipped.
    const curve = [5_000, 300, 300, ...Array(197).fill(25)] as number[];
    expect(durationAxisTop(curve, [])).toBe(300);
    // A breakeven at $280 lifts the axis to 1.25 × 280 = 350, so the line sits below the top.
    expect(durationAxisTop(curve, [280])).toBe(350);
    // Exactly on the limit: a breakeven at $240 gives 1.25 × 240 = 300, the same as the curve.
    expect(durationAxisTop(curve, [240])).toBe(300);
    // A flat price is one point: its own price, or $1 for a price of zero or below.
    expect(durationAxisTop([40], [])).toBe(40);
    expect(durationAxisTop([-5], [])).toBe(1);
  });
});
