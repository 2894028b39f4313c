/**
 * The document as it crosses to the renderer: everything but the placements as the model
 * has it, the placements as columns. A fleet's placements are most of its size (500,000
 * of them in the largest), and as objects they cost a key per field in the JSON, a zod
 * check per object of what the backend read and checked on open, and a parse per object.
 * As columns the ids that repeat (hall, model, feeds) are sent once each and referred to
 * by position, and the whole answer is checked in one pass of plain loops.
 */
import { z } from 'zod';
import { CEILING, FleetDocSchema, ID_MAX_LENGTH, LABEL_MAX_LENGTH, ROTATIONS, type FleetDoc, type Placement, type Rotation } from '../model/schema';

/** A column of ids that repeat: each distinct id once, and per placement its position there (-1: none). */
export interface IdColumn {
  values: string[];
  index: number[];
}

export interface PlacementColumns {
  id: string[];
  label: string[];
  xM: number[];
  yM: number[];
  rotationDeg: number[];
  hallId: IdColumn;
  modelId: IdColumn;
  powerSourceId: IdColumn;
  powerSourceBId: IdColumn;
}

export type WireDoc = Omit<FleetDoc, 'placements'> & { placements: PlacementColumns };

function idColumn(placements: readonly Placement[], field: 'hallId' | 'modelId' | 'powerSourceId' | 'powerSourceBId'): IdColumn {
  const positions = new Map<string, number>();
  const values: string[] = [];
  const index = new Array<number>(placements.length);
  for (let i = 0; i < placements.length; i++) {
    const value = placements[i]![field];
    if (value === null) {
      index[i] = -1;
      continue;
    }
    let at = positions.get(value);
    if (at === undefined) {
      at = values.length;
      positions.set(value, at);
      values.push(value);
    }
    index[i] = at;
  }
  return { values, index };
}

export function toPlacementColumns(placements: readonly Placement[]): PlacementColumns {
  return {
    id: placements.map((p) => p.id),
    label: placements.map((p) => p.label),
    xM: placements.map((p) => p.xM),
    yM: placements.map((p) => p.yM),
    rotationDeg: placements.map((p) => p.rotationDeg),
    hallId: idColumn(placements, 'hallId'),
    modelId: idColumn(placements, 'modelId'),
    powerSourceId: idColumn(placements, 'powerSourceId'),
    powerSourceBId: idColumn(placements, 'powerSourceBId'),
  };
}

export function fromPlacementColumns(c: PlacementColumns): Placement[] {
  const out = new Array<Placement>(c.id.length);
  const source = (column: IdColumn, i: number): string | null => (column.index[i]! < 0 ? null : column.values[column.index[i]!]!);
  for (let i = 0; i < out.length; i++) {
    out[i] = {
      id: c.id[i]!,
      hallId: c.hallId.values[c.hallId.index[i]!]!,
      modelId: c.modelId.values[c.modelId.index[i]!]!,
      xM: c.xM[i]!,
      yM: c.yM[i]!,
      rotationDeg: c.rotationDeg[i] as Rotation,
      powerSourceId: source(c.powerSourceId, i),
      powerSourceBId: source(c.powerSourceBId, i),
      label: c.label[i]!,
    };
  }
  return out;
}

export function toWireDoc(doc: FleetDoc): WireDoc {
  return { ...doc, placements: toPlacementColumns(doc.placements) };
}

export function fromWireDoc(wire: WireDoc): FleetDoc {
  return { ...wire, placements: fromPlacementColumns(wire.placements) };
}

const isId = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= ID_MAX_LENGTH;
const isLabel = (v: unknown): boolean => typeof v === 'string' && v.length <= LABEL_MAX_LENGTH;
const isCoordinate = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= CEILING.coordinateM;
const isRotation = (v: unknown): boolean => (ROTATIONS as readonly unknown[]).includes(v);

/** The first element of `values` that `ok` refuses, as "name[i]", or null. */
function firstBad(name: string, values: unknown, length: number, ok: (v: unknown) => boolean): string | null {
  if (!Array.isArray(values)) return `${name} is not a list`;
  if (values.length !== length) return `${name} has ${values.length} entries for ${length} placements`;
  for (let i = 0; i < length; i++) if (!ok(values[i])) return `${name}[${i}] is not valid`;
  return null;
}

function badIdColumn(name: string, column: unknown, length: number, nullable: boolean): string | null {
  if (typeof column !== 'object' || column === null) return `${name} is not an id column`;
  const { values, index } = column as Partial<IdColumn>;
  const badValue = firstBad(`${name}.values`, values, Array.isArray(values) ? values.length : 0, isId);
  if (badValue) return badValue;
  const count = (values as string[]).length;
  return firstBad(`${name}.index`, index, length, (v) => Number.isInteger(v) && (v as number) < count && (v as number) >= (nullable ? -1 : 0));
}

/** What is wrong with columns that claim to be placements, or null: the placement schema's rules, one loop a column. */
export function placementColumnsProblem(c: unknown): string | null {
  if (typeof c !== 'object' || c === null) return 'placements are not columns';
  const columns = c as Record<string, unknown>;
  if (!Array.isArray(columns.id)) return 'id is not a list';
  const n = columns.id.length;
  const problem =
    firstBad('id', columns.id, n, isId) ??
    firstBad('label', columns.label, n, isLabel) ??
    firstBad('xM', columns.xM, n, isCoordinate) ??
    firstBad('yM', columns.yM, n, isCoordinate) ??
    firstBad('rotationDeg', columns.rotationDeg, n, isRotation) ??
    badIdColumn('hallId', columns.hallId, n, false) ??
    badIdColumn('modelId', columns.modelId, n, false) ??
    badIdColumn('powerSourceId', columns.powerSourceId, n, true) ??
    badIdColumn('powerSourceBId', columns.powerSourceBId, n, true);
  if (problem) return problem;
  const known = new Set(['id', 'label', 'xM', 'yM', 'rotationDeg', 'hallId', 'modelId', 'powerSourceId', 'powerSourceBId']);
  const extra = Object.keys(columns).find((k) => !known.has(k));
  return extra === undefined ? null : `unknown column "${extra}"`;
}

export const PlacementColumnsSchema = z.custom<PlacementColumns>().superRefine((value, ctx) => {
  const problem = placementColumnsProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const WireDocSchema = FleetDocSchema.omit({ placements: true }).extend({ placements: PlacementColumnsSchema });
