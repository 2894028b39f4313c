import { describe, expect, it } from 'vitest';
import { appendAll, largest, smallest } from '../../shared/arrays';

describe('list helpers that take lists of any length', () => {
  it('answer as Math.max, Math.min and push do on a spread, for none, NaN and 200,000 values', () => {
    expect([largest([]), smallest([])]).toEqual([-Infinity, Infinity]);
    expect([largest([1, NaN, 3]), smallest([1, NaN, 3])]).toEqual([NaN, NaN]);
    const many = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200_003);
    expect([largest(many), smallest(many)]).toEqual([many.reduce((a, b) => Math.max(a, b)), many.reduce((a, b) => Math.min(a, b))]);
    const target = [-1];
    appendAll(target, many);
    expect(target).toEqual([-1, ...many]);
  });
});
