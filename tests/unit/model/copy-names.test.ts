import { describe, expect, it } from 'vitest';
import { copyName, freeId, nextFreeLabel } from '../../../shared/model/copy-names';

describe('names for copies', () => {
  it('ids count up to the first free one', () => {
    expect(freeId('user-s21', new Set())).toBe('user-s21-1');
    expect(freeId('user-s21', new Set(['user-s21-1', 'user-s21-2', 'user-s21-4']))).toBe('user-s21-3');
  });

  it('a copy of a copy counts on from the original instead of piling up "(copy)"', () => {
    expect(copyName('Bull', ['Bull'], 200)).toBe('Bull (copy)');
    expect(copyName('Bull', ['Bull', 'Bull (copy)'], 200)).toBe('Bull (copy 2)');
    expect(copyName('Bull (copy)', ['Bull', 'Bull (copy)', 'Bull (copy 2)'], 200)).toBe('Bull (copy 3)');
    expect(copyName('Bull (copy 2)', ['Bull (copy 2)'], 200)).toBe('Bull (copy)');
    // Cut before the suffix, so the suffix survives the length limit.
    expect(copyName('x'.repeat(200), [], 200)).toBe(`${'x'.repeat(193)} (copy)`);
  });

  it('an equipment label counts on to the first free number, keeping its zero padding', () => {
    const taken = new Set(['A1.3', 'A1.4', 'Busway 1', 'CDU', 'R09']);
    expect(nextFreeLabel('A1.3', taken, 100)).toBe('A1.5');
    expect(nextFreeLabel('Busway 1', taken, 100)).toBe('Busway 2');
    expect(nextFreeLabel('CDU', taken, 100)).toBe('CDU 2');
    expect(nextFreeLabel('R09', taken, 100)).toBe('R10');
    expect(nextFreeLabel('', taken, 100)).toBe('');
    expect(nextFreeLabel(`${'L'.repeat(99)}9`, new Set(), 100)).toBe(`${'L'.repeat(98)}10`);
  });
});
