/**
 * What a version of a fleet changed against another, in a line for the user: which
 * entities were added, changed or removed, table by table, and whether the fleet's own
 * settings changed. Used to tell recoverable sessions apart.
 */
import { countOf } from '../units';
import { ENTITY_SCHEMAS, type EntityTable, type FleetDoc } from './schema';

const NOUNS: Record<EntityTable, string> = {
  sites: 'site',
  halls: 'hall',
  zones: 'zone',
  models: 'equipment model',
  placements: 'placed object',
  scenarios: 'scenario',
  plans: 'plan',
};

const TABLES = Object.keys(ENTITY_SCHEMAS) as EntityTable[];

// Both versions come out of the same schema, which writes every object's keys in one order.
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function tableChanges(before: readonly { id: string }[], after: readonly { id: string }[], noun: string): string[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const kept = new Set(after.map((e) => e.id));
  const added = after.filter((e) => !old.has(e.id)).length;
  const changed = after.filter((e) => old.has(e.id) && !same(old.get(e.id), e)).length;
  const removed = before.filter((e) => !kept.has(e.id)).length;
  return [
    added ? `${countOf(added, noun)} added` : '',
    changed ? `${countOf(changed, noun)} changed` : '',
    removed ? `${countOf(removed, noun)} removed` : '',
  ].filter(Boolean);
}

/** What a fleet holds: "2 sites, 5 halls, 1,204 placed objects" (the catalog left out). */
export function describeContents(doc: FleetDoc): string {
  const held = TABLES.filter((t) => t !== 'models' && doc[t].length > 0).map((t) => countOf(doc[t].length, NOUNS[t]));
  return held.length ? held.join(', ') : 'an empty fleet';
}

/** "3 placed objects changed, 1 hall added, fleet settings changed", or "no changes". */
export function describeChanges(before: FleetDoc, after: FleetDoc): string {
  const parts = TABLES.flatMap((t) => tableChanges(before[t], after[t], NOUNS[t]));
  if (!same(before.fleet, after.fleet) || !same(before.limits, after.limits) || !same(before.titleBlock, after.titleBlock)) parts.push('fleet settings changed');
  return parts.length ? parts.join(', ') : 'no changes';
}
