/**
 * The capacity optimizer's mixed-integer program, built from a fleet document.
 *
 * Per hall, exactly one choice: keep its miners for the whole horizon (k), or start one
 * of its other options (repower, retrofit to AI, idle) in period t (x). Once started, an
 * option installs whole units (u, integer) in any period, and they run (y) once installed
 * and once the conversion is done (t + lead time); until its start the hall keeps mining
 * with what it has (z). Limits:
 * each site's interconnect per period (IT × PUE), each option's feed and usable cooling,
 * the capex budget and GPU deliveries per period, and contracted AI MW in every period of
 * the contract's term.
 * Objective: expected NPV over the scenarios, or the worst scenario's NPV.
 */
import { DENSITY_LIMITED_KINDS, densityLimitKw, plantHeatKw, usableCoolingKw } from '../model/cooling';
import { floorLoadKgPerM2 } from '../model/floor';
import { describeExclusion } from './describe';
import { unitsWithGear } from './hall-gear';
import type { EquipmentModel, FleetDoc, Hall, Placement, RetrofitOption, Site } from '../model/schema';
import { discountFactor, unitEconomics, unitMarginUsd } from './economics';
import { siteEnergy, type SiteEnergy } from '../energy/site-energy';
import { emptyProgram, type LinearProgram, type Row, type Term } from './lp';
import { countOf, periodLabel } from '../units';
import { canonicalJson } from '../io/canonical-json';

export type Objective = 'expected' | 'worst-case';

export interface OptionIx {
  option: RetrofitOption;
  model: EquipmentModel | null;
  oi: number;
  /** Units the option may install: its own maximum, within its feed and cooling. */
  maxUnits: number;
  /** Why the option cannot be chosen at all, if so. */
  excluded: Exclusion | null;
  /** Units of the option's model already standing in the hall: the option keeps them and buys only the rest (of maxUnits). */
  standing: number;
  /** The power the hall's other gear under the option draws at maxUnits: what stays of its plant and power gear, and the CDUs the units need. */
  gearKw: number;
  /** Keeping only: the units the hall keeps (miners, and GPU systems already there), by model, each within the hall's feed and cooling (maxUnits is their sum). */
  kept: { model: EquipmentModel; units: number }[];
}

/** Why an option is ruled out before the search, with the figures to say it in the user's units. */
export type Exclusion =
  | { kind: 'density'; model: string; rackKw: number; limitKw: number; cooling: string }
  | { kind: 'floor'; model: string; loadKgPerM2: number; limitKgPerM2: number }
  | { kind: 'dearer'; cheaper: string; extraCapexUsd: number; sameName: boolean };

export interface HallIx {
  hall: Hall;
  site: Site;
  hi: number;
  keep: OptionIx | null;
  starts: OptionIx[];
  /** Every option, those ruled out included (with why). */
  options: OptionIx[];
}

/** The options ruled out before the search, hall by hall, for the user to read. */
export const ruledOutOptions = (halls: readonly Pick<HallIx, 'hall' | 'options'>[]): { hall: Hall; option: OptionIx }[] =>
  halls.flatMap(({ hall, options }) => options.filter((o) => o.excluded !== null).map((option) => ({ hall, option })));

/** An option the optimizer never proposes, and why, as the app and `fleetplan optimize` say it. */
export interface RuledOut {
  hallId: string;
  /** The option ruled out; null where none keeps units the hall holds (keepingMissing). */
  optionId: string | null;
  /** "Building C, “GB200 retrofit”: GB200 NVL72 rack draws 132 kW per rack, over the 80 kW that free-air cooling carries". */
  text: string;
}

/**
 * The fleet's options ruled out before the search. The layout sets only how many miners
 * keeping keeps, never whether an option is ruled out (keepingMissing reads it for units no
 * option keeps), so none is read; a hall whose option names a model the catalog lacks is
 * left to the run, which says so.
 */
export function ruledOutOf(doc: Pick<FleetDoc, 'halls' | 'models' | 'fleet'>): RuledOut[] {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const optionsOf = (hall: Hall): OptionIx[] => {
    try {
      return hallOptions(hall, models, doc.fleet, []);
    } catch {
      return [];
    }
  };
  return ruledOutOptions(doc.halls.map((hall) => ({ hall, options: optionsOf(hall) }))).map(({ hall, option }) => ({
    hallId: hall.id,
    optionId: option.option.id,
    text: `${hall.name}, “${option.option.name}”: ${describeExclusion(option.excluded!, doc.fleet.unitSystem)}`,
  }));
}

/**
 * Halls holding units that earn (miners, GPU systems) that no option keeps: a keep option keeps
 * them all, another option the units of its own model already standing.
 */
export function keepingMissing(doc: Pick<FleetDoc, 'halls' | 'placements' | 'models'>): RuledOut[] {
  const unkept = doc.halls.filter((hall) => !hall.retrofitOptions.some((o) => o.kind === 'keep-mining'));
  if (!unkept.length) return [];
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const kept = new Map(unkept.map((hall) => [hall.id, new Set(hall.retrofitOptions.map((o) => o.modelId))]));
  const earning = new Map<string, number>();
  for (const p of doc.placements) {
    const keptHere = kept.get(p.hallId);
    if (keptHere && !keptHere.has(p.modelId) && earns(models.get(p.modelId))) earning.set(p.hallId, (earning.get(p.hallId) ?? 0) + 1);
  }
  return unkept
    .filter((hall) => earning.has(hall.id))
    .map((hall) => ({
      hallId: hall.id,
      optionId: null,
      text: `${hall.name}: no option keeps the ${countOf(earning.get(hall.id)!, 'unit')} that earn there, so the search cannot keep them and the decision counts the hall idle as it is; add “Keep mining” under its Retrofit options`,
    }));
}

/** A row that is a user's limit: what it means, for binding limits and conflicts. */
export interface LimitRow {
  group: string;
  description: string;
  /** The user's unit for one more of it, and how many row units that is (1 MW = 1,000 kW). */
  unit: string;
  rowUnitsPerUnit: number;
}

export interface BuiltModel {
  lp: LinearProgram;
  halls: HallIx[];
  periods: number;
  objective: Objective;
  limits: Map<string, LimitRow>;
  /** Each hall's choice: the binaries of its one_ row, exactly one of which is 1. */
  choices: Choice[][];
  /** Each site's energy economics (its prices, demand response and peak charge), by site id. */
  energy: ReadonlyMap<string, SiteEnergy>;
}

/** One of a hall's choices: its binary, and the option (index) it starts in which period; keeping the miners has neither. */
export interface Choice {
  column: string;
  option: number | null;
  period: number | null;
}

export const v = {
  keep: (h: number) => `k_${h}`,
  start: (h: number, o: number, t: number) => `x_${h}_${o}_${t}`,
  units: (h: number, o: number, t: number) => `u_${h}_${o}_${t}`,
  run: (h: number, o: number, p: number) => `y_${h}_${o}_${p}`,
  keepRun: (h: number, m: number, p: number) => `z_${h}_${m}_${p}`,
  worst: 'npv_worst',
};

/** The hall (index) a column of `v` belongs to; null for the worst case's NPV, which is the whole fleet's. */
export const hallOfColumn = (name: string): number | null => {
  const hall = /^[kxuyz]_(\d+)(?:_|$)/.exec(name);
  return hall ? Number(hall[1]) : null;
};

export class ModelError extends Error {}

/** The AI contract's row in period p; isContractRow tells them from every other row. */
export const contractRow = (p: number): string => `contract_${p}`;
export const isContractRow = (name: string): boolean => name.startsWith('contract_');

/** The binding limit that says what the AI contract costs (the best plan without it, less this one): no row's, so no row's name. */
export const CONTRACT_COST = 'contract';

/** What an option does, capex aside: two options alike in all of it differ only in cost. */
const sameEffect = (a: OptionIx, b: OptionIx): boolean =>
  a.option.kind === b.option.kind &&
  a.option.modelId === b.option.modelId &&
  a.option.coolingMethod === b.option.coolingMethod &&
  a.option.leadTimePeriods === b.option.leadTimePeriods &&
  a.option.feedKw === b.option.feedKw &&
  a.option.usableCoolingKw === b.option.usableCoolingKw &&
  a.option.pue === b.option.pue &&
  a.maxUnits === b.maxUnits &&
  a.standing === b.standing;

/**
 * Of options that do the same thing at different prices only the cheapest can be chosen
 * in an optimal plan; dropping the others shrinks the search and removes solutions that
 * are mirror images of each other, without changing the optimum.
 */
function excludeDominated(ixs: OptionIx[]): void {
  for (const o of ixs) {
    if (o.excluded || o.option.kind === 'keep-mining') continue;
    const cheaper = ixs.find((p) => p !== o && !p.excluded && sameEffect(p, o) && (p.option.capexUsd < o.option.capexUsd || (p.option.capexUsd === o.option.capexUsd && p.oi < o.oi)));
    if (cheaper) {
      const extraCapexUsd = o.option.capexUsd - cheaper.option.capexUsd;
      o.excluded = { kind: 'dearer', cheaper: cheaper.option.name, extraCapexUsd, sameName: cheaper.option.name === o.option.name };
    }
  }
}

/**
 * A hall's options as the model sees them: how many units each may install, and why an
 * option is ruled out before the search (a rack its cooling cannot carry, a floor load
 * its slab cannot, or the same effect as a cheaper option).
 */
export function hallOptions(hall: Hall, models: ReadonlyMap<string, EquipmentModel>, fleet: FleetDoc['fleet'], placed: readonly Placement[]): OptionIx[] {
  const ixs: OptionIx[] = hall.retrofitOptions.map((stated, oi) => {
    const option = stated.kind === 'keep-mining' ? asItIs(stated, hall) : stated;
    const model = option.modelId ? (models.get(option.modelId) ?? null) : null;
    if (option.modelId && !model) throw new ModelError(`Option "${option.name}" of ${hall.name} uses a model the catalog lacks (${option.modelId})`);
    let excluded: Exclusion | null = null;
    let maxUnits = 0;
    if (model) {
      const byPower = model.powerKw > 0 ? Math.floor(option.feedKw / model.powerKw + 1e-9) : option.maxUnits;
      // The hall's plant takes what the units do not send to CDUs (their facility water carries that, sized by Apply plan).
      const byCooling = plantHeatKw(model) > 0 ? Math.floor(option.usableCoolingKw / plantHeatKw(model) + 1e-9) : option.maxUnits;
      maxUnits = Math.min(option.maxUnits, byPower, byCooling);
      const density = densityLimitKw(hall, option.coolingMethod);
      const floorLoad = floorLoadKgPerM2(model, fleet);
      if (DENSITY_LIMITED_KINDS.has(model.kind) && model.powerKw > density) {
        excluded = { kind: 'density', model: model.name, rackKw: model.powerKw, limitKw: density, cooling: option.coolingMethod };
      } else if (floorLoad !== null && floorLoad > hall.floorLimitKgPerM2 + 1e-9) {
        excluded = { kind: 'floor', model: model.name, loadKgPerM2: floorLoad, limitKgPerM2: hall.floorLimitKgPerM2 };
      }
    }
    if (!model) return { option, model, oi, maxUnits, excluded, standing: 0, gearKw: 0, kept: [] };
    if (option.kind !== 'keep-mining') {
      const standing = placed.filter((p) => p.modelId === model.id).length;
      const withGear = unitsWithGear(hall, option, model, placed, models, { upTo: maxUnits, standing });
      return { option, model, oi, maxUnits: withGear.units, excluded, standing: Math.min(withGear.units, standing), gearKw: withGear.gearKw, kept: [] };
    }
    const kept = keptUnits(option, model, placed, models);
    return { option, model, oi, maxUnits: kept.reduce((t, k) => t + k.units, 0), excluded, standing: 0, gearKw: 0, kept };
  });
  excludeDominated(ixs);
  return ixs;
}

/** Units that earn: miners and GPU systems. */
const earns = (m: EquipmentModel | undefined): boolean => !!m && (m.hashrateThs > 0 || m.gpuCount > 0);

/**
 * The units keeping keeps: every earning model the hall's layout holds (its miners, and
 * the GPU racks of a retrofit already begun), as many as stand there, or in a hall with
 * nothing laid out yet, the option's own model and count. Each is capped by the hall's
 * feed and cooling alone; together they are held to them by rows of their own. Counting
 * only the option's model left the hall's other miners, and Building B's 16 GB200 racks,
 * earning nothing, and a hall emptied of miners fell back to the option's count.
 */
function keptUnits(option: RetrofitOption, model: EquipmentModel, placed: readonly Placement[], models: ReadonlyMap<string, EquipmentModel>): { model: EquipmentModel; units: number }[] {
  const counts = new Map<EquipmentModel, number>();
  if (placed.length === 0) counts.set(model, option.maxUnits);
  for (const p of placed) {
    const m = models.get(p.modelId);
    if (earns(m)) counts.set(m!, (counts.get(m!) ?? 0) + 1);
  }
  // The plant takes what a unit does not send to the hall's CDUs, as for every option.
  const cap = (m: EquipmentModel, units: number) =>
    Math.min(units, m.powerKw > 0 ? Math.floor(option.feedKw / m.powerKw + 1e-9) : units, plantHeatKw(m) > 0 ? Math.floor(option.usableCoolingKw / plantHeatKw(m) + 1e-9) : units);
  return [...counts].map(([m, units]) => ({ model: m, units: cap(m, units) })).filter((k) => k.units > 0);
}

/**
 * Keeping the miners is the hall as it stands, whatever the option recorded when it was
 * made: the hall's feed, cooling and PUE (and its units, keptUnits). The option's
 * copies went stale as the hall was edited: a feed cut to 20 MW still mined 36 MW.
 */
function asItIs(option: RetrofitOption, hall: Hall): RetrofitOption {
  return { ...option, coolingMethod: hall.cooling.method, feedKw: hall.feedKw, usableCoolingKw: usableCoolingKw(hall), pue: hall.pue };
}

/**
 * Everything buildModel reads, as one string: two documents with the same key give the
 * same model. A plan shown beside a fleet whose key has changed since is out of date.
 */
function modelInputsKey(doc: FleetDoc): string {
  const earning = new Map<string, number>();
  const models = new Map(doc.models.map((m) => [m.id, m]));
  for (const p of doc.placements) if (earns(models.get(p.modelId))) earning.set(`${p.hallId}:${p.modelId}`, (earning.get(`${p.hallId}:${p.modelId}`) ?? 0) + 1);
  const { fleet, scenarios, sites, halls } = doc;
  // How long and how closely to search changes no model.
  const { timeLimitS: _time, mipGapFraction: _gap, ...limits } = doc.limits;
  return canonicalJson([fleet, limits, scenarios, sites, halls, doc.models, [...earning].sort()]);
}

/**
 * The model inputs key, hashed short enough to keep in a plan (cyrb53: 53 bits, so a
 * change goes unnoticed about once in 10^16).
 */
export function modelInputsHash(doc: FleetDoc): string {
  const key = modelInputsKey(doc);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The periods (indices) the AI contract binds in, first to last: from its start for its term, or to the end of the horizon. */
export interface ContractPeriods {
  first: number;
  last: number;
}

/** The contract's periods within the horizon; null when it starts after the horizon ends (nothing to plan for it). */
export function contractPeriodsOf(doc: Pick<FleetDoc, 'fleet' | 'limits'>): ContractPeriods | null {
  const first = doc.limits.contractedByPeriod;
  const horizonEnd = doc.fleet.horizonPeriods - 1;
  if (first > horizonEnd) return null;
  const term = doc.limits.contractTermPeriods;
  return { first, last: term === null || term === undefined ? horizonEnd : Math.min(first + term - 1, horizonEnd) };
}

/** The contract in the user's words: "6 MW from Q1 2029 to Q4 2030". */
export function describeContract(doc: Pick<FleetDoc, 'fleet' | 'limits'>, periods: ContractPeriods): string {
  const from = periodLabel(doc.fleet, periods.first);
  const span = periods.first === periods.last ? `in ${from}` : `from ${from} to ${periodLabel(doc.fleet, periods.last)}`;
  return `${doc.limits.contractedAiMw} MW ${span}`;
}

/** A contract that starts after the horizon cannot be planned for; moving it into the last period would promise what the user never asked. */
function contractWithinHorizon(doc: FleetDoc): ContractPeriods | null {
  if (doc.limits.contractedAiMw <= 0) return null;
  const periods = contractPeriodsOf(doc);
  if (periods) return periods;
  const T = doc.fleet.horizonPeriods;
  throw new ModelError(
    `The AI contract starts in ${periodLabel(doc.fleet, doc.limits.contractedByPeriod)}, after the horizon ends in ${periodLabel(doc.fleet, T - 1)}: move its start into the horizon or lengthen the horizon`,
  );
}

/** Whether period p falls within the contract. */
const inContract = (contract: ContractPeriods | null, p: number): boolean => contract !== null && p >= contract.first && p <= contract.last;

export function buildModel(doc: FleetDoc, objective: Objective = doc.limits.objective): BuiltModel {
  const T = doc.fleet.horizonPeriods;
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const sites = new Map(doc.sites.map((s) => [s.id, s]));
  if (doc.halls.length === 0) throw new ModelError('The fleet has no halls to plan: add a site and its halls first');
  if (doc.scenarios.length === 0) throw new ModelError('The fleet has no price scenario to optimize against');
  const probTotal = doc.scenarios.reduce((t, s) => t + s.probability, 0);
  if (objective === 'expected' && Math.abs(probTotal - 1) > 1e-6) {
    throw new ModelError(`Scenario probabilities add up to ${(probTotal * 100).toFixed(1)} %: the expected NPV needs 100 % (the worst scenario's NPV does not)`);
  }
  const lp = emptyProgram('max');
  const limits = new Map<string, LimitRow>();
  const halls: HallIx[] = [];
  const choices: Choice[][] = [];
  // Per-scenario objective terms (NPV_s), merged by weight or bounded for the worst case.
  const npvTerms: Term[][] = doc.scenarios.map(() => []);
  const gridTerms = new Map<string, Term[]>(); // `${siteId}:${p}`
  const capexTerms: Term[][] = Array.from({ length: T }, () => []);
  const gpuTerms: Term[][] = Array.from({ length: T }, () => []);
  const contract = contractWithinHorizon(doc);
  // AI IT MW running in each period of the contract.
  const aiTerms: Term[][] = Array.from({ length: T }, () => []);

  const addRow = (row: Row) => {
    if (row.terms.length) lp.rows.push(row);
  };
  const grid = (siteId: string, p: number) => {
    const key = `${siteId}:${p}`;
    let terms = gridTerms.get(key);
    if (!terms) gridTerms.set(key, (terms = []));
    return terms;
  };

  const energy = new Map(doc.sites.map((site) => [site.id, siteEnergy(site, doc.fleet)]));
  const energyOf = (site: Site) => energy.get(site.id)!;
  const placedIn = new Map<string, Placement[]>();
  for (const p of doc.placements) {
    const inHall = placedIn.get(p.hallId);
    if (inHall) inHall.push(p);
    else placedIn.set(p.hallId, [p]);
  }
  doc.halls.forEach((hall, hi) => {
    const site = sites.get(hall.siteId);
    if (!site) throw new ModelError(`Hall "${hall.name}" belongs to no site`);
    const ixs = hallOptions(hall, models, doc.fleet, placedIn.get(hall.id) ?? []);
    const keep = ixs.find((o) => o.option.kind === 'keep-mining' && !o.excluded) ?? null;
    const starts = ixs.filter((o) => o !== keep && !o.excluded);
    halls.push({ hall, site, hi, keep, starts, options: ixs });
    // Each column's name is made once: the rows below name the same columns many times over, and
    // one string for all of them is what makes the matrix form quick to build.
    const namesOf = (name: (oi: number, t: number) => string) => new Map(starts.map((o) => [o, Array.from({ length: T }, (_, t) => name(o.oi, t))]));
    const startName = namesOf((oi, t) => v.start(hi, oi, t));
    const unitsName = namesOf((oi, t) => v.units(hi, oi, t));

    const choice: Choice[] = [];
    if (keep) {
      lp.binaries.add(v.keep(hi));
      choice.push({ column: v.keep(hi), option: null, period: null });
    }
    for (const o of starts) {
      const xs = startName.get(o)!;
      const us = unitsName.get(o)!;
      const buyable = o.maxUnits - o.standing;
      for (let t = 0; t < T; t++) {
        const x = xs[t]!;
        lp.binaries.add(x);
        choice.push({ column: x, option: o.oi, period: t });
        capexTerms[t]!.push([o.option.capexUsd, x]);
        doc.scenarios.forEach((_, s) => npvTerms[s]!.push([-o.option.capexUsd * discountFactor(doc.fleet, t, true), x]));
        if (!o.model || o.maxUnits === 0) continue;
        const u = us[t]!;
        lp.integers.add(u);
        lp.bounds.set(u, [0, buyable]);
        // Units go in once the option has started, in that period or any later one. Bounding
        // the units installed so far, not each period's, keeps the LP relaxation tight: a
        // fraction of a start cannot buy a full hall of units spread over the periods.
        const installedBy: Term[] = [];
        const startedBy: Term[] = [];
        for (let k = 0; k <= t; k++) {
          installedBy.push([1, us[k]!]);
          startedBy.push([-buyable, xs[k]!]);
        }
        addRow({ name: `ux_${hi}_${o.oi}_${t}`, terms: [...installedBy, ...startedBy], sense: '<=', rhs: 0 });
        capexTerms[t]!.push([o.model.capexUsd, u]);
        doc.scenarios.forEach((_, s) => npvTerms[s]!.push([-o.model!.capexUsd * discountFactor(doc.fleet, t, true), u]));
        if (o.model.gpuCount > 0) gpuTerms[t]!.push([o.model.gpuCount, u]);
      }
      if (!o.model || o.maxUnits === 0) continue;
      // The units standing take their share of the feed and cooling from the start.
      const allUnits: Term[] = us.map((u) => [o.model!.powerKw, u] as Term);
      const standingKw = o.standing * o.model.powerKw;
      addRow({ name: `hp_${hi}_${o.oi}`, terms: allUnits, sense: '<=', rhs: o.option.feedKw - standingKw - o.gearKw });
      limits.set(`hp_${hi}_${o.oi}`, { group: `feed of ${hall.name}`, description: `one more MW of feed for ${hall.name} under "${o.option.name}"`, unit: 'MW', rowUnitsPerUnit: 1000 });
      const unitHeatKw = plantHeatKw(o.model);
      if (unitHeatKw > 0) {
        addRow({ name: `hc_${hi}_${o.oi}`, terms: us.map((u) => [unitHeatKw, u] as Term), sense: '<=', rhs: o.option.usableCoolingKw - o.standing * unitHeatKw - o.gearKw });
        limits.set(`hc_${hi}_${o.oi}`, { group: `cooling of ${hall.name}`, description: `one more MW of usable cooling in ${hall.name} under "${o.option.name}"`, unit: 'MW', rowUnitsPerUnit: 1000 });
      }
      for (let p = 0; p < T; p++) {
        // A unit bought runs once it is installed and the conversion (started lead periods before) is done; one
        // standing runs on from the start, as the hall's first pod does while the rest of the hall is converted.
        const converted: Term[] = [];
        for (let t = 0; t <= p; t++) {
          const units = o.standing + (t + o.option.leadTimePeriods <= p ? buyable : 0);
          if (units > 0) converted.push([-units, xs[t]!]);
        }
        if (!converted.length) continue;
        // Installed by p: the units bought so far, and those standing once the option has started.
        const installed: Term[] = [];
        for (let k = 0; k <= p; k++) installed.push([-1, us[k]!]);
        if (o.standing > 0) for (let t = 0; t <= p; t++) installed.push([-o.standing, xs[t]!]);
        const y = v.run(hi, o.oi, p);
        lp.bounds.set(y, [0, o.maxUnits]);
        addRow({ name: `ya_${hi}_${o.oi}_${p}`, terms: [[1, y], ...installed], sense: '<=', rhs: 0 });
        addRow({ name: `yx_${hi}_${o.oi}_${p}`, terms: [[1, y], ...converted], sense: '<=', rhs: 0 });
        grid(site.id, p).push([o.model.powerKw * o.option.pue, y]);
        doc.scenarios.forEach((sc, s) => {
          const e = unitEconomics(o.model!, o.option.pue, energyOf(site), sc, doc.fleet, p);
          npvTerms[s]!.push([unitMarginUsd(e) * discountFactor(doc.fleet, p), y]);
        });
        if (o.model.gpuCount > 0 && inContract(contract, p)) aiTerms[p]!.push([o.model.powerKw / 1000, y]);
      }
    }
    addRow({ name: `one_${hi}`, terms: choice.map(({ column }) => [1, column] as Term), sense: '=', rhs: 1 });
    choices.push(choice);
    if (!choice.length) {
      const ruledOut = ixs.filter((o) => o.excluded).map((o) => `"${o.option.name}": ${describeExclusion(o.excluded!, doc.fleet.unitSystem)}`);
      throw new ModelError(
        ixs.length === 0
          ? `Hall "${hall.name}" has no retrofit option, not even to keep mining or idle: add one under Retrofit options in its inspector`
          : `Hall "${hall.name}" has no option that can be chosen (${ruledOut.join('; ')})`,
      );
    }

    // Until another option starts, the hall keeps earning with the units it has.
    for (const [m, { model, units }] of (keep?.kept ?? []).entries()) {
      for (let p = 0; p < T; p++) {
        const z = v.keepRun(hi, m, p);
        lp.bounds.set(z, [0, units]);
        const started: Term[] = [];
        for (const o of starts) for (let t = 0; t <= p; t++) started.push([units, startName.get(o)![t]!]);
        addRow({ name: `zk_${hi}_${m}_${p}`, terms: [[1, z], ...started], sense: '<=', rhs: units });
        grid(site.id, p).push([model.powerKw * keep!.option.pue, z]);
        doc.scenarios.forEach((sc, s) => {
          const e = unitEconomics(model, keep!.option.pue, energyOf(site), sc, doc.fleet, p);
          npvTerms[s]!.push([unitMarginUsd(e) * discountFactor(doc.fleet, p), z]);
        });
        // GPU racks already in the hall serve the AI contract too (they need no new deliveries).
        if (model.gpuCount > 0 && inContract(contract, p)) aiTerms[p]!.push([model.powerKw / 1000, z]);
      }
    }
    // Units of several models share the hall's feed and cooling.
    if (keep && keep.kept.length > 1) {
      for (let p = 0; p < T; p++) {
        const load = keep.kept.map(({ model }, m) => [model.powerKw, v.keepRun(hi, m, p)] as Term);
        const heat = keep.kept.map(({ model }, m) => [plantHeatKw(model), v.keepRun(hi, m, p)] as Term);
        addRow({ name: `kf_${hi}_${p}`, terms: load, sense: '<=', rhs: keep.option.feedKw });
        limits.set(`kf_${hi}_${p}`, { group: `feed of ${hall.name}`, description: `one more MW of feed for ${hall.name} as it stands in ${periodLabel(doc.fleet, p)}`, unit: 'MW', rowUnitsPerUnit: 1000 });
        addRow({ name: `kc_${hi}_${p}`, terms: heat, sense: '<=', rhs: keep.option.usableCoolingKw });
        limits.set(`kc_${hi}_${p}`, { group: `cooling of ${hall.name}`, description: `one more MW of usable cooling for ${hall.name} as it stands in ${periodLabel(doc.fleet, p)}`, unit: 'MW', rowUnitsPerUnit: 1000 });
      }
    }
  });

  for (const [key, terms] of gridTerms) {
    const [siteId, p] = key.split(':') as [string, string];
    const site = sites.get(siteId)!;
    const name = `grid_${doc.sites.indexOf(site)}_${p}`;
    addRow({ name, terms, sense: '<=', rhs: site.interconnectMw * 1000 });
    limits.set(name, { group: `interconnect at ${site.name}`, description: `one more MW of interconnect at ${site.name} in ${periodLabel(doc.fleet, Number(p))}`, unit: 'MW', rowUnitsPerUnit: 1000 });
  }
  for (let t = 0; t < T; t++) {
    const budget = doc.limits.capexBudgetUsdPerPeriod[t];
    if (budget !== undefined && capexTerms[t]!.length) {
      addRow({ name: `capex_${t}`, terms: capexTerms[t]!, sense: '<=', rhs: budget });
      limits.set(`capex_${t}`, { group: 'capex budget', description: `$1 M more capex budget in ${periodLabel(doc.fleet, t)}`, unit: '$M', rowUnitsPerUnit: 1e6 });
    }
    const deliveries = doc.limits.gpuDeliveriesPerPeriod[t];
    if (deliveries !== undefined && gpuTerms[t]!.length) {
      addRow({ name: `gpu_${t}`, terms: gpuTerms[t]!, sense: '<=', rhs: deliveries });
      limits.set(`gpu_${t}`, { group: 'GPU deliveries', description: `one more GPU delivered in ${periodLabel(doc.fleet, t)}`, unit: 'GPU', rowUnitsPerUnit: 1 });
    }
  }
  if (contract) {
    if (!aiTerms[contract.first]!.length) {
      // A dearer copy of an option is no reason: the cheaper one was in the search.
      const ruledOut = ruledOutOptions(halls).filter((r) => r.option.option.kind === 'retrofit-ai' && r.option.excluded!.kind !== 'dearer');
      const why = ruledOut.length ? ` (ruled out: ${ruledOut.map((r) => `${r.hall.name}, "${r.option.option.name}": ${describeExclusion(r.option.excluded!, doc.fleet.unitSystem)}`).join('; ')})` : '';
      throw new ModelError(`${doc.limits.contractedAiMw} MW of AI is contracted, but no hall has an AI option that can run by ${periodLabel(doc.fleet, contract.first)}${why}`);
    }
    // The contract holds in every period of its term, not only the first: a plan may not retire its AI once the contract has started.
    for (let p = contract.first; p <= contract.last; p++) {
      const name = contractRow(p);
      addRow({ name, terms: aiTerms[p]!, sense: '>=', rhs: doc.limits.contractedAiMw });
      limits.set(name, { group: 'AI contract', description: `one more MW of contracted AI capacity in ${periodLabel(doc.fleet, p)}`, unit: 'MW', rowUnitsPerUnit: 1 });
    }
  }

  if (objective === 'expected') {
    // A loop, not push(...terms): spreading an array of the model's size into one call overflows the stack (80 sites).
    doc.scenarios.forEach((sc, s) => {
      for (const [c, x] of npvTerms[s]!) lp.objective.push([c * sc.probability, x]);
    });
  } else {
    lp.objective.push([1, v.worst]);
    lp.bounds.set(v.worst, [-Infinity, Infinity]);
    doc.scenarios.forEach((sc, s) => addRow({ name: `worst_${s}`, terms: [[1, v.worst], ...npvTerms[s]!.map(([c, x]) => [-c, x] as Term)], sense: '<=', rhs: 0 }));
  }
  return { lp, halls, periods: T, objective, limits, choices, energy };
}
