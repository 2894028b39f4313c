import { formatQuantity, type Quantity, type UnitSystem } from '../units';
import type { Violation } from './types';

const LABELS: Record<Violation['rule'], string> = {
  'site-interconnect': 'IT load × PUE over the grid interconnect',
  'site-transformer': 'hall feeds over the transformer capacity',
  'hall-power': 'hall load over its power feed',
  'hall-cooling': 'heat over the usable cooling',
  'zone-air': 'air heat over the zone’s air cooling',
  'zone-liquid': 'liquid heat over the CDU capacity serving the zone',
  'hall-unzoned': 'heat outside every cooling zone, cooled by no CRAH or CDU',
  'rack-density': 'rack power over the density limit of the cooling',
  'power-source': 'load over the source’s derated rating',
  'power-cycle': 'power sources feed each other in a loop',
  'floor-load': 'floor loading over the slab limit',
  'outside-hall': 'equipment outside the hall',
  'zone-outside-hall': 'cooling zone outside its hall',
  'hall-outside-site': 'hall outside its site',
  'halls-overlap': 'halls overlap on the site',
  overlap: 'equipment overlaps',
  clearance: 'service clearance blocked',
  'aisle-orientation': 'opposite facings within one row',
};

export function ruleLabel(rule: Violation['rule']): string {
  return LABELS[rule];
}

/** The violation in the user's units: "Rack R12: rack power 132 kW, limit 80 kW, over by 52 kW". */
export function describeViolation(v: Violation, units: UnitSystem): string {
  const q = v.quantity as Quantity;
  const fmt = (x: number) => formatQuantity(x, q, units, 1);
  const over = v.margin < 0 ? `over by ${fmt(-v.margin)}` : `margin ${fmt(v.margin)}`;
  return `${v.message}: ${LABELS[v.rule]} — value ${fmt(v.value)}, limit ${fmt(v.limit)}, ${over}`;
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
