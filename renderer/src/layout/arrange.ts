/**
 * Arranging equipment: copies of a selection, a row of copies, turning and aligning a selection. Pure functions that
 * return the one command the editor applies (one undo step each).
 */
import type { Command, InsertCommand, MoveCommand } from '../../../shared/commands/schema';
import { footprint, rotatedSize } from '../../../shared/geometry/footprint';
import { runsAlongX } from '../../../shared/geometry/reach';
import { ruleSpec, type Violation } from '../../../shared/constraints';
import { newUnitLabel, nextFreeLabel } from '../../../shared/model/copy-names';
import { LABEL_MAX_LENGTH, type EquipmentModel, type FleetDoc, type Placement, type Rotation } from '../../../shared/model/schema';
import { hallLabels, newPlacementId } from './palette-drop';
import { largest, smallest } from '../../../shared/arrays';

/**
 * Copies of placements into a hall, shifted by (dx, dy), with fresh ids and labels no
 * equipment of that hall wears. A copy fed from a source copied with it is fed from that
 * source's copy, as a duplicated pod would be wired (it stayed on the original busway,
 * overloading it); fed from a source left behind in another hall, it is fed from nothing.
 */
export function copies(placements: Placement[], doc: FleetDoc, hallId: string, dxM: number, dyM: number): Placement[] {
  const takenIds = new Set<string>();
  const labels = hallLabels(doc, hallId);
  const copyOf = new Map<string, string>();
  const copied = placements.map((p) => {
    const id = newPlacementId(doc, takenIds);
    takenIds.add(id);
    copyOf.set(p.id, id);
    const label = nextFreeLabel(p.label, labels, LABEL_MAX_LENGTH);
    labels.add(label);
    return { ...p, id, hallId, label, xM: p.xM + dxM, yM: p.yM + dyM };
  });
  return copied.map((c, i) => {
    const source = placements[i]!.powerSourceId;
    const powerSourceId = source === null ? null : (copyOf.get(source) ?? (placements[i]!.hallId === hallId ? source : null));
    return { ...c, powerSourceId };
  });
}

/** How far a paste looks for free floor: this many footprints in each direction. */
const PASTE_SEARCH_STEPS = 20;

/** An offset copies could be shifted by. */
export interface Offset {
  dxM: number;
  dyM: number;
}

/**
 * Where a paste or duplicate lands: the nearest place one footprint of what is copied
 * away from it (east, south, west, north, a footprint further each round) where `fits`
 * says the copies stand clear, so they stand beside the originals, not on them or in
 * their service space (a row pastes as the next row's worth along, a rack as the next
 * free rack). None within reach: one footprint east, for the checks to report.
 */
export function besideOffset(placements: readonly Placement[], doc: FleetDoc, fits: (offset: Offset) => boolean): Offset {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const rects = placements.flatMap((p) => {
    const model = models.get(p.modelId);
    return model ? [footprint(p, model)] : [];
  });
  if (!rects.length) return { dxM: 0, dyM: 0 };
  const mm = (v: number) => Math.round(v * 1000) / 1000;
  const widthM = mm(largest(rects.map((r) => r.maxX)) - smallest(rects.map((r) => r.minX)));
  const depthM = mm(largest(rects.map((r) => r.maxY)) - smallest(rects.map((r) => r.minY)));
  for (let k = 1; k <= PASTE_SEARCH_STEPS; k++) {
    const tries = [
      { dxM: mm(k * widthM), dyM: 0 },
      { dxM: 0, dyM: mm(k * depthM) },
      { dxM: mm(-k * widthM), dyM: 0 },
      { dxM: 0, dyM: mm(-k * depthM) },
    ];
    const free = tries.find(fits);
    if (free) return free;
  }
  return { dxM: widthM, dyM: 0 };
}

/**
 * Whether equipment added by `command` stands clear, asked of the checks (`preview`: the
 * violations an edit would add): no overlap, service clearance, wall or hall edge broken.
 * Power and cooling are the user's to rework after; where a unit stands is what a paste chooses.
 */
export function standsClear(preview: (command: Command) => Violation[], command: Command): boolean {
  return !preview(command).some((v) => ruleSpec(v.rule).family === 'geometry');
}

/**
 * The selection turned a quarter clockwise (`turn` 90) or anticlockwise (270) as one
 * piece about the middle of its units' centres: each unit turns, and its centre goes
 * round with it, so a row with its busway stays a row (each unit turned in place, its racks would
 * stand across each other). One unit just turns where it stands.
 */
export function turnSelection(placements: readonly Placement[], turn: 90 | 270): Command {
  const rotate: Command = { type: 'rotate', rotations: placements.map((p) => ({ id: p.id, rotationDeg: ((p.rotationDeg + turn) % 360) as Rotation })) };
  if (placements.length < 2) return rotate;
  const xs = placements.map((p) => p.xM);
  const ys = placements.map((p) => p.yM);
  const cx = (smallest(xs) + largest(xs)) / 2;
  const cy = (smallest(ys) + largest(ys)) / 2;
  const mm = (v: number) => Math.round(v * 1000) / 1000;
  // With y pointing south, a quarter clockwise takes (dx, dy) to (−dy, dx): north to east, as rotationDeg 90 faces.
  const moves = placements.map((p) => {
    const [dx, dy] = [p.xM - cx, p.yM - cy];
    const [tx, ty] = turn === 90 ? [-dy, dx] : [dy, -dx];
    return { id: p.id, xM: mm(cx + tx), yM: mm(cy + ty) };
  });
  return { type: 'batch', label: 'rotate', commands: [rotate, { type: 'move', moves }] };
}

/** How far one unit of the row takes along it, and where the source's centre stands along it. */
function rowStep(source: Placement, model: EquipmentModel): { atM: number; stepM: number } {
  const { widthM, depthM } = rotatedSize(model, source.rotationDeg);
  return runsAlongX(source.rotationDeg) ? { atM: source.xM, stepM: widthM } : { atM: source.yM, stepM: depthM };
}

/** How near (m) a unit must stand to the next place of a row to be that row's next unit: positions are kept to the millimetre. */
const IN_ROW_M = 1e-3;

/**
 * The last unit of the row `source` stands in, walking from it along the row (x, or y for
 * units facing east or west) while a unit of its model and facing stands at the next place,
 * `gapM` on: rowOf from there adds to the row's end. Selected right after a row is made,
 * its first unit would otherwise put copies on the row's own units.
 */
export function rowEnd(doc: FleetDoc, source: Placement, model: EquipmentModel, gapM: number): Placement {
  const alongX = runsAlongX(source.rotationDeg);
  const { stepM } = rowStep(source, model);
  const inLine = doc.placements.filter(
    (p) => p.hallId === source.hallId && p.modelId === source.modelId && p.rotationDeg === source.rotationDeg && Math.abs(alongX ? p.yM - source.yM : p.xM - source.xM) < IN_ROW_M,
  );
  const at = (p: Placement) => (alongX ? p.xM : p.yM);
  const nextAfter = (p: Placement) => inLine.find((q) => q !== p && Math.abs(at(q) - at(p) - stepM - gapM) < IN_ROW_M);
  let last = source;
  // At most once per unit in line: a row of zero pitch would otherwise walk for ever.
  for (let walked = 0, next = nextAfter(last); next && walked < inLine.length; walked++, next = nextAfter(last)) last = next;
  return last;
}

/** Where the far edge (east, or south for units facing east or west) of the last of `count` copies from rowOf would stand, in hall metres. */
export function rowEndM(source: Placement, model: EquipmentModel, count: number, gapM: number): number {
  const { atM, stepM } = rowStep(source, model);
  return atM + count * (stepM + gapM) + stepM / 2;
}

/** `count` more units beside `source` along its row (x, or y for units facing east or west), `gapM` apart edge to edge, each labelled on from the one before ("R1" → "R2", "R3"). */
export function rowOf(doc: FleetDoc, source: Placement, model: EquipmentModel, count: number, gapM: number): InsertCommand {
  const { atM, stepM } = rowStep(source, model);
  const alongX = runsAlongX(source.rotationDeg);
  const taken = new Set<string>();
  const labels = hallLabels(doc, source.hallId);
  let last = source.label;
  const items = Array.from({ length: count }, (_, i) => {
    const id = newPlacementId(doc, taken);
    taken.add(id);
    last = last ? nextFreeLabel(last, labels, LABEL_MAX_LENGTH) : newUnitLabel(model.kind, labels, LABEL_MAX_LENGTH);
    labels.add(last);
    const along = Math.round((atM + (i + 1) * (stepM + gapM)) * 1000) / 1000;
    return { ...source, id, label: last, ...(alongX ? { xM: along } : { yM: along }) };
  });
  return { type: 'insert', entities: { table: 'placements', items } };
}

export type Alignment = 'left' | 'right' | 'top' | 'bottom' | 'centre-x' | 'centre-y';

/** Lines the selection up on the edge (or centre) of the first object selected. */
export function align(placements: Placement[], models: Map<string, EquipmentModel>, how: Alignment): MoveCommand | null {
  const [anchor] = placements;
  if (!anchor || placements.length < 2) return null;
  const half = (p: Placement) => {
    const s = rotatedSize(models.get(p.modelId)!, p.rotationDeg);
    return { w: s.widthM / 2, d: s.depthM / 2 };
  };
  const a = half(anchor);
  const moves = placements.map((p) => {
    const h = half(p);
    switch (how) {
      case 'left':
        return { id: p.id, xM: anchor.xM - a.w + h.w, yM: p.yM };
      case 'right':
        return { id: p.id, xM: anchor.xM + a.w - h.w, yM: p.yM };
      case 'top':
        return { id: p.id, xM: p.xM, yM: anchor.yM - a.d + h.d };
      case 'bottom':
        return { id: p.id, xM: p.xM, yM: anchor.yM + a.d - h.d };
      case 'centre-x':
        return { id: p.id, xM: anchor.xM, yM: p.yM };
      case 'centre-y':
        return { id: p.id, xM: p.xM, yM: anchor.yM };
    }
  });
  return { type: 'move', moves };
}
