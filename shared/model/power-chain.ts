/**
 * The power chain's vocabulary: which kinds are sources, the class each stands at in the
 * tree (rack → PDU/busway → switchboard/skid/UPS → transformer → the site's interconnect),
 * and the power factor each kind draws at by default. Apparent power (kVA) is what cables,
 * breakers and transformers are rated in; real power (kW) is what the load draws.
 */
import { appendAll } from '../arrays';
import type { EquipmentKind, EquipmentModel } from './schema';
import type { Kilowatts, Kva } from '../units';
import { usableUnits } from './cooling';

/**
 * A source's class: a source may be fed from one of its own class or above (cascaded PDUs,
 * a UPS behind a switchboard), never from a smaller one (a transformer fed by a PDU).
 */
export const SOURCE_CLASS: Readonly<Partial<Record<EquipmentKind, number>>> = {
  pdu: 1,
  busway: 1,
  switchboard: 2,
  ups: 2,
  transformer: 3,
  generator: 3,
};

/** The class names as users read them, lowest first. */
export const SOURCE_CLASS_NAMES: Readonly<Record<number, string>> = {
  1: 'PDU / busway',
  2: 'switchboard / skid / UPS',
  3: 'transformer / generator',
};

export const isPowerSourceKind = (kind: EquipmentKind): boolean => SOURCE_CLASS[kind] !== undefined;

/** The class of what a unit of this kind is (0 for a load), for the feed-from-a-smaller-class rule. */
export const sourceClass = (kind: EquipmentKind): number => SOURCE_CLASS[kind] ?? 0;

/**
 * Power factor a new model of each kind draws at: IT power supplies with active PFC run at
 * 0.95–0.99 (GPU systems near the top), fans and pumps lower; power gear draws nothing of
 * its own, so its factor never matters.
 */
export const DEFAULT_POWER_FACTOR: Readonly<Record<EquipmentKind, number>> = {
  'asic-miner': 0.95,
  'miner-rack': 0.95,
  'miner-container': 0.95,
  'gpu-server': 0.98,
  'gpu-rack': 0.98,
  'immersion-tank': 0.95,
  cdu: 0.9,
  crah: 0.9,
  pdu: 1,
  busway: 1,
  switchboard: 1,
  ups: 1,
  transformer: 1,
  generator: 1,
};

/**
 * The rating a source may be loaded to: its modules' share without the spares (a 1000 kVA
 * frame of 4 modules, N+1: 3 × 250 = 750 kVA), times the continuous-load derate.
 */
export function usableRatingKva(m: Pick<EquipmentModel, 'ratingKva' | 'moduleCount' | 'moduleRedundancy'>, derate: number): Kva {
  return ((m.ratingKva * usableUnits(m.moduleRedundancy, m.moduleCount)) / m.moduleCount) * derate;
}

/** How a source's usable rating came about, for a violation's message: "UPS 1000 kVA, 3 of 4 modules (N+1) × 0.8 continuous". */
export function ratingText(m: Pick<EquipmentModel, 'ratingKva' | 'moduleCount' | 'moduleRedundancy'>, derate: number): string {
  const modules = m.moduleCount > 1 ? `, ${usableUnits(m.moduleRedundancy, m.moduleCount)} of ${m.moduleCount} modules (${m.moduleRedundancy})` : '';
  return `${m.ratingKva} kVA${modules} × ${derate} continuous`;
}

/** Apparent power of a draw: kVA = kW / PF. */
export const apparentPowerKva = (kw: Kilowatts, powerFactor: number): Kva => kw / powerFactor;

/** The sources a unit names (A, then B when it is another), as every load sum reads them. */
export function feedsOf(p: { powerSourceId: string | null; powerSourceBId: string | null }): string[] {
  if (!p.powerSourceId) return p.powerSourceBId ? [p.powerSourceBId] : [];
  return p.powerSourceBId && p.powerSourceBId !== p.powerSourceId ? [p.powerSourceId, p.powerSourceBId] : [p.powerSourceId];
}

/** The placements each source feeds, A or B, in their order: built once for a walk down the chain. */
export function fedBySource<P extends { powerSourceId: string | null; powerSourceBId: string | null }>(placements: readonly P[]): Map<string, P[]> {
  const out = new Map<string, P[]>();
  for (const p of placements) {
    for (const s of feedsOf(p)) {
      const list = out.get(s);
      if (list) list.push(p);
      else out.set(s, [p]);
    }
  }
  return out;
}

/** `ids` and every source above them, through A and B feeds: a change below a source changes each of them. */
export function withSourcesAbove(ids: Iterable<string>, placementOf: (id: string) => { powerSourceId: string | null; powerSourceBId: string | null } | undefined): Set<string> {
  const seen = new Set<string>();
  const queue = [...ids];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const p = placementOf(id);
    if (p) appendAll(queue, feedsOf(p));
  }
  return seen;
}
