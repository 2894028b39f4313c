import { describe, expect, it } from 'vitest';
import { roundTicks } from '../../renderer/src/charts/ticks';

describe('round axis ticks', () => {
  it('steps of 1, 2 or 5 × 10^k up to the first tick at or above the largest value', () => {
    // 32.7 / 4 = 8.175 → step 10 → 0 … 40.
    expect(roundTicks(32.7)).toEqual({ values: [0, 10, 20, 30, 40], top: 40, digits: 0 });
    // 0.264 / 4 = 0.066 → step 0.1 → 0, 0.1, 0.2, 0.3.
    expect(roundTicks(0.264)).toEqual({ values: [0, 0.1, 0.2, 0.3], top: 0.3, digits: 1 });
    // 7 / 4 = 1.75 → step 2 → 0 … 8.
    expect(roundTicks(7)).toEqual({ values: [0, 2, 4, 6, 8], top: 8, digits: 0 });
    // 180 / 4 = 45 → step 50 → 0 … 200.
    expect(roundTicks(180).values).toEqual([0, 50, 100, 150, 200]);
  });

  it('a largest value exactly on a tick ends the axis there', () => {
    // 0.2 / 4 = 0.05, a step itself: 0, 0.05, 0.1, 0.15, 0.2.
    expect(roundTicks(0.2)).toEqual({ values: [0, 0.05, 0.1, 0.15, 0.2], top: 0.2, digits: 2 });
    expect(roundTicks(40)).toEqual({ values: [0, 10, 20, 30, 40], top: 40, digits: 0 });
  });

  it('nothing to draw gives an axis of 0 to 1', () => {
    expect(roundTicks(0).values).toEqual([0, 1]);
    expect(roundTicks(Number.NaN).values).toEqual([0, 1]);
  });
});
