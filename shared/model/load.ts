/**
 * What counts as IT load. Miners and GPU systems (alone or in the racks, containers and
 * tanks that hold them) draw the power that earns money; everything else (CDUs, CRAHs,
 * power gear) is facility load, which a hall's PUE already accounts for. One definition,
 * used by totals, the constraint engine and the optimizer.
 */
import type { EquipmentKind, EquipmentModel, FleetDoc, Placement } from './schema';
import { feedsOf, isPowerSourceKind, sourceClass } from './power-chain';

const IT_KINDS: ReadonlySet<EquipmentKind> = new Set([
  'asic-miner',
  'miner-rack',
  'miner-container',
  'immersion-tank',
  'gpu-server',
  'gpu-rack',
]);

export function isItEquipment(kind: EquipmentKind): boolean {
  return IT_KINDS.has(kind);
}

export const isPowerSource = isPowerSourceKind;

/**
 * What must be fed to run: IT, and the cooling gear that keeps it running (a CDU or CRAH
 * without power cools nothing). Power sources are fed through the chain's own rules.
 */
export function needsFeed(model: Pick<EquipmentModel, 'kind' | 'powerKw'>): boolean {
  return !isPowerSource(model.kind) && model.powerKw > 0;
}

export function itPowerKw(model: EquipmentModel): number {
  return isItEquipment(model.kind) ? model.powerKw : 0;
}

/** The placed PDUs, busways, transformers, UPSs and generators of a hall: what equipment there can be fed from. */
export function powerSourcesInHall(doc: FleetDoc, hallId: string): Placement[] {
  const kinds = new Map(doc.models.map((m) => [m.id, m.kind]));
  return doc.placements.filter((p) => p.hallId === hallId && isPowerSource(kinds.get(p.modelId) ?? 'asic-miner'));
}

/**
 * The sources of its hall `unit` may be fed from, as an edit would accept them: not itself,
 * not a source it feeds (directly or further down: a loop), and for a source not one of a
 * smaller class (a transformer is not fed from a busway). The inspector offered every source
 * and refused the choice afterwards.
 */
export function sourcesThatCanFeed(doc: FleetDoc, unit: Placement): Placement[] {
  const kinds = new Map(doc.models.map((m) => [m.id, m.kind]));
  const sources = powerSourcesInHall(doc, unit.hallId);
  const below = new Set([unit.id]);
  // Each pass takes in the sources fed from one already below: a chain is at most as long as the hall has sources.
  for (let grew = true; grew; ) {
    grew = false;
    for (const q of sources) {
      if (below.has(q.id) || !feedsOf(q).some((id) => below.has(id))) continue;
      below.add(q.id);
      grew = true;
    }
  }
  const kind = kinds.get(unit.modelId);
  const smallest = kind && isPowerSourceKind(kind) ? sourceClass(kind) : 0;
  return sources.filter((q) => !below.has(q.id) && sourceClass(kinds.get(q.modelId)!) >= smallest);
}
