/**
 * Document channels: the open fleet document, its edits and its file. Every edit is one
 * Command made against a revision; the backend refuses a stale revision instead of
 * guessing. Open and Save As ask the host for a path when none is given and answer
 * `{ cancelled: true }` when the user cancels the dialog.
 */
import { z } from 'zod';
import { CommandSchema } from '../../commands/schema';
import { WireDocSchema } from '../placement-columns';
import { channel, event } from '../define';

const empty = z.object({}).strict();
const revision = z.number().int().min(0);

export const DocumentInfoSchema = z.object({
  path: z.string().nullable(),
  title: z.string(),
  dirty: z.boolean(),
  revision,
  /** Violations the constraint engine found in what was just saved. */
  limits: z.object({ errors: z.number().int().min(0), warnings: z.number().int().min(0) }).optional(),
});
export const DocumentSnapshotSchema = DocumentInfoSchema.extend({
  /** The placements as columns (see placement-columns.ts); the renderer turns them back into the model's objects. */
  doc: WireDocSchema,
  /** The revision at which this document was made or opened: one opening's undo history never applies to another's. */
  openedRevision: revision,
  /** Something the user should be told (a migration and its backup, a recovery). */
  notice: z.string().optional(),
});
const Cancelled = z.object({ cancelled: z.literal(true) });
const RecoverySchema = z.object({
  id: z.string(),
  path: z.string().nullable(),
  title: z.string(),
  /** When its last edit landed. */
  updatedAt: z.string(),
  /** What its unsaved work changed against its file, in words. */
  changes: z.string(),
});

export const documentChannels = {
  'document.current': channel(empty, DocumentSnapshotSchema),
  'document.apply': channel(
    z.object({ command: CommandSchema, baseRevision: revision }).strict(),
    z.object({ revision, dirty: z.boolean() }),
  ),
  /** Without a sample: a blank fleet with the built-in catalog. */
  'document.new': channel(z.object({ sample: z.string().optional() }).strict(), DocumentSnapshotSchema),
  'document.samples': channel(empty, z.object({ samples: z.array(z.object({ name: z.string(), title: z.string() })) })),
  'document.open': channel(z.object({ path: z.string().optional() }).strict(), z.union([DocumentSnapshotSchema, Cancelled])),
  'document.save': channel(empty, z.union([DocumentInfoSchema, Cancelled])),
  'document.saveAs': channel(z.object({ path: z.string().optional() }).strict(), z.union([DocumentInfoSchema, Cancelled])),
  'document.recent': channel(empty, z.object({ paths: z.array(z.string()) })),
  /** Unsaved work left by sessions that crashed, or set aside by recovering another (the newest is reopened at start). */
  'document.recoveries': channel(empty, z.object({ items: z.array(RecoverySchema) })),
  'document.recover': channel(z.object({ id: z.string() }).strict(), DocumentSnapshotSchema),
  'document.discardRecovery': channel(z.object({ id: z.string() }).strict(), empty),
};

export const documentEvents = {
  'document.changed': event(DocumentInfoSchema),
  /** Something the backend learnt after answering, for the user to read (a newly opened file's broken limits). */
  'document.notice': event(z.object({ text: z.string() })),
};
