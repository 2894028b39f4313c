/**
 * Whole-fleet JSON: a versioned envelope `{ format: 'fleet-planner', version: 1, fleet }`
 * whose `fleet` is the fleet model (docs/fleet.schema.json is generated from the same zod
 * schema). Export writes keys in schema order with two-space indents, so export → import →
 * export gives the same text.
 */
import { z } from 'zod';
import { breaksRules, isCleanPlacement, PLACEMENT_KEYS, validateFleet, type IntegrityProblem } from '../model/integrity';
import { FleetDocSchema, PlacementSchema, type FleetDoc, type FleetReading, type Placement } from '../model/schema';
import { quotedCell } from './csv';
import { jsonErrorOffset } from './json-syntax';
import { upgradeFleetJson } from './json-upgrade';

export const FLEET_JSON_FORMAT = 'fleet-planner';
/** Raise when the JSON shape changes incompatibly; imports refuse versions above it. */
export const FLEET_JSON_VERSION = 3;

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
  let text = '';
  for (const chunk of fleetJsonChunks(doc)) text += chunk;
  return text;
}

/** Writes placements as JSON.stringify indents them at `pad`, their keys in the schema's order; each key's text is made once. */
function placementWriter(pad: string): (p: Placement) => string {
  const keyText = PLACEMENT_KEYS.map((key, k) => `${k ? ',' : ''}\n${pad}  ${JSON.stringify(key)}: `);
  const close = `\n${pad}}`;
  return (p) => {
    let text = `${pad}{`;
    for (let k = 0; k < PLACEMENT_KEYS.length; k++) text += keyText[k]! + JSON.stringify(p[PLACEMENT_KEYS[k]!]);
    return text + close;
  };
}

/** Stands in for the placements while the rest of the envelope is written, then is cut out. */
const PLACEMENTS_HERE = '\u0000placements\u0000';
/**
 * Placements per chunk: about 35 kB of text, small enough to die in V8's young generation. A
 * chunk of 2,000 (540 kB) is allocated straight into the old one, which only a full collection
 * frees: exporting 500,000 placements peaked at 286 MB so, 188 MB at 128.
 */
const PLACEMENTS_PER_CHUNK = 128;

/**
 * The export's text in pieces, the same text as JSON.stringify of the envelope with two-space
 * indents, never held whole: the placements, nearly all of a large fleet, are written a chunk
 * at a time as they are walked (from the file, for a FleetReading that reads them so), each in
 * PlacementSchema's key order (isCleanPlacement has checked it has exactly
 * those keys and values zod accepts; anything else goes through the schema, which names
 * what is wrong). The rest is parsed by the schema as it was.
 */
export function* fleetJsonChunks(doc: FleetReading): Generator<string> {
  const withoutPlacements: Partial<FleetReading> = { ...doc };
  delete withoutPlacements.placements;
  const rest = FleetDocSchema.omit({ placements: true }).parse(withoutPlacements);
  const fleet = Object.fromEntries(Object.keys(FleetDocSchema.shape).map((key) => [key, key === 'placements' ? PLACEMENTS_HERE : rest[key as keyof typeof rest]]));
  const text = `${JSON.stringify({ format: FLEET_JSON_FORMAT, version: FLEET_JSON_VERSION, fleet }, null, 2)}\n`;
  const marker = JSON.stringify(PLACEMENTS_HERE);
  const at = text.indexOf(marker);
  const indent = at - text.lastIndexOf('\n', at) - 1 - '"placements": '.length;
  yield text.slice(0, at);
  const placementJson = placementWriter(' '.repeat(indent + 2));
  let chunk = '[';
  let i = 0;
  for (const p of doc.placements) {
    chunk += `${i ? ',' : ''}\n${placementJson(isCleanPlacement(p) ? p : PlacementSchema.parse(p))}`;
    if (++i % PLACEMENTS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield i === 0 ? '[]' : `${chunk}\n${' '.repeat(indent)}]`;
  yield text.slice(at + marker.length);
}


/**
 * The largest fleet JSON an import reads, in bytes (said in MB of 2^20, as the price file's
 * limit is): an export of 500,000 placements, the most the app is made for, is 134 MB with the
 * samples' short ids and labels (268 bytes each), and up to about 300 MB with the 64-character
 * ids and 100-character labels a fleet may have; the app must read back what it writes. No
 * more: text of 160 MB made only of numbers takes 1 GB to parse, so this limit's takes 2.5 GB.
 */
export const MAX_FLEET_JSON_BYTES = 400 * 2 ** 20;
/**
 * The most objects and lists a fleet JSON may hold: one a placement, a few a hall, model or
 * plan, so well over a million placements' worth. Each costs about 130 bytes parsed whatever
 * its text: 9 MB of `{},` (3,000,000 of them) took 380 MB to parse, and 256 MB of them would
 * take 11 GB, so the text is counted before it is parsed.
 */
export const MAX_FLEET_JSON_CONTAINERS = 2_000_000;

/** The number of objects and lists in JSON text (brackets outside strings), counted without parsing it. */
export function jsonContainerCount(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped, a quote among them
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) count++;
  }
  return count;
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

/**
 * A value for a message: a list or a record is named, not written out, since it may nest deeper than
 * JSON.stringify can go (200,000 levels overflow the stack) or run to megabytes; text is cut short.
 */
const shownScalar = (value: unknown): string =>
  Array.isArray(value) ? 'a list' : typeof value === 'object' && value !== null ? 'a record' : typeof value === 'string' ? quotedCell(value) : String(value);

/** Reads an exported fleet; `source` names the input in error messages. */
export function importFleetJson(text: string, source: string): FleetDoc {
  // Characters, not bytes: a reader that could not stat its input (a pipe) is still held to about the limit.
  if (text.length > MAX_FLEET_JSON_BYTES) throw new FleetImportError(source, `it is over the ${MAX_FLEET_JSON_BYTES / 2 ** 20} MB a fleet JSON may have`);
  if (jsonContainerCount(text) > MAX_FLEET_JSON_CONTAINERS) {
    throw new FleetImportError(source, `it holds more than ${MAX_FLEET_JSON_CONTAINERS.toLocaleString('en-US')} objects and lists, more than any fleet's export (one a placement)`);
  }
  const raw = parseJson(text, source);
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== FLEET_JSON_FORMAT) {
    throw new FleetImportError(source, `it is not a Fleet Planner export (no "format": "${FLEET_JSON_FORMAT}")`);
  }
  const { version, fleet } = raw as { version?: unknown; fleet?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FleetImportError(source, `"version" must be a whole number from 1, it is ${shownScalar(version)}`);
  }
  if (version > FLEET_JSON_VERSION) {
    throw new FleetImportError(
      source,
      `it was exported by a newer Fleet Planner (JSON version ${version}, this version reads up to ${FLEET_JSON_VERSION})`,
    );
  }
  const { doc, problems, more } = validateFleet(upgradeFleetJson(fleet, version));
  if (!doc || problems.length > 0) throw new FleetImportError(source, breaksRules(problems, more), problems);
  return doc;
}
