/**
 * Rule checks for a document as it is loaded (file, JSON import): values the schema
 * forbids (negative power, NaN, a hall of zero area) and what a schema cannot see
 * (duplicate ids, references to missing sites, halls, models or power sources, power
 * loops). Modelling advice (scenario probabilities, path lengths) belongs to the
 * checks and the optimizer, not here: an edit in progress may leave them off. Each problem names the object and the reason, so a
 * user can find it; nothing is silently dropped or repaired here.
 */
import { appendAll } from '../arrays';
import { countOf } from '../units';
import { plainIssue } from '../io/plain-issue';
import { z } from 'zod';
import { feedsOf, isPowerSourceKind, sourceClass } from './power-chain';
import { placementNamer } from './placement-names';
import { CEILING, FleetDocSchema, PlacementSchema, type FleetDoc, type FleetReading, type Placement } from './schema';

export type IntegrityCode =
  | 'invalid-value'
  | 'duplicate-id'
  | 'dangling-reference'
  | 'zero-area'
  | 'not-a-power-source'
  | 'power-loop'
  | 'power-depth'
  | 'power-class';

export interface IntegrityProblem {
  code: IntegrityCode;
  /** Where, with array positions replaced by ids: `placements["a01-01"].powerKw`. */
  where: string;
  message: string;
}

/** More than this many problems means the file is wrong wholesale; listing them all helps nobody. */
export const MAX_PROBLEMS = 200;


function describePath(root: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = root;
  for (const key of path) {
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as string] : undefined;
    if (typeof key === 'number') {
      const childId = child !== null && typeof child === 'object' ? (child as { id?: unknown }).id : undefined;
      out += typeof childId === 'string' ? `["${childId}"]` : `[${key}]`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
    node = child;
  }
  return out || '(document)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key as string];
  }
  return node;
}

function schemaProblems(raw: unknown, issues: readonly z.core.$ZodIssue[]): IntegrityProblem[] {
  return tightestLimits(issues).map((issue) => {
    const where = describePath(raw, issue.path);
    const value = valueAt(raw, issue.path);
    const shown = typeof value === 'number' || typeof value === 'boolean' ? ` (is ${String(value)})` : '';
    return { code: 'invalid-value' as const, where, message: `${where} ${plainIssue(issue, value)}${shown}` };
  });
}

/**
 * The issues, with one "at most" per field: a whole number past 2^53 breaks both its own
 * ceiling and the safe-integer one, and only the ceiling says anything to the user.
 */
function tightestLimits(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const least = new Map<string, number>();
  for (const i of issues) if (i.code === 'too_big') least.set(i.path.join('.'), Math.min(least.get(i.path.join('.')) ?? Infinity, Number(i.maximum)));
  return issues.filter((i) => i.code !== 'too_big' || Number(i.maximum) === least.get(i.path.join('.')));
}

/** Builds id → item for one collection, reporting ids used twice. */
function indexIds<T extends { id: string }>(where: string, items: Iterable<T>, problems: IntegrityProblem[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) {
      if (problems.length <= MAX_PROBLEMS) problems.push({ code: 'duplicate-id', where: `${where}["${item.id}"]`, message: `${where}: id "${item.id}" is used more than once` });
    } else byId.set(item.id, item);
  }
  return byId;
}

/**
 * The placements other placements name as their power source, by id, for a source that
 * guarantees unique ids. Usually a few hundred of a document's placements.
 */
function indexPowerSources(placements: Iterable<Placement>): Map<string, Placement> {
  const named = new Set<string>();
  for (const p of placements) {
    if (p.powerSourceId !== null) named.add(p.powerSourceId);
    if (p.powerSourceBId !== null) named.add(p.powerSourceBId);
  }
  const byId = new Map<string, Placement>();
  if (named.size > 0) for (const p of placements) if (named.has(p.id)) byId.set(p.id, p);
  return byId;
}

export interface IntegrityOptions {
  /**
   * The source already guarantees that no two placements share an id (a .fleet file's UNIQUE
   * index), so only power sources are indexed: an index of every placement costs more than all
   * the other checks of a 100,000-placement document together.
   */
  placementIdsUnique?: boolean;
  /**
   * With unique ids: the placements that may be power sources, in document order, found by the
   * source itself (a .fleet file's SQL) so the placements need not be walked twice to find them:
   * at least every placement of a power-source kind. A placement named as a source that is not
   * among them is reported as naming no placement (rather than as no power source).
   */
  powerSources?: Iterable<Placement>;
}

/**
 * Rules beyond the schema for a document that already has the model's shape. Walks the
 * placements once when given the power sources (three times otherwise), keeping only the power
 * sources among them. Problems of single objects are kept only until there are more than
 * MAX_PROBLEMS (a file of 900,000 placements in no hall took 64 s and 2.8 GB to name them all);
 * the power chain's loops and depth are always judged, since an edit's checks rely on them.
 */
export function checkIntegrity(doc: FleetReading, opts: IntegrityOptions = {}): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const sitesById = indexIds('sites', doc.sites, problems);
  const hallsById = indexIds('halls', doc.halls, problems);
  indexIds('zones', doc.zones, problems);
  const modelsById = indexIds('models', doc.models, problems);
  // Only ids named as a power source are ever looked up in this index.
  const placementsById = !opts.placementIdsUnique
    ? indexIds('placements', doc.placements, problems)
    : opts.powerSources
      ? new Map(Array.from(opts.powerSources, (p) => [p.id, p]))
      : indexPowerSources(doc.placements);
  indexIds('scenarios', doc.scenarios, problems);
  indexIds('plans', doc.plans, problems);
  // `who` names the object for the user where it has a name; the id it refers by is the problem, so it is shown.
  // Checked before a problem's words are made: making them for 900,000 placements was most of the cost.
  const room = (): boolean => problems.length <= MAX_PROBLEMS;
  const dangling = (where: string, field: string, value: string, what: string, who = where): void => {
    if (room()) problems.push({ code: 'dangling-reference', where: `${where}.${field}`, message: `${who}: ${field} "${value}" names no ${what}` });
  };

  for (const hall of doc.halls) {
    const where = `halls["${hall.id}"]`;
    if (!sitesById.has(hall.siteId)) dangling(where, 'siteId', hall.siteId, 'site');
    if (!(hall.widthM * hall.depthM > 0)) {
      problems.push({ code: 'zero-area', where, message: `${where}: floor area is ${hall.widthM} × ${hall.depthM} m, it must be more than zero` });
    }
    indexIds(`${where}.retrofitOptions`, hall.retrofitOptions, problems);
    for (const option of hall.retrofitOptions) {
      if (option.modelId !== null && !modelsById.has(option.modelId)) {
        dangling(`${where}.retrofitOptions["${option.id}"]`, 'modelId', option.modelId, 'equipment model');
      }
    }
  }
  for (const zone of doc.zones) {
    if (!hallsById.has(zone.hallId)) dangling(`zones["${zone.id}"]`, 'hallId', zone.hallId, 'hall');
  }
  // The A sources fed placements name: where a walk for power loops may start.
  const aSources = new Set<string>();
  const bSources = new Set<string>();
  const hall = lookingUp(hallsById);
  const model = lookingUp(modelsById);
  const sourceOf = { powerSourceId: lookingUp(placementsById), powerSourceBId: lookingUp(placementsById) };
  const sourceModelOf = lookingUp(modelsById);
  // Names are built only for problems: this loop runs over every placement on each open.
  const at = (p: Placement): string => `placements["${p.id}"]`;
  const siteName = (id: string): string => sitesById.get(id)?.name ?? `"${id}"`;
  const name = placementNamer(doc);
  for (const placement of doc.placements) {
    if (!hall(placement.hallId) && room()) dangling(at(placement), 'hallId', placement.hallId, 'hall', name(placement));
    if (!model(placement.modelId) && room()) dangling(at(placement), 'modelId', placement.modelId, 'equipment model', name(placement));
    let feeds = false;
    for (const field of ['powerSourceId', 'powerSourceBId'] as const) {
      const sourceId = placement[field];
      if (sourceId === null) continue;
      const source = sourceOf[field](sourceId);
      if (!source) {
        if (room()) dangling(at(placement), field, sourceId, 'placement', name(placement));
        continue;
      }
      feeds = true;
      if (source.hallId !== placement.hallId) {
        // A site's equipment is fed from its own grid connection: a feed from another site's gear would count its load there.
        const [mine, theirs] = [hallsById.get(placement.hallId), hallsById.get(source.hallId)];
        if (mine && theirs && mine.siteId !== theirs.siteId && room()) {
          problems.push({ code: 'invalid-value', where: `${at(placement)}.${field}`, message: `${name(placement)}: its power source ${name(source)} stands at another site (${siteName(theirs.siteId)}, not ${siteName(mine.siteId)}); a site's equipment is fed from its own` });
        }
      }
      const sourceModel = sourceModelOf(source.modelId);
      if (sourceModel && !isPowerSourceKind(sourceModel.kind) && room()) {
        problems.push({
          code: 'not-a-power-source',
          where: `${at(placement)}.${field}`,
          message: `${name(placement)}: its power source ${name(source)} is ${/^[aeiou]/.test(sourceModel.kind) ? 'an' : 'a'} ${sourceModel.kind}, not a PDU, busway, switchboard, UPS, transformer or generator`,
        });
      }
    }
    if (feeds && placement.powerSourceId !== null) aSources.add(placement.powerSourceId);
    if (feeds && placement.powerSourceBId !== null) bSources.add(placement.powerSourceBId);
  }
  for (const plan of doc.plans) {
    for (const step of plan.halls) {
      const hall = hallsById.get(step.hallId);
      if (!hall) dangling(`plans["${plan.id}"]`, 'hallId', step.hallId, 'hall');
      else if (!hall.retrofitOptions.some((o) => o.id === step.optionId)) {
        dangling(`plans["${plan.id}"].halls["${step.hallId}"]`, 'optionId', step.optionId, `retrofit option of hall "${hall.id}"`);
      }
    }
  }
  // Walks start at fed placements named as A sources, in document order. With unique ids every
  // one is in the index, itself in document order, so the placements need no other walk.
  const fed = (p: Placement): boolean =>
    (p.powerSourceId !== null && placementsById.has(p.powerSourceId)) || (p.powerSourceBId !== null && placementsById.has(p.powerSourceBId));
  const starts: Placement[] = [];
  for (const p of opts.placementIdsUnique ? placementsById.values() : doc.placements) if (aSources.has(p.id) && fed(p)) starts.push(p);
  appendAll(problems, powerLoops(starts, placementsById, name));
  const deep = chainTooDeep(new Set([...aSources, ...bSources].filter((id) => placementsById.has(id))), placementsById, name);
  if (deep) problems.push(deep);
  return problems;
}

/**
 * The most power sources one chain may stack, A or B feeds: a real one has a handful
 * (transformer, switchboard, UPS, PDU, busway). The checks walk chains source by source, and
 * a file stacking 20,000 busways ran the check out of memory.
 */
export const MAX_POWER_CHAIN = 32;

/**
 * A source with more than MAX_POWER_CHAIN sources on a chain up from it (the first found, in
 * the order fed placements name their sources), as a problem; null when none. Longest chains are counted without recursion (each
 * source once); a loop counts as ending where it closes (powerLoops reports it).
 */
function chainTooDeep(sources: ReadonlySet<string>, byId: ReadonlyMap<string, Placement>, name: (p: Placement) => string): IntegrityProblem | null {
  const depth = new Map<string, number>();
  const open = new Set<string>();
  const above = (id: string) => feedsOf(byId.get(id)!).filter((f) => sources.has(f));
  for (const root of sources) {
    const stack = [root];
    while (stack.length) {
      const id = stack[stack.length - 1]!;
      if (depth.has(id)) {
        stack.pop();
        continue;
      }
      if (!open.has(id)) {
        open.add(id);
        for (const f of above(id)) if (!depth.has(f) && !open.has(f)) stack.push(f);
        continue;
      }
      depth.set(id, 1 + above(id).reduce((most, f) => Math.max(most, depth.get(f) ?? 0), 0));
      open.delete(id);
      stack.pop();
    }
    const chain = depth.get(root)!;
    if (chain > MAX_POWER_CHAIN) {
      const p = byId.get(root)!;
      return {
        code: 'power-depth',
        where: `placements["${p.id}"]`,
        message: `${name(p)} hangs from a chain of ${chain} power sources; a chain may stack at most ${MAX_POWER_CHAIN} (a real one has a handful: transformer, switchboard, UPS, PDU, busway)`,
      };
    }
  }
  return null;
}

/**
 * map.get for keys that mostly repeat the one before (placements come by hall, model and
 * feed): a key equal to the last is answered without hashing it again. Placements walked from
 * a file bring a fresh copy of every id, and hashing those was most of the check's time.
 */
function lookingUp<V>(map: ReadonlyMap<string, V>): (key: string) => V | undefined {
  let lastKey: string | undefined;
  let last: V | undefined;
  return (key) => {
    if (key !== lastKey) {
      lastKey = key;
      last = map.get(key);
    }
    return last;
  };
}

/**
 * A placement that feeds itself through a chain of sources would make every load sum infinite.
 * `starts` are the fed placements named as A sources, in document order (a loop runs through
 * A sources only; a unit that feeds nothing, most of a fleet, is in none); `byId` needs to
 * hold only the placements named as power sources.
 */
function powerLoops(starts: readonly Placement[], byId: ReadonlyMap<string, Placement>, name: (p: Placement) => string): IntegrityProblem[] {
  const settled = new Set<string>();
  const problems: IntegrityProblem[] = [];
  for (const start of starts) {
    if (settled.has(start.id)) continue;
    const chain: string[] = [start.id];
    let at: string | null = start.powerSourceId;
    while (at !== null && !settled.has(at) && !chain.includes(at)) {
      chain.push(at);
      at = byId.get(at)?.powerSourceId ?? null;
    }
    if (at !== null && chain.includes(at)) {
      const loop = chain.slice(chain.indexOf(at));
      problems.push({
        code: 'power-loop',
        where: `placements["${at}"].powerSourceId`,
        message: `power sources form a loop: ${[...loop, at].map((id) => name(byId.get(id) ?? start)).join(' → ')}`,
      });
    }
    for (const id of chain) settled.add(id);
  }
  return problems;
}

export interface Validated {
  /** The parsed document when it has the model's shape (it may still have problems). */
  doc: FleetDoc | null;
  problems: IntegrityProblem[];
  /** Whether there were more problems than the MAX_PROBLEMS listed (the count is then only a floor). */
  more: boolean;
}

export const PLACEMENT_KEYS = Object.keys(PlacementSchema.shape) as (keyof Placement)[];
const DOC_KEYS = Object.keys(FleetDocSchema.shape) as (keyof FleetDoc)[];
const isId = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 64;

/**
 * True only for a placement zod would accept unchanged (exact keys, valid values). Placements
 * are most of a large document; checking them by hand keeps opening fast, and anything this
 * does not accept goes through the schema for its error message (tests hold it to PlacementSchema).
 */
const isCoordinate = (x: unknown): boolean => typeof x === 'number' && Math.abs(x) <= CEILING.coordinateM;

export function isCleanPlacement(p: unknown): p is Placement {
  // A list is never one, and walking its keys below would make a string of each index: 60 million numbers took 50 s and 4 GB.
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return false;
  const o = p as Record<string, unknown>;
  let keys = 0;
  for (const key in o) {
    if (!Object.hasOwn(o, key) || ++keys > PLACEMENT_KEYS.length) return false;
  }
  return (
    keys === PLACEMENT_KEYS.length &&
    isId(o.id) &&
    isId(o.hallId) &&
    isId(o.modelId) &&
    isCoordinate(o.xM) &&
    isCoordinate(o.yM) &&
    (o.rotationDeg === 0 || o.rotationDeg === 90 || o.rotationDeg === 180 || o.rotationDeg === 270) &&
    (o.powerSourceId === null || isId(o.powerSourceId)) &&
    (o.powerSourceBId === null || isId(o.powerSourceBId)) &&
    typeof o.label === 'string' &&
    o.label.length <= 100
  );
}

/** A parse of the document: the fleet, or the schema's issues, at most MAX_PROBLEMS + 1 of its lists' among them. */
type FleetParse = { success: true; data: FleetDoc } | { success: false; issues: z.core.$ZodIssue[] };
type Issues = z.core.$ZodIssue[];

/** The document's lists (sites … plans): walked item by item, as nearly all of a large document is in them. */
const LIST_KEYS = DOC_KEYS.filter((key) => FleetDocSchema.shape[key] instanceof z.ZodArray);
const DocWithoutLists = FleetDocSchema.omit(Object.fromEntries(LIST_KEYS.map((key) => [key, true])) as Record<(typeof LIST_KEYS)[number], true>);
/** Where the schema puts an issue among the others: by the document's key it is under, the document's own (a key it does not know) last. */
const rankOf = (issue: z.core.$ZodIssue): number => (issue.path.length === 0 ? DOC_KEYS.length : DOC_KEYS.indexOf(issue.path[0] as keyof FleetDoc));

/**
 * FleetDocSchema's parse, its lists read item by item, each list's walk stopping once more than
 * MAX_PROBLEMS issues come before its next item. Only that many are ever shown, and a file of
 * 900,000 placements breaking 7 rules each (or 300,000 zones, 2.6 GB) ran the process out of
 * memory collecting a 1 kB issue for every break. The issues come in the whole schema's order.
 */
function parseFleet(raw: unknown): FleetParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return wholeParse(raw);
  const doc = raw as Record<string, unknown>;
  const others: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (!(LIST_KEYS as string[]).includes(key)) others[key] = doc[key];
  const rest = DocWithoutLists.safeParse(others);
  const restIssues: Issues = rest.success ? [] : rest.error.issues;
  const lists = new Map<string, { data: unknown[]; issues: Issues }>();
  let listed = 0;
  for (const key of LIST_KEYS) {
    // Only issues the schema puts before this list's count against its room.
    const before = listed + restIssues.filter((i) => rankOf(i) < DOC_KEYS.indexOf(key)).length;
    const walked = parseList(key, doc[key], MAX_PROBLEMS + 1 - before);
    lists.set(key, walked);
    listed += walked.issues.length;
  }
  const issues: Issues = [];
  for (const key of DOC_KEYS) appendAll(issues, lists.get(key)?.issues ?? restIssues.filter((i) => i.path[0] === key));
  appendAll(issues, restIssues.filter((i) => i.path.length === 0));
  if (issues.length > 0 || !rest.success) return { success: false, issues };
  const data = {} as Record<keyof FleetDoc, unknown>;
  for (const key of DOC_KEYS) data[key] = lists.get(key)?.data ?? rest.data[key as keyof typeof rest.data];
  return { success: true, data: data as FleetDoc };
}

function wholeParse(raw: unknown): FleetParse {
  const parsed = FleetDocSchema.safeParse(raw);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: parsed.error.issues };
}

/**
 * One of the document's lists item by item, keeping issues (one "at most" per field) until there
 * are more than `room`: a placement isCleanPlacement passes as it is, anything else through its
 * item's schema. Something that is no list at all is the list schema's one issue.
 */
function parseList(key: keyof FleetDoc, value: unknown, room: number): { data: unknown[]; issues: Issues } {
  const schema = FleetDocSchema.shape[key] as z.ZodArray<z.ZodType>;
  const under = (issue: z.core.$ZodIssue, ...at: PropertyKey[]): z.core.$ZodIssue => ({ ...issue, path: [key, ...at, ...issue.path] });
  if (!Array.isArray(value)) {
    const parsed = schema.safeParse(value);
    return parsed.success ? { data: parsed.data, issues: [] } : { data: [], issues: parsed.error.issues.map((i) => under(i)) };
  }
  // The list's own limits (at most 50 scenarios) are not its items' to hold.
  const counted = lengthIssues(schema, value);
  if (counted.length) return { data: [], issues: counted.map((i) => under(i)) };
  const data: unknown[] = [];
  const issues: Issues = [];
  for (let i = 0; i < value.length && issues.length < room; i++) {
    const item: unknown = value[i];
    if (key === 'placements' && isCleanPlacement(item)) {
      data.push(item);
      continue;
    }
    const parsed = schema.element.safeParse(item);
    if (parsed.success) data.push(parsed.data);
    else for (const issue of tightestLimits(parsed.error.issues)) issues.push(under(issue, i));
  }
  return { data, issues };
}

/** What a list's own checks (its least and most items) say of `value`, its items not read. */
function lengthIssues(schema: z.ZodArray<z.ZodType>, value: unknown[]): Issues {
  const checks = schema.def.checks ?? [];
  if (!checks.length) return [];
  let lengthOnly = z.array(z.unknown());
  for (const check of checks) lengthOnly = lengthOnly.check(check as z.core.$ZodCheck<unknown[]>);
  const parsed = lengthOnly.safeParse(value);
  return parsed.success ? [] : parsed.error.issues;
}

/** The document's parts in the schema's key order, placements in their place. */
function joinPlacements<P extends Iterable<Placement>>(rest: Omit<FleetDoc, 'placements'> | FleetDoc, placements: P): Omit<FleetDoc, 'placements'> & { placements: P } {
  const doc = {} as Record<keyof FleetDoc, unknown>;
  for (const key of DOC_KEYS) doc[key] = key === 'placements' ? placements : rest[key];
  return doc as Omit<FleetDoc, 'placements'> & { placements: P };
}

/** Schema and rule checks together, for anything read from outside (a file, an import). */
export function validateFleet(raw: unknown, opts: IntegrityOptions = {}): Validated {
  const parsed = parseFleet(raw);
  const problems = parsed.success ? checkIntegrity(parsed.data, opts) : schemaProblems(raw, parsed.issues);
  return { doc: parsed.success ? parsed.data : null, problems: problems.slice(0, MAX_PROBLEMS), more: problems.length > MAX_PROBLEMS };
}

/** A walk of placements met one that validateFleetReading cannot judge on its own. */
export class NotPlainlyValid extends Error {}

/** Each walk of `placements`, held to isCleanPlacement as it goes. */
function clean(placements: Iterable<unknown>): Iterable<Placement> {
  return {
    *[Symbol.iterator]() {
      for (const p of placements) {
        if (!isCleanPlacement(p)) throw new NotPlainlyValid('a placement breaks the schema');
        yield p;
      }
    },
  };
}

/**
 * validateFleet for a fleet too large to hold: `rest` is the document without its placements,
 * `placements` reads them afresh on each walk, from a source that guarantees unique ids and
 * finds the placements of given models without a walk. Gives the fleet, its placements still
 * read on each walk and held to isCleanPlacement as they are, only where validateFleet of the
 * whole document would find no problem and take its fast path (every placement clean); null
 * for anything else, and then validateFleet of the whole document names what is wrong. A
 * source may throw NotPlainlyValid for the same effect.
 */
export function validateFleetReading(
  rest: unknown,
  placements: Iterable<unknown>,
  placementsOfModels: (modelIds: readonly string[]) => Iterable<unknown>,
): FleetReading | null {
  // Parsed as the whole document's lists are, with no placements: a schema parse of the rest kept an issue for each of 300,000 bad zones (1.6 GB).
  const parsed = typeof rest === 'object' && rest !== null ? parseFleet({ ...rest, placements: [] }) : null;
  if (!parsed?.success) return null;
  const fleet = joinPlacements(parsed.data, clean(placements));
  const powerSources = clean(placementsOfModels(parsed.data.models.filter((m) => isPowerSourceKind(m.kind)).map((m) => m.id)));
  try {
    return checkIntegrity(fleet, { placementIdsUnique: true, powerSources }).length === 0 ? fleet : null;
  } catch (error) {
    if (error instanceof NotPlainlyValid) return null;
    throw error;
  }
}

/**
 * Why a document is refused for its problems, for a file or an import alike: "it breaks the fleet
 * model's rules in 3 places:" and the first of them; past MAX_PROBLEMS, "in 200+ places", since
 * no more are counted.
 */
export function breaksRules(problems: readonly IntegrityProblem[], more = false): string {
  const where = more || problems.length > MAX_PROBLEMS ? `${MAX_PROBLEMS}+ places` : countOf(problems.length, 'place');
  return `it breaks the fleet model's rules in ${where}:\n${formatProblems(problems)}`;
}

/** One line per problem, capped, for error messages and the CLI. */
export function formatProblems(problems: readonly IntegrityProblem[], max = 10): string {
  const shown = problems.slice(0, max).map((p) => p.message);
  if (problems.length > max) shown.push(`… and ${problems.length - max} more`);
  return shown.join('\n');
}

/**
 * What an edit would leave that a document may not hold: what opening a file refuses, and
 * feeds the edit makes that feedProblems refuses (those the document already held are the
 * checks' to report, not a reason to refuse another edit). Every writer of a document asks it.
 */
export function problemsAfterEdit(before: FleetDoc, after: FleetDoc): IntegrityProblem[] {
  // By what and where, not by message: a message names placements by labels the edit may have changed.
  const keyOf = (p: IntegrityProblem): string => `${p.code} ${p.where}`;
  const integrity = checkIntegrity(after);
  // A chain too deep to walk is refused before the feeds' own walks take it source by source.
  if (integrity.some((p) => p.code === 'power-depth')) return integrity;
  const held = new Set(feedProblems(before).map(keyOf));
  return [...integrity, ...feedProblems(after).filter((p) => !held.has(keyOf(p)))];
}

/**
 * What an edit may not make of the power chain, beyond what opening a file refuses: a
 * source fed from a smaller class (a transformer from a PDU), a B feed naming the A source
 * again, and a loop through B feeds (integrity's loop check follows A feeds). Files that
 * already hold such feeds still open; the checks then report them.
 */
export function feedProblems(doc: FleetDoc): IntegrityProblem[] {
  const kinds = new Map(doc.models.map((m) => [m.id, m.kind]));
  const sources = new Map(doc.placements.filter((p) => isPowerSourceKind(kinds.get(p.modelId) ?? 'asic-miner')).map((p) => [p.id, p]));
  const problems: IntegrityProblem[] = [];
  const name = placementNamer(doc);
  for (const p of doc.placements) {
    const where = `placements["${p.id}"]`;
    if (p.powerSourceBId !== null && p.powerSourceBId === p.powerSourceId) {
      problems.push({ code: 'invalid-value', where: `${where}.powerSourceBId`, message: `${name(p)}: its B source is its A source; an A/B feed needs two sources` });
    }
    const kind = kinds.get(p.modelId);
    if (!kind || !sources.has(p.id)) continue;
    for (const feed of feedsOf(p)) {
      const parent = sources.get(feed);
      const parentKind = parent && kinds.get(parent.modelId);
      if (parentKind && sourceClass(parentKind) < sourceClass(kind)) {
        // The field that names it: problemsAfterEdit tells an A feed's problem from a B feed's by where.
        const field = feed === p.powerSourceId ? 'powerSourceId' : 'powerSourceBId';
        problems.push({ code: 'power-class', where: `${where}.${field}`, message: `${name(p)}, a ${kind}, cannot be fed from ${name(parent)}, a ${parentKind}: a source is fed from its own class or a larger one` });
      }
    }
  }
  // Depth-first over sources and both their feeds: a source met again on the path closes a loop.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    for (const feed of feedsOf(sources.get(id)!)) {
      if (!sources.has(feed)) continue;
      const loop = visit(feed, [...path, id]);
      if (loop) return loop;
    }
    state.set(id, 'done');
    return null;
  };
  for (const id of sources.keys()) {
    const loop = visit(id, []);
    if (loop) {
      problems.push({ code: 'power-loop', where: `placements["${loop[0]}"]`, message: `power sources form a loop: ${loop.map((s) => name(sources.get(s)!)).join(' → ')}` });
      break;
    }
  }
  return problems;
}
