/**
 * Feeding rows of units from overhead busways: consecutive units of one row share a busway
 * run while its derated rating carries their apparent power; a new row starts a new run.
 * Used by the samples and by Apply plan, so both build feeds the checks accept.
 */
import { largest, smallest } from '../arrays';
import { apparentPowerKva, usableRatingKva } from './power-chain';
import { footprint } from '../geometry/footprint';
import { runsAlongX } from '../geometry/reach';
import { BUSWAY_RUN_MAX_M } from './feed-reach';
import type { EquipmentModel, Hall, Placement } from './schema';

export interface BuswayRuns {
  busway: EquipmentModel;
  /** The fleet's continuous-load derate: a run carries at most rating × derate. */
  derate: number;
  idPrefix: string;
  labelPrefix: string;
  /** The source above every run (a switchboard), or null. */
  feedFrom: string | null;
  /** The hall the units stand in: a run never reaches past its walls. */
  hall: Pick<Hall, 'widthM' | 'depthM'>;
  /** Which feed of the units the runs are: B runs hang one busway's depth beside the A runs over the same rows. */
  side?: 'A' | 'B';
}

/** The widest gap between units one run may span (a cross aisle is 1.2 m). */
const RUN_GAP_M = 2.4;

/** Units in one row stand at one y (facing north or south) or one x (facing east or west). */
/** Where a unit or run stands along the way it runs, and across it. */
const alongOf = (p: Placement): number => (runsAlongX(p.rotationDeg) ? p.xM : p.yM);
const axisOf = (p: Placement): number => (runsAlongX(p.rotationDeg) ? p.yM : p.xM);

const rowOf = (p: Placement): string => (runsAlongX(p.rotationDeg) ? `y${p.yM}:${p.rotationDeg}` : `x${p.xM}:${p.rotationDeg}`);

/**
 * Busway runs over `units` (of `model`, in row order), each unit set to be fed from its run.
 * A run lies along its units from the first one's edge, or, where it is longer than they
 * are, ends at the last one's edge, so it stays over its own row, and never past a wall. Returns the runs, or
 * throws when one unit alone draws more than a run may carry.
 */
export function buswayRuns(units: Placement[], model: EquipmentModel, runs: BuswayRuns): Placement[] {
  const unitKva = apparentPowerKva(model.powerKw, model.powerFactor);
  const capacityKva = usableRatingKva(runs.busway, runs.derate);
  if (unitKva > capacityKva + 1e-9) throw new Error(`${model.name} draws ${unitKva.toFixed(1)} kVA, more than one ${runs.busway.name} carries (${capacityKva.toFixed(1)} kVA)`);
  const perRun = Math.floor(capacityKva / unitKva + 1e-9);
  const groups: Placement[][] = [];
  for (const unit of units) {
    const last = groups[groups.length - 1];
    // A run covers units standing together: one further off (the next pod's row-end CDU) gets a run of its own, or the
    // run would pass over the runs of the racks between them, two bars in one tray.
    const together = last !== undefined && Math.abs(alongOf(unit) - alongOf(last[last.length - 1]!)) - model.widthM <= RUN_GAP_M;
    if (last && last.length < perRun && rowOf(last[0]!) === rowOf(unit) && together) last.push(unit);
    else groups.push([unit]);
  }
  return groups.map((group, i) => {
    const id = `${runs.idPrefix}${i + 1}`;
    const b = runs.side === 'B';
    for (const unit of group) {
      if (b) unit.powerSourceBId = id;
      else unit.powerSourceId = id;
    }
    const first = group[0]!;
    const alongX = runsAlongX(first.rotationDeg);
    const aside = b ? runs.busway.depthM : 0;
    const ends = group.flatMap((p) => [alongOf(p) - model.widthM / 2, alongOf(p) + model.widthM / 2]);
    const start = smallest(ends);
    const end = largest(ends);
    const half = runs.busway.widthM / 2;
    const wall = alongX ? runs.hall.widthM : runs.hall.depthM;
    const centre = Math.min(Math.max(end - start >= runs.busway.widthM ? start + half : end - half, half), wall - half);
    return {
      id,
      hallId: first.hallId,
      modelId: runs.busway.id,
      xM: alongX ? centre : first.xM + aside,
      yM: alongX ? first.yM + aside : centre,
      rotationDeg: first.rotationDeg,
      powerSourceId: runs.feedFrom,
      powerSourceBId: null,
      label: `${runs.labelPrefix}${i + 1}`,
    };
  });
}

/**
 * A busway run as the floor its bar covers along its axis: its section and the units it feeds
 * ("from" to "to"), which way it runs, its axis across and its half depth.
 */
interface Stretch {
  alongX: boolean;
  axis: number;
  from: number;
  to: number;
  halfDepth: number;
}

/** What placing runs needs known of the hall: each placement's size, and the units each run feeds. */
export interface RunLines {
  sizeOf: (p: Placement) => Pick<EquipmentModel, 'widthM' | 'depthM'>;
  fedBy: ReadonlyMap<string, readonly Placement[]>;
}

/**
 * New busway sections placed along their axis so that no run's bar (from its section to the
 * farthest unit it feeds) lies on another's running the same way, new or standing (two bars
 * cannot share a tray; runs crossing pass at different heights), nor passes a wall, nor is
 * longer than one run makes: over its own units where they are longer than a section, else
 * sticking out past them on the side that is free, else moved the least it takes, else hung
 * a bar's depth or two beside its line. The runs that find no such place stand where they
 * were, listed in `unplaced`.
 */
export function spreadOnLines(runs: readonly Placement[], standing: readonly Placement[], lines: RunLines, hall: Pick<Hall, 'widthM' | 'depthM'>): { runs: Placement[]; unplaced: Placement[] } {
  /** Where a run's units stand along its axis, by their footprints (a unit may stand turned). */
  const spanOf = (p: Placement): [number, number] => {
    const alongX = runsAlongX(p.rotationDeg);
    let [from, to] = [alongOf(p), alongOf(p)];
    let first = true;
    for (const u of lines.fedBy.get(p.id) ?? []) {
      const r = footprint(u, lines.sizeOf(u));
      const [a, b] = alongX ? [r.minX, r.maxX] : [r.minY, r.maxY];
      [from, to] = first ? [a, b] : [Math.min(from, a), Math.max(to, b)];
      first = false;
    }
    return [from, to];
  };
  const stretch = (p: Placement, span: [number, number], centre: number): Stretch => {
    const { widthM, depthM } = lines.sizeOf(p);
    return { alongX: runsAlongX(p.rotationDeg), axis: axisOf(p), from: Math.min(span[0], centre - widthM / 2), to: Math.max(span[1], centre + widthM / 2), halfDepth: depthM / 2 };
  };
  const taken = standing.map((p) => stretch(p, spanOf(p), alongOf(p)));
  const unplaced: Placement[] = [];
  const placed = [...runs]
    .sort((a, b) => alongOf(a) - alongOf(b))
    .map((p) => {
      const { depthM } = lines.sizeOf(p);
      const span = spanOf(p);
      // On its own line first; where that has no room, a bar's depth or two beside it (as a B run hangs), still within a tap-off's reach of its units.
      for (const aside of [0, depthM, -depthM, 2 * depthM, -2 * depthM]) {
        const moved = runsAlongX(p.rotationDeg) ? { ...p, yM: Math.round((p.yM + aside) * 1000) / 1000 } : { ...p, xM: Math.round((p.xM + aside) * 1000) / 1000 };
        const centre = placeAlong(moved, span);
        if (centre === null) continue;
        taken.push(stretch(moved, span, centre));
        const at = Math.round(centre * 1000) / 1000;
        return runsAlongX(p.rotationDeg) ? { ...moved, xM: at } : { ...moved, yM: at };
      }
      // It stays, and what comes after keeps off it; the checks will name the clash.
      taken.push(stretch(p, span, alongOf(p)));
      unplaced.push(p);
      return p;
    });
  return { runs: placed, unplaced };

  /** Where along its line `p`'s section may stand, nearest where it is: its bar clear of every other running the same way within a bar's depth, of the walls, and no longer than a run. */
  function placeAlong(p: Placement, span: [number, number]): number | null {
    const want = alongOf(p);
    const half = lines.sizeOf(p).widthM / 2;
    const me = stretch(p, span, want);
    const wall = me.alongX ? hall.widthM : hall.depthM;
    const beside = taken.filter((s) => s.alongX === me.alongX && Math.abs(s.axis - me.axis) < s.halfDepth + me.halfDepth - 1e-9);
    const clear = (c: number) => {
      const s = stretch(p, span, c);
      return c >= half - 1e-9 && c <= wall - half + 1e-9 && s.to - s.from <= BUSWAY_RUN_MAX_M + 1e-9 && beside.every((o) => o.to <= s.from + 1e-9 || s.to <= o.from + 1e-9);
    };
    const places = [want, span[0] + half, span[1] - half, ...beside.flatMap((o) => [o.to + half, o.from - half])].filter(clear);
    return places.length ? places.reduce((best, c) => (Math.abs(c - want) < Math.abs(best - want) ? c : best)) : null;
  }
}
