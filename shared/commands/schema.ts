/**
 * The edit vocabulary. Every change to a document — by the layout editor, the
 * optimizer's "apply plan", an import step or the CLI — is one of these commands,
 * applied by `applyCommand` and undone by applying the inverse it returns.
 */
import { z } from 'zod';
import {
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
  z.object({ table: z.literal('sites'), items: z.array(SiteSchema) }),
  z.object({ table: z.literal('halls'), items: z.array(HallSchema) }),
  z.object({ table: z.literal('zones'), items: z.array(ZoneSchema) }),
  z.object({ table: z.literal('models'), items: z.array(EquipmentModelSchema) }),
  z.object({ table: z.literal('placements'), items: z.array(PlacementSchema) }),
  z.object({ table: z.literal('scenarios'), items: z.array(ScenarioSchema) }),
  z.object({ table: z.literal('plans'), items: z.array(PlanSchema) }),
]);

const TableSchema = z.enum(['sites', 'halls', 'zones', 'models', 'placements', 'scenarios', 'plans']);

export const InsertCommandSchema = z.object({ type: z.literal('insert'), entities: EntitiesSchema });
export const RemoveCommandSchema = z.object({
  type: z.literal('remove'),
  table: TableSchema,
  ids: z.array(id).min(1),
});
export const MoveCommandSchema = z.object({
  type: z.literal('move'),
  moves: z.array(z.object({ id, xM: z.number().finite(), yM: z.number().finite() })).min(1),
});
export const RotateCommandSchema = z.object({
  type: z.literal('rotate'),
  rotations: z
    .array(z.object({ id, rotationDeg: PlacementSchema.shape.rotationDeg }))
    .min(1),
});
/**
 * Sets properties of one entity. The patch is validated against the entity's
 * schema when applied (the merged entity must still be valid).
 */
export const UpdateCommandSchema = z.object({
  type: z.literal('update'),
  table: TableSchema,
  id,
  patch: z.record(z.string(), z.unknown()),
});
export const SetFleetCommandSchema = z.object({
  type: z.literal('set-fleet'),
  fleet: FleetMetaSchema.partial().optional(),
  limits: PlanLimitsSchema.partial().optional(),
  titleBlock: TitleBlockSchema.partial().optional(),
});

export type InsertCommand = z.infer<typeof InsertCommandSchema>;
export type RemoveCommand = z.infer<typeof RemoveCommandSchema>;
export type MoveCommand = z.infer<typeof MoveCommandSchema>;
export type RotateCommand = z.infer<typeof RotateCommandSchema>;
export type UpdateCommand = z.infer<typeof UpdateCommandSchema>;
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

// A discriminated union, so a bad payload is reported at the field that is wrong
// (command.moves.0.xM) rather than as "no variant matched".
export const CommandSchema: z.ZodType<Command> = z.discriminatedUnion('type', [
  InsertCommandSchema,
  RemoveCommandSchema,
  MoveCommandSchema,
  RotateCommandSchema,
  UpdateCommandSchema,
  SetFleetCommandSchema,
  z.object({
    type: z.literal('batch'),
    label: z.string().max(200),
    commands: z.array(z.lazy(() => CommandSchema)).max(100_000),
  }),
]);
