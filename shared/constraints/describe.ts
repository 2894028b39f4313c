import { countOf, formatQuantity, shownQuantity, type Quantity, type UnitSystem } from '../units';
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
  const digits = figureDigits(v, spec, units);
  const figures = describeFigures(v, spec, (x) => formatQuantity(x, v.quantity as Quantity, units, digits));
  return `${v.message}: ${spec.label}${figures ? ` — ${figures}` : ''}`;
}

/** The most decimals a figure is given: a breach of a millimetre or a watt still reads. */
const MAX_DIGITS = 4;
/** A figure may read at most this share off its value (two figures at least: "0.1 m² of overlap" for 0.12 is not). */
const READ_TOLERANCE = 0.1;

/**
 * The fewest decimals (one at least) at which every figure of the line reads within 10 % of
 * itself and a value off its limit does not read as the limit: "value 1.19 m, at least 1.2 m
 * needed, short by 0.01 m", not "value 1.2 m, at least 1.2 m needed".
 */
function figureDigits(v: Violation, spec: RuleSpec, units: UnitSystem): number {
  const shown = (x: number) => shownQuantity(x, v.quantity as Quantity, units).value;
  const figures = spec.figures === 'none' ? [] : spec.figures ? [v.value] : [v.value, v.limit, v.margin];
  const reads = (digits: number) => {
    const read = (x: number) => Number(shown(x).toFixed(digits));
    const near = figures.every((x) => Math.abs(read(x) - shown(x)) <= READ_TOLERANCE * Math.abs(shown(x)));
    return near && (spec.figures !== undefined || v.value === v.limit || read(v.value) !== read(v.limit));
  };
  for (let digits = 1; digits < MAX_DIGITS; digits++) if (reads(digits)) return digits;
  return MAX_DIGITS;
}

function describeFigures(v: Violation, spec: RuleSpec, fmt: (x: number) => string): string | null {
  if (spec.figures === 'none') return null;
  // A unit that gives off no heat (a UPS in a room it is not built for) breaks the rule all the same: "0 kW of heat" would read as holding.
  if (spec.figures) return v.value === 0 ? null : `${fmt(v.value)} ${spec.figures.amount}`;
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

/** "2 errors against the limits and 1 warning", or "1 warning" (a warning breaks no limit), or null when there is neither. */
export function describeLimitCount({ errors, warnings }: LimitCount): string | null {
  const parts = [errors ? `${countOf(errors, 'error')} against the limits` : '', warnings ? countOf(warnings, 'warning') : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : null;
}
