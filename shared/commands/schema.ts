/**
 * The edit vocabulary. Every change to a document — by the layout editor, the
 * optimizer's "apply plan", an import step or the CLI — is one of these commands,
 * applied by `applyCommand` and undone by applying the inverse it returns.
 */
import { z } from 'zod';
import {
  ENTITY_SCHEMAS,
  type EntityTable,
  EquipmentModelSchema,
  HallSchema,
  PlacementSchema,
  PlanSchema,
  ScenarioSchema,
  SiteSchema,
  ZoneSchema,
  FleetMetaSchema,
  PlanLimitsSchema,
  TitleBlockSchema,
} from '../model/schema';

const id = z.string().min(1).max(64);

/** Entities by table, so one insert/remove command covers every collection. */
export const EntitiesSchema = z.discriminatedUnion('table', [
  z.strictObject({ table: z.literal('sites'), items: z.array(SiteSchema) }),
  z.strictObject({ table: z.literal('halls'), items: z.array(HallSchema) }),
  z.strictObject({ table: z.literal('zones'), items: z.array(ZoneSchema) }),
  z.strictObject({ table: z.literal('models'), items: z.array(EquipmentModelSchema) }),
  z.strictObject({ table: z.literal('placements'), items: z.array(PlacementSchema) }),
  z.strictObject({ table: z.literal('scenarios'), items: z.array(ScenarioSchema) }),
  z.strictObject({ table: z.literal('plans'), items: z.array(PlanSchema) }),
]);

const TableSchema = z.enum(Object.keys(ENTITY_SCHEMAS) as [EntityTable, ...EntityTable[]]);

/**
 * How deep batches may nest. Real edits nest two or three deep (Apply plan, an undone
 * batch); the bound keeps a hostile payload from exhausting the stack of whoever walks it.
 */
export const MAX_BATCH_DEPTH = 16;

export const InsertCommandSchema = z.strictObject({ type: z.literal('insert'), entities: EntitiesSchema });
export const RemoveCommandSchema = z.strictObject({
  type: z.literal('remove'),
  table: TableSchema,
  ids: z.array(id).min(1),
});
export const MoveCommandSchema = z.strictObject({
  type: z.literal('move'),
  // A move holds a placement to the coordinates the document may hold: one past them could not be read back or saved.
  moves: z.array(z.strictObject({ id, xM: PlacementSchema.shape.xM, yM: PlacementSchema.shape.yM })).min(1),
});
export const RotateCommandSchema = z.strictObject({
  type: z.literal('rotate'),
  rotations: z
    .array(z.strictObject({ id, rotationDeg: PlacementSchema.shape.rotationDeg }))
    .min(1),
});
/**
 * An entity's fields as a patch: each optional, none filled in by its default. Zod fills a
 * default even into an optional field, so a patch of a site's peak charge came out with its
 * price series null and its hedges empty, which the backend stored while the window kept them.
 */
function patchOf<T extends EntityTable>(table: T): ReturnType<(typeof ENTITY_SCHEMAS)[T]['partial']> {
  const shape = Object.fromEntries(Object.entries(ENTITY_SCHEMAS[table].shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.removeDefault() : field]));
  return z.strictObject(shape).partial() as unknown as ReturnType<(typeof ENTITY_SCHEMAS)[T]['partial']>;
}
const updateOf = <T extends EntityTable>(table: T) => z.strictObject({ type: z.literal('update'), table: z.literal(table), id, patch: patchOf(table) });

/**
 * Sets properties of one entity. The patch names only the entity's own fields (a wrong one
 * is refused by name); the merged entity is checked again when applied.
 */
export const UpdateCommandSchema = z.discriminatedUnion('table', [
  updateOf('sites'),
  updateOf('halls'),
  updateOf('zones'),
  updateOf('models'),
  updateOf('placements'),
  updateOf('scenarios'),
  updateOf('plans'),
]);
export const SetFleetCommandSchema = z.strictObject({
  type: z.literal('set-fleet'),
  fleet: FleetMetaSchema.partial().optional(),
  limits: PlanLimitsSchema.partial().optional(),
  titleBlock: TitleBlockSchema.partial().optional(),
});

export type InsertCommand = z.infer<typeof InsertCommandSchema>;
export type RemoveCommand = z.infer<typeof RemoveCommandSchema>;
export type MoveCommand = z.infer<typeof MoveCommandSchema>;
export type RotateCommand = z.infer<typeof RotateCommandSchema>;
export type UpdateCommand = { type: 'update'; table: EntityTable; id: string; patch: Record<string, unknown> };
export type SetFleetCommand = z.infer<typeof SetFleetCommandSchema>;
export type BatchCommand = { type: 'batch'; label: string; commands: Command[] };
export type Command =
  | InsertCommand
  | RemoveCommand
  | MoveCommand
  | RotateCommand
  | UpdateCommand
  | SetFleetCommand
  | BatchCommand;

/** How deep batches nest in `value`, counted without recursion so no depth can overflow the stack. */
export function batchDepth(value: unknown): number {
  let deepest = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const v = next.value as { type?: unknown; commands?: unknown } | null;
    if (typeof v !== 'object' || v === null || v.type !== 'batch' || !Array.isArray(v.commands)) continue;
    deepest = Math.max(deepest, next.depth + 1);
    if (deepest > MAX_BATCH_DEPTH) break;
    for (const inner of v.commands as unknown[]) pending.push({ value: inner, depth: next.depth + 1 });
  }
  return deepest;
}

// A discriminated union, so a bad payload is reported at the field that is wrong
// (command.moves.0.xM) rather than as "no variant matched".
const AnyCommandSchema: z.ZodType<Command> = z.discriminatedUnion('type', [
  InsertCommandSchema,
  RemoveCommandSchema,
  MoveCommandSchema,
  RotateCommandSchema,
  UpdateCommandSchema,
  SetFleetCommandSchema,
  z.strictObject({
    type: z.literal('batch'),
    label: z.string().max(200),
    commands: z.array(z.lazy(() => AnyCommandSchema)).max(100_000),
  }),
]);

/** One command, its batches nested at most MAX_BATCH_DEPTH deep (checked before the parse walks them). */
export const CommandSchema: z.ZodType<Command> = z
  .unknown()
  .refine((value) => batchDepth(value) <= MAX_BATCH_DEPTH, { message: `batches nest at most ${MAX_BATCH_DEPTH} deep`, abort: true })
  .pipe(AnyCommandSchema);
