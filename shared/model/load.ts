/**
 * What counts as IT load. Miners and GPU systems (alone or in the racks, containers and
 * tanks that hold them) draw the power that earns money; everything else (CDUs, CRAHs,
 * power gear) is facility load, which a hall's PUE already accounts for. One definition,
 * used by totals, the constraint engine and the optimizer.
 */
import type { EquipmentKind, EquipmentModel, FleetDoc, Placement } from './schema';
import { isPowerSourceKind } from './power-chain';

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

export function itPowerKw(model: EquipmentModel): number {
  return isItEquipment(model.kind) ? model.powerKw : 0;
}

/** The placed PDUs, busways, transformers, UPSs and generators of a hall: what equipment there can be fed from. */
export function powerSourcesInHall(doc: FleetDoc, hallId: string): Placement[] {
  const kinds = new Map(doc.models.map((m) => [m.id, m.kind]));
  return doc.placements.filter((p) => p.hallId === hallId && isPowerSource(kinds.get(p.modelId) ?? 'asic-miner'));
}
