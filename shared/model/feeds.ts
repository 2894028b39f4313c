/**
 * Feeding rows of units from overhead busways: consecutive units of one row share a busway
 * run while its derated rating carries their apparent power; a new row starts a new run.
 * Used by the samples and by Apply plan, so both build feeds the checks accept.
 */
import { apparentPowerKva, usableRatingKva } from './power-chain';
import { runsAlongX } from '../geometry/reach';
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

/** Units in one row stand at one y (facing north or south) or one x (facing east or west). */
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
    if (last && last.length < perRun && rowOf(last[0]!) === rowOf(unit)) last.push(unit);
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
    const along = (p: Placement) => (alongX ? p.xM : p.yM);
    const ends = group.flatMap((p) => [along(p) - model.widthM / 2, along(p) + model.widthM / 2]);
    const start = Math.min(...ends);
    const end = Math.max(...ends);
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

/** A busway section as a stretch of floor: which way it runs, its axis across, where it runs along, and its half length and depth. */
interface Stretch {
  alongX: boolean;
  axis: number;
  centre: number;
  half: number;
  halfDepth: number;
}

const alongOf = (p: Placement): number => (runsAlongX(p.rotationDeg) ? p.xM : p.yM);
const axisOf = (p: Placement): number => (runsAlongX(p.rotationDeg) ? p.yM : p.xM);

/**
 * New busway sections moved along their axis, each as little as it takes, so that none lies
 * on another running the same way (two bars cannot share a tray; runs crossing pass at
 * different heights), new or standing, nor past a wall. A section stands for its run, so a
 * move of a metre or two leaves its units under the run. Where there is no room left, a
 * section stays where it was.
 */
export function spreadOnLines(runs: readonly Placement[], standing: readonly Placement[], sizeOf: (p: Placement) => { widthM: number; depthM: number }, hall: Pick<Hall, 'widthM' | 'depthM'>): Placement[] {
  const stretch = (p: Placement, centre: number): Stretch => ({ alongX: runsAlongX(p.rotationDeg), axis: axisOf(p), centre, half: sizeOf(p).widthM / 2, halfDepth: sizeOf(p).depthM / 2 });
  const taken = standing.map((p) => stretch(p, alongOf(p)));
  return [...runs]
    .sort((a, b) => alongOf(a) - alongOf(b))
    .map((p) => {
      const me = stretch(p, alongOf(p));
      const wall = me.alongX ? hall.widthM : hall.depthM;
      const beside = taken.filter((s) => s.alongX === me.alongX && Math.abs(s.axis - me.axis) < s.halfDepth + me.halfDepth - 1e-9);
      const clear = (c: number) => c >= me.half - 1e-9 && c <= wall - me.half + 1e-9 && beside.every((s) => Math.abs(s.centre - c) >= s.half + me.half - 1e-9);
      const places = [me.centre, ...beside.flatMap((s) => [s.centre + s.half + me.half, s.centre - s.half - me.half])].filter(clear);
      const centre = places.length ? places.reduce((best, c) => (Math.abs(c - me.centre) < Math.abs(best - me.centre) ? c : best)) : me.centre;
      taken.push({ ...me, centre });
      const at = Math.round(centre * 1000) / 1000;
      return me.alongX ? { ...p, xM: at } : { ...p, yM: at };
    });
}
