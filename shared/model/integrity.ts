/**
 * Rule checks for a document as it is loaded (file, JSON import): values the schema
 * forbids (negative power, NaN, a hall of zero area) and what a schema cannot see
 * (duplicate ids, references to missing sites, halls, models or power sources, power
 * loops, scenario probabilities). Each problem names the object and the reason, so a
 * user can find it; nothing is silently dropped or repaired here.
 */
import type { z } from 'zod';
import { FleetDocSchema, type EntityTable, type FleetDoc } from './schema';

export type IntegrityCode =
  | 'invalid-value'
  | 'duplicate-id'
  | 'dangling-reference'
  | 'zero-area'
  | 'not-a-power-source'
  | 'power-loop'
  | 'probability-sum'
  | 'short-path';

export interface IntegrityProblem {
  code: IntegrityCode;
  /** Where, with array positions replaced by ids: `placements["a01-01"].powerKw`. */
  where: string;
  message: string;
}

/** More than this many problems means the file is wrong wholesale; listing them all helps nobody. */
export const MAX_PROBLEMS = 200;

const POWER_SOURCE_KINDS = new Set(['pdu', 'busway', 'transformer', 'ups', 'generator']);
const PROBABILITY_TOLERANCE = 1e-6;

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
  return issues.map((issue) => {
    const where = describePath(raw, issue.path);
    const value = valueAt(raw, issue.path);
    const shown = typeof value === 'number' || typeof value === 'boolean' ? ` (is ${String(value)})` : '';
    return { code: 'invalid-value' as const, where, message: `${where}: ${issue.message}${shown}` };
  });
}

function duplicateIds(doc: FleetDoc): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const tables: EntityTable[] = ['sites', 'halls', 'zones', 'models', 'placements', 'scenarios', 'plans'];
  const report = (where: string, items: readonly { id: string }[]): void => {
    const seen = new Set<string>();
    for (const { id } of items) {
      if (seen.has(id)) {
        problems.push({ code: 'duplicate-id', where: `${where}["${id}"]`, message: `${where}: id "${id}" is used more than once` });
      }
      seen.add(id);
    }
  };
  for (const table of tables) report(table, doc[table]);
  for (const hall of doc.halls) report(`halls["${hall.id}"].retrofitOptions`, hall.retrofitOptions);
  return problems;
}

function danglingReferences(doc: FleetDoc): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const siteIds = new Set(doc.sites.map((s) => s.id));
  const hallsById = new Map(doc.halls.map((h) => [h.id, h]));
  const modelsById = new Map(doc.models.map((m) => [m.id, m]));
  const placementsById = new Map(doc.placements.map((p) => [p.id, p]));
  const dangling = (where: string, field: string, value: string, what: string): void => {
    problems.push({ code: 'dangling-reference', where: `${where}.${field}`, message: `${where}: ${field} "${value}" names no ${what}` });
  };

  for (const hall of doc.halls) {
    const where = `halls["${hall.id}"]`;
    if (!siteIds.has(hall.siteId)) dangling(where, 'siteId', hall.siteId, 'site');
    if (!(hall.widthM * hall.depthM > 0)) {
      problems.push({ code: 'zero-area', where, message: `${where}: floor area is ${hall.widthM} × ${hall.depthM} m, it must be more than zero` });
    }
    for (const option of hall.retrofitOptions) {
      if (option.modelId !== null && !modelsById.has(option.modelId)) {
        dangling(`${where}.retrofitOptions["${option.id}"]`, 'modelId', option.modelId, 'equipment model');
      }
    }
  }
  for (const zone of doc.zones) {
    if (!hallsById.has(zone.hallId)) dangling(`zones["${zone.id}"]`, 'hallId', zone.hallId, 'hall');
  }
  for (const placement of doc.placements) {
    const where = `placements["${placement.id}"]`;
    if (!hallsById.has(placement.hallId)) dangling(where, 'hallId', placement.hallId, 'hall');
    if (!modelsById.has(placement.modelId)) dangling(where, 'modelId', placement.modelId, 'equipment model');
    if (placement.powerSourceId === null) continue;
    const source = placementsById.get(placement.powerSourceId);
    if (!source) {
      dangling(where, 'powerSourceId', placement.powerSourceId, 'placement');
      continue;
    }
    const sourceModel = modelsById.get(source.modelId);
    if (sourceModel && !POWER_SOURCE_KINDS.has(sourceModel.kind)) {
      problems.push({
        code: 'not-a-power-source',
        where: `${where}.powerSourceId`,
        message: `${where}: power source "${source.id}" is a ${sourceModel.kind}, not a PDU, busway, transformer, UPS or generator`,
      });
    }
  }
  for (const plan of doc.plans) {
    for (const step of plan.halls) {
      const where = `plans["${plan.id}"].halls["${step.hallId}"]`;
      const hall = hallsById.get(step.hallId);
      if (!hall) dangling(`plans["${plan.id}"]`, 'hallId', step.hallId, 'hall');
      else if (!hall.retrofitOptions.some((o) => o.id === step.optionId)) {
        dangling(where, 'optionId', step.optionId, `retrofit option of hall "${hall.id}"`);
      }
    }
  }
  return problems;
}

/** A placement that feeds itself through a chain of sources would make every load sum infinite. */
function powerLoops(doc: FleetDoc): IntegrityProblem[] {
  const sourceOf = new Map(doc.placements.map((p) => [p.id, p.powerSourceId]));
  const settled = new Set<string>();
  const problems: IntegrityProblem[] = [];
  for (const start of sourceOf.keys()) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let at: string | null | undefined = start;
    while (at != null && !settled.has(at) && !onChain.has(at)) {
      chain.push(at);
      onChain.add(at);
      at = sourceOf.get(at);
    }
    if (at != null && onChain.has(at)) {
      const loop = chain.slice(chain.indexOf(at));
      problems.push({
        code: 'power-loop',
        where: `placements["${at}"].powerSourceId`,
        message: `placements: power sources form a loop ${[...loop, at].map((id) => `"${id}"`).join(' → ')}`,
      });
    }
    for (const id of chain) settled.add(id);
  }
  return problems;
}

function scenarioRules(doc: FleetDoc): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  if (doc.scenarios.length > 0) {
    const sum = doc.scenarios.reduce((acc, s) => acc + s.probability, 0);
    if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
      problems.push({ code: 'probability-sum', where: 'scenarios', message: `scenarios: probabilities sum to ${sum}, they must sum to 1` });
    }
  }
  const horizon = doc.fleet.horizonPeriods;
  for (const s of doc.scenarios) {
    const paths = ['hashpriceUsdPerPhDay', 'gpuRateUsdPerGpuHour', 'gpuUtilizationFraction', 'powerPriceFactor'] as const;
    for (const key of paths) {
      if (s[key].length < horizon) {
        problems.push({
          code: 'short-path',
          where: `scenarios["${s.id}"].${key}`,
          message: `scenarios["${s.id}"]: ${key} covers ${s[key].length} periods, the horizon is ${horizon}`,
        });
      }
    }
  }
  return problems;
}

/** Rules beyond the schema for a document that already has the model's shape. */
export function checkIntegrity(doc: FleetDoc): IntegrityProblem[] {
  return [...duplicateIds(doc), ...danglingReferences(doc), ...powerLoops(doc), ...scenarioRules(doc)];
}

export interface Validated {
  /** The parsed document when it has the model's shape (it may still have problems). */
  doc: FleetDoc | null;
  problems: IntegrityProblem[];
}

/** Schema and rule checks together, for anything read from outside (a file, an import). */
export function validateFleet(raw: unknown): Validated {
  const parsed = FleetDocSchema.safeParse(raw);
  if (!parsed.success) return { doc: null, problems: schemaProblems(raw, parsed.error.issues).slice(0, MAX_PROBLEMS) };
  return { doc: parsed.data, problems: checkIntegrity(parsed.data).slice(0, MAX_PROBLEMS) };
}

/** One line per problem, capped, for error messages and the CLI. */
export function formatProblems(problems: readonly IntegrityProblem[], max = 10): string {
  const shown = problems.slice(0, max).map((p) => p.message);
  if (problems.length > max) shown.push(`… and ${problems.length - max} more`);
  return shown.join('\n');
}
