import { formatQuantity, type Quantity, type UnitSystem } from '../units';
import { RULE_SPECS, ruleSpec, type RuleSpec } from './rules';
import type { Violation } from './types';

export function ruleLabel(rule: Violation['rule']): string {
  return RULE_SPECS[rule].label;
}

/**
 * The violation in the user's units: "Rack R12: rack power over the density limit of the
 * cooling — value 132 kW, limit 80 kW, over by 52 kW"; a least value is "at least 2 m
 * needed, short by 0.1 m", and a rule that allows none of what it counts says only how much
 * ("2 units in Hall 1: … — 145.8 kW unfed").
 */
export function describeViolation(v: Violation, units: UnitSystem): string {
  const spec = ruleSpec(v.rule);
  const figures = describeFigures(v, spec, (x) => formatQuantity(x, v.quantity as Quantity, units, digitsFor(x)));
  return `${v.message}: ${spec.label}${figures ? ` — ${figures}` : ''}`;
}

/** One decimal, or three where one would read a breach's small amount as 0 ("0.04 m past the wall", not "0 m"). */
const digitsFor = (x: number): number => (x !== 0 && Math.abs(x) < 0.05 ? 3 : 1);

function describeFigures(v: Violation, spec: RuleSpec, fmt: (x: number) => string): string | null {
  if (spec.figures === 'none') return null;
  if (spec.figures) return `${fmt(v.value)} ${spec.figures.amount}`;
  const [bound, breached] = spec.minimum ? [`at least ${fmt(v.limit)} needed`, 'short by'] : [`limit ${fmt(v.limit)}`, 'over by'];
  return `value ${fmt(v.value)}, ${bound}, ${v.margin < 0 ? `${breached} ${fmt(-v.margin)}` : `margin ${fmt(v.margin)}`}`;
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
