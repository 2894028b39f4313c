/**
 * Whole-fleet JSON: a versioned envelope `{ format: 'fleet-planner', version: 1, fleet }`
 * whose `fleet` is the fleet model (docs/fleet.schema.json is generated from the same zod
 * schema). Export writes keys in schema order with two-space indents, so export → import →
 * export gives the same text.
 */
import { z } from 'zod';
import { formatProblems, validateFleet, type IntegrityProblem } from '../model/integrity';
import { countOf } from '../units';
import { FleetDocSchema, type FleetDoc } from '../model/schema';
import { jsonErrorOffset } from './json-syntax';
import { upgradeFleetJson } from './json-upgrade';

export const FLEET_JSON_FORMAT = 'fleet-planner';
/** Raise when the JSON shape changes incompatibly; imports refuse versions above it. */
export const FLEET_JSON_VERSION = 2;

export const FleetEnvelopeSchema = z
  .object({
    format: z.literal(FLEET_JSON_FORMAT).describe('Always "fleet-planner".'),
    version: z.literal(FLEET_JSON_VERSION).describe('Version of this JSON format.'),
    fleet: FleetDocSchema.describe('The fleet document.'),
  })
  .describe('A Fleet Planner fleet, exported as JSON.');

export function fleetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FleetEnvelopeSchema) as Record<string, unknown>;
}

export function exportFleetJson(doc: FleetDoc): string {
  const envelope = { format: FLEET_JSON_FORMAT, version: FLEET_JSON_VERSION, fleet: FleetDocSchema.parse(doc) };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export class FleetImportError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
    readonly problems: IntegrityProblem[] = [],
  ) {
    super(`Cannot import ${source}: ${reason}`);
    this.name = 'FleetImportError';
  }
}

/** Line and column (1-based) of a character offset, for parser messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const where = offset >= 0 ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, offset)) : '';
    const detail = (error as Error).message.replace(/ in JSON at position \d+.*$/, '').split(',')[0];
    throw new FleetImportError(source, `it is not valid JSON${where} (${detail})`);
  }
}

/** Reads an exported fleet; `source` names the input in error messages. */
export function importFleetJson(text: string, source: string): FleetDoc {
  const raw = parseJson(text, source);
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== FLEET_JSON_FORMAT) {
    throw new FleetImportError(source, `it is not a Fleet Planner export (no "format": "${FLEET_JSON_FORMAT}")`);
  }
  const { version, fleet } = raw as { version?: unknown; fleet?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FleetImportError(source, `"version" must be a whole number from 1, it is ${JSON.stringify(version)}`);
  }
  if (version > FLEET_JSON_VERSION) {
    throw new FleetImportError(
      source,
      `it was exported by a newer Fleet Planner (JSON version ${version}, this version reads up to ${FLEET_JSON_VERSION})`,
    );
  }
  const { doc, problems } = validateFleet(upgradeFleetJson(fleet, version));
  if (!doc || problems.length > 0) {
    throw new FleetImportError(source, `it breaks the fleet model's rules in ${countOf(problems.length, 'place')}:\n${formatProblems(problems)}`, problems);
  }
  return doc;
}
