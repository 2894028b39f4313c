/**
 * Where Apply plan stands a plan's racks and the cooling gear that serves them in one hall.
 * Racks of the plan's model already standing stay where they are, with the gear that serves
 * them; the rest go first as a block of pods (`pod-block.ts`) grouped in the middle of the
 * floor, or beside the racks standing, with the CDUs the new racks need and, in a hall with
 * none standing, the CDUs and CRAHs the hall keeps at the ends of the rows they serve; where
 * what stays in the hall leaves no room for such a block, in rows round it, filling pods from
 * the north wall, with the kept gear left where it stands.
 */
import { largest, smallest } from '../arrays';
import { footprint, rectsOverlap, type Rect } from '../geometry/footprint';
import { placeRows } from '../geometry/rows';
import { cduHeatKw } from '../model/cooling';
import { cdusFor, largestCdu } from './hall-gear';
import { beyondReach, judgedFeed } from '../constraints/feed-rules';
import { wallClearanceBy } from '../constraints/object-rules';
import { makeItem, type Item } from '../constraints/item';
import { pairViolates } from '../constraints/pair-rules';
import { newUnitLabel } from '../model/copy-names';
import { feedsOf } from '../model/power-chain';
import { LABEL_MAX_LENGTH, type EquipmentModel, type FleetDoc, type Hall, type Placement, type RetrofitOption, type Rotation } from '../model/schema';
import { aislesCross, CROSS_AISLE_M, layPodBlock, MAX_ROW_RUN_M, SIDE_GAP_M, WALL_MARGIN_M, type PodBlock } from './pod-block';

export interface LaidPlan {
  /** The new racks, labelled clear of those standing. */
  racks: Placement[];
  /** New CDUs, labelled. */
  cdus: Placement[];
  /** Kept CDUs and CRAHs moved to the rows' ends; a unit that hung from a busway or stands past its cables' reach comes with no source, to be fed at its new row. */
  moved: Placement[];
  /** CDU heat of the hall's racks of the model, standing and new. */
  liquidKw: number;
  shortfalls: string[];
}

/**
 * Which of the units of a plan's model standing in a hall stay when the plan has `count`:
 * all of them up to that many. When it has fewer, the first in reading order (north to south,
 * west to east): the pod shrinks from its far end, as racks come out of a row from its end,
 * so what stays is whole rows together and a busway run whose racks all go goes with them.
 */
export function standingKept(standing: readonly Placement[], count: number): Placement[] {
  return [...standing].sort((a, b) => a.yM - b.yM || a.xM - b.xM).slice(0, Math.max(0, count));
}

/**
 * The plan's `count` units of `model` in `hall` (as the option leaves it): those among
 * `stays` stand where they are, and the rest are laid out clear of all that stays.
 */
export function layPlan(doc: FleetDoc, hall: Hall, option: RetrofitOption, model: EquipmentModel, count: number, idPrefix: string, stays: readonly Placement[]): LaidPlan {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const modelOf = (p: Placement) => models.get(p.modelId)!;
  const kept = stays.filter((p) => p.modelId === model.id);
  // No more than the bare floor could hold side by side: a plan read from a file may ask for any count.
  const floorHolds = Math.floor((hall.widthM * hall.depthM) / (model.widthM * model.depthM));
  const adding = Math.max(0, Math.min(count, floorHolds) - kept.length);
  const keptCdusKw = stays.filter((p) => modelOf(p).kind === 'cdu').map((p) => modelOf(p).coolingCapacityKw);
  const need = cdusFor(largestCdu(doc.models), hall, model, { kept: kept.length, adding }, keptCdusKw);
  const cduPrefix = `${idPrefix}cdu`;
  const job: Job = { hall, model, count: adding, kept, idPrefix, cdu: need?.cdu, cduCount: need?.count ?? 0, cduPrefix, modelOf, stays };
  const laid = inBlock(job, option) ?? roundWhatStays(job, option);
  const shortfalls = need?.shortfall ? [need.shortfall] : [];
  if (laid.racks.length < adding) shortfalls.push(`${kept.length + laid.racks.length} of ${count} ${model.name} fit the floor`);
  if (need?.cdu && laid.cdus.length < need.count) shortfalls.push(`${laid.cdus.length} of the ${need.count} ${need.cdu.name} the racks need fit the floor`);
  const labels = new Set(stays.map((p) => p.label));
  const cdus = laid.cdus.map((p) => {
    const label = newUnitLabel('cdu', labels, LABEL_MAX_LENGTH);
    labels.add(label);
    return { ...p, label };
  });
  return { racks: podsAfter(laid.racks, labels), cdus, moved: laid.moved, liquidKw: (kept.length + laid.racks.length) * cduHeatKw(model), shortfalls };
}

/**
 * The new racks' labels, clear of those `taken`: when one is taken, or reads as one taken
 * ("2.1" beside a standing "NVL72 2.1"), the new pods are numbered on after the pod
 * standing: "P2-1.1".
 */
function podsAfter(racks: readonly Placement[], taken: ReadonlySet<string>): Placement[] {
  // A label's last word: what a contractor reads a rack by on a crowded sheet.
  const lastWords = new Set([...taken].map((t) => t.slice(t.lastIndexOf(' ') + 1)));
  const clashes = (label: string) => taken.has(label) || lastWords.has(label);
  if (!racks.some((p) => clashes(p.label))) return [...racks];
  for (let first = 2; ; first++) {
    const relabelled = racks.map((p) => {
      const pod = /^P(\d+)-(.*)$/.exec(p.label);
      return { ...p, label: pod ? `P${Number(pod[1]) + first - 1}-${pod[2]}` : `P${first}-${p.label}` };
    });
    if (!relabelled.some((p) => clashes(p.label))) return relabelled;
  }
}

/** What one hall's layout works from. */
interface Job {
  hall: Hall;
  model: EquipmentModel;
  /** The new racks to lay out. */
  count: number;
  /** Racks of the model that stay where they stand. */
  kept: readonly Placement[];
  idPrefix: string;
  /** The CDU model to add, and how many. */
  cdu: EquipmentModel | undefined;
  cduCount: number;
  cduPrefix: string;
  modelOf: (p: Placement) => EquipmentModel;
  stays: readonly Placement[];
}

type Laid = Pick<LaidPlan, 'racks' | 'cdus' | 'moved'>;

/**
 * The racks as a block of pods, the new CDUs and the kept CDUs and CRAHs at its rows' ends;
 * null when what stays leaves no room for one. In a free-air hall the air plant is the
 * building's fan walls, which stay where they are.
 */
function inBlock(job: Job, option: RetrofitOption): Laid | null {
  const { hall, model, modelOf } = job;
  const { standing, keptCdus, keptCrahs } = rowCoolingOf(job, option);
  const east = [...keptCdus.map(modelOf), ...Array<EquipmentModel>(job.cdu ? job.cduCount : 0).fill(job.cdu!)];
  const west = keptCrahs.map(modelOf);
  const obstacles = standing.map((p) => withClearance(p, modelOf(p)));
  const others = standing.map((p) => makeItem(p, modelOf(p), null));
  const block = layPodBlock({ hall, model, count: job.count, idPrefix: job.idPrefix, obstacles, beside: job.kept.length ? besideOf(job.kept) : undefined, standing: job.kept, east, west, fits: fitsIn(hall, model, obstacles), accepts: (b) => rowEndsClear(hall, b, model, east, west, others) });
  if (!block) return null;
  const moved = [...keptCdus.map((p, i) => movedTo(job, p, block.east[i]!)), ...keptCrahs.map((p, i) => movedTo(job, p, block.west[i]!))];
  // Numbered as read, north to south, west to east.
  const spots = block.east.slice(keptCdus.length).sort((a, b) => a.yM - b.yM || a.xM - b.xM);
  const cdus = spots.map((spot, i) => ({ id: `${job.cduPrefix}-${i + 1}`, hallId: hall.id, modelId: job.cdu!.id, xM: spot.xM, yM: spot.yM, rotationDeg: spot.rotationDeg, powerSourceId: null, powerSourceBId: null, label: '' }));
  return { racks: block.racks, cdus, moved };
}

/**
 * The kept CDUs and CRAHs that move to the new rows, and the floor gear that stands where it
 * is. In a free-air hall the air plant is the building's fan walls, which stay where they are;
 * where racks stand kept, the CDUs and CRAHs piped and ducted to them stay with them.
 */
function rowCoolingOf(job: Job, option: RetrofitOption): { standing: Placement[]; keptCdus: Placement[]; keptCrahs: Placement[] } {
  const { modelOf } = job;
  const floor = job.stays.filter((p) => modelOf(p).mounting === 'floor');
  const moves = (p: Placement) => !job.kept.length && option.coolingMethod !== 'free-air' && (modelOf(p).kind === 'cdu' || modelOf(p).kind === 'crah');
  return { standing: floor.filter((p) => !moves(p)), keptCdus: floor.filter((p) => moves(p) && modelOf(p).kind === 'cdu'), keptCrahs: floor.filter((p) => moves(p) && modelOf(p).kind === 'crah') };
}

/**
 * A kept unit at a new place, facing as its row. It keeps floor sources whose cables still
 * reach it there (a skid or PDU nearby); one that hung from a busway, which stays over the old
 * row, or stands past its cables' reach, comes off its feeds to be fed at its new row.
 */
function movedTo(job: Job, p: Placement, spot: Pick<Placement, 'xM' | 'yM' | 'rotationDeg'>): Placement {
  const at = { ...p, xM: spot.xM, yM: spot.yM, rotationDeg: spot.rotationDeg };
  const unit = makeItem(at, job.modelOf(p), null);
  const leaves = (id: string) => {
    const source = job.stays.find((q) => q.id === id);
    if (!source) return false;
    const item = makeItem(source, job.modelOf(source), null);
    return item.m.kind === 'busway' || (judgedFeed(unit, item) && beyondReach(unit.rect, item) !== null);
  };
  return feedsOf(p).some(leaves) ? { ...at, powerSourceId: null, powerSourceBId: null } : at;
}

/**
 * Rows filled from the north wall round the floor gear that stands where it is, the kept
 * CDUs and CRAHs at the rows' ends when every one finds a place there, and the new CDUs
 * where they fit after; when a kept unit finds none, the rows go round all kept gear,
 * which stays where it stands.
 */
function roundWhatStays(job: Job, option: RetrofitOption): Laid {
  const { standing, keptCdus, keptCrahs } = rowCoolingOf(job, option);
  const moving = [...keptCdus, ...keptCrahs];
  if (moving.length) {
    const rows = roundRows(job, standing);
    const adding = newCdus(job, rows.racks);
    // The kept units first, the new CDUs on round the row ends after them.
    const ends = rowEnds(job.hall, [...moving.map(job.modelOf), ...adding], { racks: rows.racks, model: job.model, others: standing.map((p) => makeItem(p, job.modelOf(p), null)) }, `${job.cduPrefix}e-`);
    if (ends.length >= moving.length) {
      const moved = moving.map((p, i) => movedTo(job, p, ends[i]!));
      const around = [...standing, ...moved];
      return { racks: rows.racks, cdus: cdusPastEnds(job, around, rows, ends.slice(moving.length)), moved };
    }
  }
  const rows = roundRows(job, job.stays);
  const ends = rowEnds(job.hall, newCdus(job, rows.racks), { racks: rows.racks, model: job.model, others: job.stays.map((p) => makeItem(p, job.modelOf(p), null)) }, `${job.cduPrefix}e-`);
  return { racks: rows.racks, cdus: cdusPastEnds(job, job.stays, rows, ends), moved: [] };
}

/** The new CDUs the racks laid out need (none when none fit or they send no heat to a CDU). */
const newCdus = (job: Job, racks: readonly Placement[]): EquipmentModel[] => (job.cdu && racks.length && cduHeatKw(job.model) > 0 ? Array<EquipmentModel>(job.cduCount).fill(job.cdu) : []);

/**
 * The racks in rows from the north wall round the floor units of `around`; the first row
 * facing south instead where facing north would set a row's front against the back of a
 * row of the racks standing (and that does not).
 */
function roundRows(job: Job, around: readonly Placement[]): { racks: Placement[]; southM: number } {
  const kept = around.filter((p) => job.modelOf(p).mounting === 'floor').map((p) => withClearance(p, job.modelOf(p)));
  const lay = (first: Rotation) => layRows(job.hall, job.model, job.count, job.idPrefix, WALL_MARGIN_M, kept, first);
  let rows = lay(0);
  if (aislesCross(rows.placed, job.kept, job.model)) {
    const turned = lay(180);
    if (!aislesCross(turned.placed, job.kept, job.model) && turned.placed.length >= rows.placed.length) rows = turned;
  }
  return { racks: rows.placed, southM: rows.southM };
}

/**
 * The new CDUs: those placed at the rows' `ends`, then the rest in rows south of the racks,
 * then in the places left beside them, clear of `around` and its clearances.
 */
function cdusPastEnds(job: Job, around: readonly Placement[], rows: { racks: Placement[]; southM: number }, ends: Placement[]): Placement[] {
  const { hall, cdu } = job;
  const count = newCdus(job, rows.racks).length;
  if (!cdu || ends.length >= count) return ends;
  const kept = around.filter((p) => job.modelOf(p).mounting === 'floor').map((p) => withClearance(p, job.modelOf(p)));
  const endRects = ends.map((p) => withClearance(p, cdu));
  const south = layRows(hall, cdu, count - ends.length, `${job.cduPrefix}-`, rows.southM, [...kept, ...endRects]).placed;
  const racks = rows.racks.map((p) => withClearance(p, job.model));
  const beside = ends.length + south.length < count ? layRows(hall, cdu, count - ends.length - south.length, `${job.cduPrefix}b-`, WALL_MARGIN_M, [...kept, ...racks, ...endRects, ...south.map((p) => withClearance(p, cdu))]).placed : [];
  return [...ends, ...south, ...beside];
}

/** Whether a rack at a place stays inside the hall's margins with its service space, clear of what is kept. */
function fitsIn(hall: Hall, model: EquipmentModel, kept: readonly Rect[]): (p: Placement) => boolean {
  return (p) => {
    const r = footprint(p, model);
    return r.minX >= WALL_MARGIN_M - 1e-9 && r.maxY <= hall.depthM - WALL_MARGIN_M && r.maxX <= hall.widthM - WALL_MARGIN_M && wallClearanceBy(r, p.rotationDeg, model, hall) <= 0 && !kept.some((k) => rectsOverlap(withClearance(p, model), k));
  };
}

/** Whether the row-end units at their spots keep inside the walls and break no rule with the racks, what stays, or each other (the checks' own pair rules). */
function rowEndsClear(hall: Hall, block: PodBlock, model: EquipmentModel, east: readonly EquipmentModel[], west: readonly EquipmentModel[], others: readonly Item[]): boolean {
  const around = [...others, ...block.racks.map((p) => makeItem(p, model, null))];
  const spots = [...block.east.map((s, i) => [s, east[i]!] as const), ...block.west.map((s, i) => [s, west[i]!] as const)];
  return spots.every(([spot, m], i) => {
    const item = makeItem({ id: `end-${i}`, hallId: hall.id, modelId: m.id, xM: spot.xM, yM: spot.yM, rotationDeg: spot.rotationDeg, powerSourceId: null, powerSourceBId: null, label: '' }, m, null);
    const r = item.rect;
    if (r.minX < WALL_MARGIN_M || r.maxX > hall.widthM - WALL_MARGIN_M || wallClearanceBy(r, spot.rotationDeg, m, hall) > 0 || around.some((o) => pairViolates(item, o))) return false;
    around.push(item);
    return true;
  });
}

/** Units grouped by model, in their order: each group hangs from runs sized for its model. */
export function byModel(units: readonly Placement[]): Placement[][] {
  const groups = new Map<string, Placement[]>();
  for (const p of units) groups.set(p.modelId, [...(groups.get(p.modelId) ?? []), p]);
  return [...groups.values()];
}

/** Where racks stand, for a block to join them: the middle of their centres and their northmost row. */
function besideOf(racks: readonly Placement[]): { xM: number; yM: number; northRowYM: number } {
  const xs = racks.map((p) => p.xM);
  const ys = racks.map((p) => p.yM);
  return { xM: (smallest(xs) + largest(xs)) / 2, yM: (smallest(ys) + largest(ys)) / 2, northRowYM: smallest(ys) };
}

/** A unit's footprint with room for its service clearances on every side (a unit may stand turned). */
function withClearance(p: Placement, m: EquipmentModel): Rect {
  const r = footprint(p, m);
  const c = Math.max(m.clearanceFrontM, m.clearanceBackM);
  return { minX: r.minX - c, minY: r.minY - c, maxX: r.maxX + c, maxY: r.maxY + c };
}

/**
 * `count` units in rows from `y0M` southwards, in pods of rows at most MAX_ROW_RUN_M
 * long side by side with cross aisles between them, filling a pod to the south wall
 * before starting the next, so a plan's racks stand together; places where something
 * kept (with its clearances) stands are skipped, and fewer units come when the floor runs
 * out. `southM` is where the southernmost row's clearances end.
 */
function layRows(hall: Hall, model: EquipmentModel, count: number, idPrefix: string, y0M: number, kept: readonly Rect[], firstFacing: Rotation = 0): { placed: Placement[]; southM: number } {
  const pitchM = model.widthM + SIDE_GAP_M;
  const usableWidthM = hall.widthM - 2 * WALL_MARGIN_M;
  // As few pods as keep rows within the run, sharing the width evenly so none is wasted.
  const pods = Math.max(1, Math.ceil((usableWidthM + CROSS_AISLE_M) / (MAX_ROW_RUN_M + CROSS_AISLE_M)));
  const podWidthM = (usableWidthM + CROSS_AISLE_M) / pods;
  // Rounding must not cost a rack that fits exactly (13 m holds 20 racks 0.65 m apart).
  const perRow = Math.max(1, Math.floor((podWidthM - CROSS_AISLE_M + SIDE_GAP_M) / pitchM + 1e-9));
  // More rows than can stand between y0M and the wall: the fit test drops the rest.
  const floorRows = Math.max(1, Math.ceil((hall.depthM - y0M) / model.depthM));
  const fits = fitsIn(hall, model, kept);
  // Each pod's places, north to south; the units are shared out over the pods so they
  // spread across the hall, and a pod that runs out of floor passes its share on.
  const places = Array.from({ length: pods }, (_, pod) => {
    const podName = pods > 1 ? `${pod + 1}-` : '';
    return placeRows({ idPrefix: `${idPrefix}${podName}`, labelPrefix: podName && `P${podName}`, hallId: hall.id, model, rows: floorRows, perRow, x0M: WALL_MARGIN_M + pod * podWidthM, y0M, gapXM: SIDE_GAP_M, firstFacing }).placements.filter(fits);
  });
  const taken = places.map(() => 0);
  const share = Math.ceil(count / pods);
  for (let pod = 0; pod < pods; pod++) taken[pod] = Math.min(share, places[pod]!.length);
  let left = count - taken.reduce((t, n) => t + n, 0);
  for (let pod = 0; pod < pods && left > 0; pod++) {
    const more = Math.min(left, places[pod]!.length - taken[pod]!);
    taken[pod]! += more;
    left -= more;
  }
  // A share rounded up can overshoot by less than one unit a pod: the last pods give it back.
  for (let pod = pods - 1, over = taken.reduce((t, n) => t + n, 0) - count; pod >= 0 && over > 0; pod--) {
    const less = Math.min(over, taken[pod]!);
    taken[pod]! -= less;
    over -= less;
  }
  const placed = places.flatMap((p, pod) => p.slice(0, taken[pod]));
  const southM = placed.reduce((s, p) => Math.max(s, withClearance(p, model).maxY), y0M);
  return { placed, southM };
}

/** The new racks, their model, and what stays in the hall: where row-end CDUs must keep clear of. */
interface RackRows {
  racks: Placement[];
  model: EquipmentModel;
  others: Item[];
}

/**
 * `units` at the ends of the rack rows, in line with the racks and facing as they do, as
 * many as find a place, in order, each where it breaks no rule with the racks, what stays,
 * or another unit (the checks' own pair and wall rules decide): the shortest pipe runs and
 * no floor of their own. They go one row end at a time, round the rows, so every pod gets
 * its units near it rather than the first row all of them.
 */
function rowEnds(hall: Hall, units: readonly EquipmentModel[], rows: RackRows, idPrefix: string): Placement[] {
  const byRow = new Map<string, Placement[]>();
  for (const p of rows.racks) {
    const key = `${p.label.split('.')[0]}:${p.yM}:${p.rotationDeg}`;
    const row = byRow.get(key);
    if (row) row.push(p);
    else byRow.set(key, [p]);
  }
  const around = [...rows.others, ...rows.racks.map((p) => makeItem(p, rows.model, null))];
  const ends = [...byRow.values()].map((row) => {
    const last = row.reduce((a, b) => (b.xM > a.xM ? b : a));
    return { last, edgeM: last.xM + rows.model.widthM / 2, open: true };
  });
  const placed: Placement[] = [];
  while (placed.length < units.length && ends.some((e) => e.open)) {
    for (const end of ends) {
      const unit = units[placed.length];
      if (!end.open || !unit) continue;
      const p: Placement = { ...end.last, id: `${idPrefix}${placed.length + 1}`, modelId: unit.id, xM: Math.round((end.edgeM + SIDE_GAP_M + unit.widthM / 2) * 1000) / 1000, powerSourceId: null, powerSourceBId: null };
      const item = makeItem(p, unit, null);
      const r = item.rect;
      if (r.minX < WALL_MARGIN_M || r.maxX > hall.widthM - WALL_MARGIN_M || wallClearanceBy(r, p.rotationDeg, unit, hall) > 0 || around.some((o) => pairViolates(item, o))) {
        end.open = false;
        continue;
      }
      placed.push(p);
      around.push(item);
      end.edgeM += SIDE_GAP_M + unit.widthM;
    }
  }
  return placed;
}

