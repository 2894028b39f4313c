import { describe, expect, it } from 'vitest';
import { countViolations, describeLimitCount, type Violation } from '../../../shared/constraints';

const v = (severity: Violation['severity']) => ({ severity }) as Violation;

describe('violation counts', () => {
  it('counts errors and warnings and says them in words, or nothing when every limit holds', () => {
    expect(countViolations([v('error'), v('warning'), v('error')])).toEqual({ errors: 2, warnings: 1 });
    expect(describeLimitCount({ errors: 2, warnings: 1 })).toBe('2 errors against the limits and 1 warning');
    expect(describeLimitCount({ errors: 1, warnings: 0 })).toBe('1 error against the limits');
    // A warning (a spare asked for and missing, a facing) breaks no limit.
    expect(describeLimitCount({ errors: 0, warnings: 3 })).toBe('3 warnings');
    expect(describeLimitCount(countViolations([]))).toBeNull();
  });
});
