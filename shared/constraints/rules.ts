/**
 * The rule registry: every constraint rule declared once, with what it counts, how bad a
 * breach is, the objects it points at and the view that shows them. Both checkers build
 * violations through `breach`, so a rule's severity, quantity and unit cannot differ
 * between them; the Problems panel, the printed violations table and `fleetplan check` read
 * labels, families and grouping from here.
 */
import type { Quantity } from '../units';
import type { Headroom, Violation } from './types';

export type RuleFamily = 'power' | 'cooling' | 'density' | 'floor' | 'geometry';
/**
 * How the checkers find a rule's breaches: about one unit on its own (or against a source
 * feeding it), between two neighbours, or over a running sum (a hall, zone, site or source), which the live checker
 * refreshes from its sums rather than from the objects an edit touched.
 */
export type RuleScope = 'object' | 'pair' | 'aggregate';

export interface RuleSpec {
  family: RuleFamily;
  severity: 'error' | 'warning';
  /** What the rule's limit and value measure, and the stored unit they are in. */
  counts: Quantity;
  unit: string;
  /** What is over what, as the Problems panel and the print table say it. */
  label: string;
  scope: RuleScope;
  /** Where a click on it goes: the hall's floor plan or the site plan. */
  opens: 'hall' | 'site';
  /** The limit is a least value (a free distance), not a most: the margin is value − limit, and a breach is short by it. */
  minimum?: boolean;
  /**
   * A rule that allows none of what it counts says the amount and what it is ("145.8 kW
   * unfed": the words after the figure) rather than a limit of 0; one that counts nothing
   * (a wrong facing) says no figure at all.
   */
  figures?: { amount: string } | 'none';
  /** Units of one model break it alike wherever they stand, so the Problems panel lists them as one line. */
  alikeByModel?: boolean;
}

const power = { family: 'power', counts: 'power', unit: 'kW' } as const;
const apparent = { family: 'power', counts: 'apparentPower', unit: 'kVA' } as const;
const heat = { family: 'cooling', counts: 'heat', unit: 'kW' } as const;
const length = { family: 'geometry', counts: 'length', unit: 'm' } as const;

export const RULE_SPECS = {
  'site-interconnect': { ...power, severity: 'error', label: 'IT load × PUE over the grid interconnect', scope: 'aggregate', opens: 'hall' },
  'site-transformer': { ...power, severity: 'error', label: 'IT load × PUE over the site’s transformer capacity', scope: 'aggregate', opens: 'hall' },
  'site-feeds': { ...power, severity: 'warning', label: 'hall feed ratings add up to more than the site’s transformers', scope: 'aggregate', opens: 'hall' },
  'hall-power': { ...power, severity: 'error', label: 'hall load over its power feed', scope: 'aggregate', opens: 'hall' },
  'hall-cooling': { ...heat, severity: 'error', label: 'heat over the usable cooling', scope: 'aggregate', opens: 'hall' },
  'hall-liquid': { ...heat, severity: 'error', label: 'liquid heat over the CDU capacity in the hall', scope: 'aggregate', opens: 'hall' },
  'facility-water': { ...heat, severity: 'error', label: 'liquid heat (CDUs’, tanks’, water blocks’) over the hall’s facility water', scope: 'aggregate', opens: 'hall' },
  'cooling-redundancy': { ...heat, severity: 'warning', label: 'cooling counted with no spare behind it', scope: 'aggregate', opens: 'hall', figures: { amount: 'without a spare' } },
  'zone-air': { ...heat, severity: 'error', label: 'air heat over the zone’s air cooling', scope: 'aggregate', opens: 'hall' },
  'zone-liquid': { ...heat, severity: 'error', label: 'liquid heat over the CDU capacity serving the zone', scope: 'aggregate', opens: 'hall' },
  'hall-unzoned': { ...heat, severity: 'error', label: 'heat outside every cooling zone of a hall cooled zone by zone: no CRAH, CDU or zone air counts it', scope: 'aggregate', opens: 'hall', figures: { amount: 'in no zone' } },
  'cooling-method': { ...heat, severity: 'error', label: 'unit in a cooling method it does not run under', scope: 'object', opens: 'hall', alikeByModel: true, figures: { amount: 'of heat with no cooling it runs under' } },
  'own-loop': { ...heat, severity: 'error', label: 'liquid heat over the unit’s own cooling loop', scope: 'object', opens: 'hall', alikeByModel: true },
  'rack-density': { ...power, family: 'density', severity: 'error', label: 'rack power over the density limit of the cooling', scope: 'object', opens: 'hall', alikeByModel: true },
  unfed: { ...power, severity: 'error', label: 'IT or cooling equipment fed by no power source', scope: 'aggregate', opens: 'hall', figures: { amount: 'unfed' } },
  'single-feed': { ...power, severity: 'error', label: 'unit that takes A and B feeds fed from one source', scope: 'object', opens: 'hall', alikeByModel: true, figures: { amount: 'on one feed' } },
  // An error, not a warning: A and B promise that either feed can be lost while the other carries
  // the unit, and a source both pass through drops both, as a one-feed unit of an A/B model is.
  'shared-source': { ...apparent, severity: 'error', label: 'A and B feeds meeting at one source', scope: 'aggregate', opens: 'hall', figures: { amount: 'fed through it by both A and B' } },
  'power-source': { ...apparent, severity: 'error', label: 'load over the source’s derated rating', scope: 'aggregate', opens: 'hall' },
  'power-class': { ...power, severity: 'error', label: 'source fed from a smaller class of source', scope: 'aggregate', opens: 'hall', figures: 'none' },
  'power-cycle': { ...power, severity: 'error', label: 'power sources feed each other in a loop', scope: 'aggregate', opens: 'hall', figures: 'none' },
  'feed-reach': { ...length, family: 'power', severity: 'error', label: 'unit beyond the reach of its feed', scope: 'object', opens: 'hall' },
  'floor-load': { family: 'floor', counts: 'floorLoad', unit: 'kg/m²', severity: 'error', label: 'floor loading over the slab limit', scope: 'object', opens: 'hall', alikeByModel: true },
  'outside-hall': { ...length, severity: 'error', label: 'equipment outside the hall', scope: 'object', opens: 'hall', figures: { amount: 'outside the hall' } },
  'wall-clearance': { ...length, severity: 'error', label: 'service clearance runs past the hall wall', scope: 'object', opens: 'hall', figures: { amount: 'past the wall' } },
  'zone-outside-hall': { ...length, severity: 'error', label: 'cooling zone outside its hall', scope: 'aggregate', opens: 'hall', figures: { amount: 'outside the hall' } },
  'hall-outside-site': { ...length, severity: 'error', label: 'hall outside its site', scope: 'aggregate', opens: 'site', figures: { amount: 'outside the site' } },
  'halls-overlap': { ...length, severity: 'error', label: 'halls overlap on the site', scope: 'aggregate', opens: 'site', figures: { amount: 'of overlap' } },
  overlap: { family: 'geometry', counts: 'area', unit: 'm²', severity: 'error', label: 'equipment overlaps', scope: 'pair', opens: 'hall', figures: { amount: 'of overlap' } },
  clearance: { ...length, severity: 'error', label: 'service clearance blocked', scope: 'pair', opens: 'hall', minimum: true },
  'aisle-orientation': { family: 'geometry', counts: 'length', unit: 'm', severity: 'warning', label: 'opposite facings within one row', scope: 'pair', opens: 'hall', figures: 'none' },
  'aisle-exhaust': { ...length, severity: 'warning', label: 'front facing another row’s exhaust across an aisle', scope: 'pair', opens: 'hall', minimum: true },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULE_SPECS;
export const RULES = Object.keys(RULE_SPECS) as RuleId[];

export const ruleSpec = (rule: RuleId): RuleSpec => RULE_SPECS[rule];

/** What a breach says beyond its rule: where, the objects, the limit and the value (in the rule's unit). */
export interface Breach {
  objectIds: string[];
  hallId: string | null;
  siteId: string | null;
  limit: number;
  value: number;
  message: string;
  modelId?: string;
}

/** The violation of `rule` for `key` (its objects, so the id is stable across checks). */
export function breach(rule: RuleId, key: string, b: Breach): Violation {
  const spec: RuleSpec = RULE_SPECS[rule];
  const margin = spec.minimum ? b.value - b.limit : b.limit - b.value;
  return { id: `${rule}:${key}`, rule, severity: spec.severity, quantity: spec.counts, unit: spec.unit, margin, ...b };
}

/** Each capacity the checks report headroom under: what it is called, and what it measures. */
export const HEADROOM_SPECS = {
  'hall-power': { label: 'Hall feed', counts: 'power', unit: 'kW' },
  'hall-cooling': { label: 'Hall cooling', counts: 'heat', unit: 'kW' },
  'hall-liquid': { label: 'Hall CDUs', counts: 'heat', unit: 'kW' },
  'facility-water': { label: 'Facility water', counts: 'heat', unit: 'kW' },
  'zone-air': { label: 'Zone air', counts: 'heat', unit: 'kW' },
  'zone-liquid': { label: 'Zone liquid', counts: 'heat', unit: 'kW' },
  'power-source': { label: 'Power source', counts: 'apparentPower', unit: 'kVA' },
  'site-interconnect': { label: 'Site grid (IT × PUE)', counts: 'power', unit: 'kW' },
  'site-transformer': { label: 'Site transformers (IT × PUE)', counts: 'power', unit: 'kW' },
} as const satisfies Record<string, { label: string; counts: Quantity; unit: string }>;

export type HeadroomKind = keyof typeof HEADROOM_SPECS;

/**
 * How far past a limit a value must be to break it: sums of the same figures in another
 * order differ in their last bits, and a load exactly on its limit must hold.
 */
export const LIMIT_TOLERANCE = 1e-9;

/**
 * Whether a running sum breaks its limit: past it by more than LIMIT_TOLERANCE of it (of 1 for
 * limits under 1), as the live checker's sums, added and taken away edit after edit, drift
 * from the full check's fresh ones in proportion to their size.
 */
export const exceeds = (value: number, limit: number): boolean => value > limit + LIMIT_TOLERANCE * Math.max(1, Math.abs(limit));

/** How far (m) a footprint, zone or hall may stand past what holds it before it is out: positions' rounding, far under a millimetre. */
export const OUTSIDE_TOLERANCE_M = 1e-6;

/** The headroom under one capacity; a load on the limit within LIMIT_TOLERANCE has none left and is not over (not −1.8e-14). */
export function room(kind: HeadroomKind, id: string, name: string, capacity: number, load: number): Headroom {
  const spec = HEADROOM_SPECS[kind];
  const left = capacity - load;
  return { kind, id, name, capacity, load, headroom: Math.abs(left) <= LIMIT_TOLERANCE * Math.max(1, Math.abs(capacity)) ? 0 : left, quantity: spec.counts, unit: spec.unit };
}
