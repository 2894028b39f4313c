import type { Quantity } from '../units';

import type { RuleId } from './rules';

export type { RuleId };

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

import type { HeadroomKind } from './rules';

export type { HeadroomKind };

/** What is left under one capacity. */
export interface Headroom {
  kind: HeadroomKind;
  id: string;
  name: string;
  capacity: number;
  load: number;
  headroom: number;
  /** What load and capacity measure (kVA for a power source), and their stored unit. */
  quantity: Quantity;
  unit: string;
}

export interface CheckResult {
  violations: Violation[];
  headroom: Headroom[];
}
