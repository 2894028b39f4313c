/**
 * The switchboards Apply plan hangs its new busway runs from. A run is 415 V bar that plugs
 * into a breaker on a switchboard (a distribution skid), not straight into the hall's
 * incoming feed, so every new run gets one: a board at the top of its chain standing in the
 * hall, where the load left on it leaves room under its derated rating, else a new board of
 * the catalog's largest, stood on free floor nearest the runs it feeds. Runs go largest
 * first to the first board with room. A and B runs never share a board, and B runs only go
 * to boards of their own: the two feeds of a unit must not meet at one source.
 */
import { largest, smallest } from '../arrays';
import { rectsOverlap, type Rect } from '../geometry/footprint';
import { makeItem, type Item } from '../constraints/item';
import { wallClearanceBy } from '../constraints/object-rules';
import { pairViolates } from '../constraints/pair-rules';
import { newUnitLabel } from '../model/copy-names';
import { floorLoadKgPerM2 } from '../model/floor';
import { isItEquipment, isPowerSource } from '../model/load';
import { runsAlongX } from '../geometry/reach';
import { apparentPowerKva, fedBySource, usableRatingKva } from '../model/power-chain';
import { LABEL_MAX_LENGTH, type EquipmentModel, type FleetDoc, type Hall, type Placement } from '../model/schema';
import type { Kva, Meters } from '../units';
import { WALL_MARGIN_M } from './pod-block';

export interface NewRun {
  run: Placement;
  side: 'A' | 'B';
}

export interface RunBoards {
  /** The new boards, placed, labelled, at the top of their chain. */
  boards: Placement[];
  /** Each run with the board it hangs from (none where no board could be had). */
  runs: Placement[];
  shortfalls: string[];
}

interface Board {
  id: string;
  side: 'A' | 'B';
  spareKva: Kva;
  runs: Placement[];
}

/** The step of the places a new board is tried at. */
const SPOT_STEP_M: Meters = 0.5;
const EPS = 1e-9;

/**
 * Boards for `runs`, new busway runs in `hall`; `after` is everything in the hall once the
 * plan is laid out but the boards (runs included), which the boards stand clear of and
 * whose loads fill the boards standing.
 */
export function boardsForRuns(doc: FleetDoc, hall: Hall, runs: readonly NewRun[], after: readonly Placement[], idPrefix: string): RunBoards {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const derate = doc.fleet.continuousLoadDerate;
  const board = doc.models.filter((m) => m.kind === 'switchboard' && m.ratingKva > 0).sort((a, b) => usableRatingKva(b, derate) - usableRatingKva(a, derate))[0];
  if (!runs.length) return { boards: [], runs: [], shortfalls: [] };
  if (!board) return { boards: [], runs: runs.map((r) => r.run), shortfalls: ['the catalog has no switchboard to hang the new busway runs from: they hang from the hall feed'] };
  const loadOf = loadsUnder(after, models);
  const standing: Board[] = after
    .filter((p) => models.get(p.modelId)?.kind === 'switchboard' && !p.powerSourceId && !p.powerSourceBId)
    .map((p) => ({ id: p.id, side: 'A' as const, spareKva: usableRatingKva(models.get(p.modelId)!, derate) - loadOf(p.id), runs: [] }));
  const fresh: Board[] = [];
  const capacityKva = usableRatingKva(board, derate);
  const shortfalls: string[] = [];
  const byLoad = runs.map((r) => ({ ...r, kva: loadOf(r.run.id) })).sort((a, b) => b.kva - a.kva);
  for (const { run, side, kva } of byLoad) {
    const to = [...(side === 'A' ? standing : []), ...fresh.filter((b) => b.side === side)].find((b) => b.spareKva >= kva - EPS);
    if (to) {
      to.spareKva -= kva;
      to.runs.push(run);
    } else if (kva <= capacityKva + EPS) {
      fresh.push({ id: `${idPrefix}${fresh.length + 1}`, side, spareKva: capacityKva - kva, runs: [run] });
    } else shortfalls.push(`a busway run of ${kva.toFixed(1)} kVA is more than a ${board.name} carries: it hangs from the hall feed`);
  }
  const placed = standBoards(doc, hall, board, fresh, after, models);
  if (placed.length < fresh.length) {
    const why = slabCarries(board, doc, hall) ? 'find no free floor' : `weigh more than the slab carries (${hall.floorLimitKgPerM2} kg/m²)`;
    shortfalls.push(`${fresh.length - placed.length} of the ${fresh.length} ${board.name} the new busway runs need ${why}: their runs hang from the hall feed`);
  }
  const feeds = new Map<string, string>();
  for (const b of standing) for (const r of b.runs) feeds.set(r.id, b.id);
  for (const p of placed) for (const r of fresh.find((b) => b.id === p.id)!.runs) feeds.set(r.id, p.id);
  return { boards: placed, runs: runs.map(({ run }) => ({ ...run, powerSourceId: feeds.get(run.id) ?? null })), shortfalls };
}

/** Whether the hall's slab carries a unit of `model`. */
function slabCarries(model: EquipmentModel, doc: FleetDoc, hall: Hall): boolean {
  const load = floorLoadKgPerM2(model, doc.fleet);
  return load === null || load <= hall.floorLimitKgPerM2 + EPS;
}

/** The apparent power under each source among `placements`, each unit counted once however many paths reach it. */
function loadsUnder(placements: readonly Placement[], models: ReadonlyMap<string, EquipmentModel>): (id: string) => Kva {
  const fedBy = fedBySource(placements);
  return (id) => {
    const seen = new Set<string>([id]);
    const queue = [id];
    let total = 0;
    while (queue.length) {
      for (const p of fedBy.get(queue.pop()!) ?? []) {
        const m = models.get(p.modelId);
        if (seen.has(p.id) || !m) continue;
        seen.add(p.id);
        if (isPowerSource(m.kind)) queue.push(p.id);
        else total += apparentPowerKva(m.powerKw, m.powerFactor);
      }
    }
    return total;
  };
}

/**
 * The new boards on the floor, each at the free place nearest the middle of its runs where
 * it keeps its service space inside the walls and breaks no rule with what stands (the
 * checks' own pair rules decide); a board the floor has no place for, or whose weight the
 * slab cannot carry, is left out.
 */
function standBoards(doc: FleetDoc, hall: Hall, board: EquipmentModel, fresh: readonly Board[], after: readonly Placement[], models: ReadonlyMap<string, EquipmentModel>): Placement[] {
  if (!slabCarries(board, doc, hall)) return [];
  const around = new Neighbours();
  const airways = new Neighbours();
  for (const p of after) {
    const m = models.get(p.modelId);
    if (!m || m.mounting !== 'floor') continue;
    const item = makeItem(p, m, null);
    around.add(standing(item));
    if (isItEquipment(m.kind)) airways.add({ item, reach: airwayOf(item) });
  }
  const labels = new Set(after.map((p) => p.label));
  const placed: Placement[] = [];
  for (const b of fresh) {
    const xs = b.runs.map((r) => r.xM);
    const ys = b.runs.map((r) => r.yM);
    const target = { xM: (smallest(xs) + largest(xs)) / 2, yM: (smallest(ys) + largest(ys)) / 2 };
    const spot = freeSpot(hall, board, target, around, airways);
    // The floor only fills: where one board finds no place, none after it will.
    if (!spot) break;
    const label = newUnitLabel('switchboard', labels, LABEL_MAX_LENGTH);
    labels.add(label);
    const p: Placement = { id: b.id, hallId: hall.id, modelId: board.id, ...spot, powerSourceId: null, powerSourceBId: null, label };
    placed.push(p);
    around.add(standing(makeItem(p, board, null)));
  }
  return placed;
}

/** How far before and behind a unit its air is drawn in and blown out: the aisle either side of its row. */
const AIRWAY_M: Meters = 3;

/** The floor a unit's air crosses: its footprint, and AIRWAY_M before and behind it. */
function airwayOf(item: Item): Rect {
  const r = item.rect;
  return runsAlongX(item.p.rotationDeg) ? { ...r, minY: r.minY - AIRWAY_M, maxY: r.maxY + AIRWAY_M } : { ...r, minX: r.minX - AIRWAY_M, maxX: r.maxX + AIRWAY_M };
}

/** A unit and the floor its service space may reach: what a place must keep clear of to break no pair rule with it. */
function standing(item: Item): Standing {
  const c = Math.max(item.m.clearanceFrontM, item.m.clearanceBackM);
  const r = item.rect;
  return { item, reach: { minX: r.minX - c, minY: r.minY - c, maxX: r.maxX + c, maxY: r.maxY + c } };
}

type Standing = { item: Item; reach: Rect };

/** What stands on the floor, in square cells, so a place is judged against its neighbours only. */
class Neighbours {
  private cells = new Map<string, Standing[]>();
  private static CELL_M = 5;

  private keys(r: Rect): string[] {
    const c = Neighbours.CELL_M;
    const out: string[] = [];
    for (let x = Math.floor(r.minX / c); x <= Math.floor(r.maxX / c); x++) for (let y = Math.floor(r.minY / c); y <= Math.floor(r.maxY / c); y++) out.push(`${x}:${y}`);
    return out;
  }

  add(s: Standing): void {
    for (const k of this.keys(s.reach)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(s);
      else this.cells.set(k, [s]);
    }
  }

  near(r: Rect): Set<Standing> {
    return new Set(this.keys(r).flatMap((k) => this.cells.get(k) ?? []));
  }
}

/**
 * The place nearest `target` where a `model` facing north or south stands clear of `around`:
 * out of every row's aisles (`airways`, where switchgear would stand in a rack's intake or
 * exhaust) where the floor allows, else anywhere clear; null where nothing is.
 */
function freeSpot(hall: Hall, model: EquipmentModel, target: { xM: number; yM: number }, around: Neighbours, airways: Neighbours): Pick<Placement, 'xM' | 'yM' | 'rotationDeg'> | null {
  const outOfAisles = nearestClear(hall, model, target, around, (r) => [...airways.near(r)].every((a) => !rectsOverlap(r, a.reach)));
  return outOfAisles ?? nearestClear(hall, model, target, around, () => true);
}

function nearestClear(hall: Hall, model: EquipmentModel, target: { xM: number; yM: number }, around: Neighbours, allowed: (footprint: Rect) => boolean): Pick<Placement, 'xM' | 'yM' | 'rotationDeg'> | null {
  const spots: { xM: number; yM: number; d: number }[] = [];
  const [halfW, halfD] = [model.widthM / 2, model.depthM / 2];
  for (let x = WALL_MARGIN_M + halfW; x <= hall.widthM - WALL_MARGIN_M - halfW + EPS; x += SPOT_STEP_M) {
    for (let y = WALL_MARGIN_M + halfD; y <= hall.depthM - WALL_MARGIN_M - halfD + EPS; y += SPOT_STEP_M) {
      spots.push({ xM: Math.round(x * 1000) / 1000, yM: Math.round(y * 1000) / 1000, d: (x - target.xM) ** 2 + (y - target.yM) ** 2 });
    }
  }
  spots.sort((a, b) => a.d - b.d);
  for (const { xM, yM } of spots) {
    for (const rotationDeg of [0, 180] as const) {
      const item = makeItem({ id: '', hallId: hall.id, modelId: model.id, xM, yM, rotationDeg, powerSourceId: null, powerSourceBId: null, label: '' }, model, null);
      if (wallClearanceBy(item.rect, rotationDeg, model, hall) > 0) continue;
      const mine = standing(item).reach;
      if (allowed(item.rect) && [...around.near(mine)].every((o) => !rectsOverlap(mine, o.reach) || !pairViolates(item, o.item))) return { xM, yM, rotationDeg };
    }
  }
  return null;
}
