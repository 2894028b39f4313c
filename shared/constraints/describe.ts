import { formatQuantity, type Quantity, type UnitSystem } from '../units';
import { RULE_SPECS } from './rules';
import type { Violation } from './types';

export function ruleLabel(rule: Violation['rule']): string {
  return RULE_SPECS[rule].label;
}

/** The violation in the user's units: "Rack R12: rack power 132 kW, limit 80 kW, over by 52 kW". */
export function describeViolation(v: Violation, units: UnitSystem): string {
  const q = v.quantity as Quantity;
  const fmt = (x: number) => formatQuantity(x, q, units, 1);
  const over = v.margin < 0 ? `over by ${fmt(-v.margin)}` : `margin ${fmt(v.margin)}`;
  return `${v.message}: ${RULE_SPECS[v.rule].label} — value ${fmt(v.value)}, limit ${fmt(v.limit)}, ${over}`;
}

export interface LimitCount {
  errors: number;
  warnings: number;
}

export function countViolations(violations: readonly Violation[]): LimitCount {
  let errors = 0;
  for (const v of violations) if (v.severity === 'error') errors++;
  return { errors, warnings: violations.length - errors };
}

/** "2 errors and 1 warning against the limits", or null when every limit holds. */
export function describeLimitCount({ errors, warnings }: LimitCount): string | null {
  const parts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.length ? `${parts.join(' and ')} against the limits` : null;
}
