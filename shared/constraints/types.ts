import type { Quantity } from '../units';

export const RULES = [
  'site-interconnect',
  'site-transformer',
  'hall-power',
  'hall-cooling',
  'zone-air',
  'zone-liquid',
  'hall-unzoned',
  'rack-density',
  'power-source',
  'power-cycle',
  'floor-load',
  'outside-hall',
  'zone-outside-hall',
  'hall-outside-site',
  'halls-overlap',
  'overlap',
  'clearance',
  'aisle-orientation',
] as const;

export type RuleId = (typeof RULES)[number];

/** One broken limit: what, where, the limit, the value and by how much. Values in stored units. */
export interface Violation {
  /** Stable across checks: the rule and the objects, so the UI can keep a selection on it. */
  id: string;
  rule: RuleId;
  severity: 'error' | 'warning';
  objectIds: string[];
  hallId: string | null;
  siteId: string | null;
  quantity: Quantity;
  limit: number;
  value: number;
  /** limit − value: negative by how much the limit is exceeded. */
  margin: number;
  /** The stored unit of limit, value and margin. */
  unit: string;
  message: string;
  /** For a rule about one unit on its own: its model, so units alike can be listed as one. */
  modelId?: string;
}

export type HeadroomKind = 'pdu' | 'zone-air' | 'zone-liquid' | 'hall-power' | 'hall-cooling' | 'site-interconnect' | 'site-transformer';

/** What is left under one capacity. */
export interface Headroom {
  kind: HeadroomKind;
  id: string;
  name: string;
  capacity: number;
  load: number;
  headroom: number;
  unit: string;
}

export interface CheckResult {
  violations: Violation[];
  headroom: Headroom[];
}
