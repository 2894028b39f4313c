/**
 * Editing the catalog a fleet carries: users copy an entry to make their own, change
 * entries, and bring a spreadsheet of models in. Every edit is a document command, so
 * it undoes in one step and reaches the file like any other.
 */
import { copyName, freeId } from '../model/copy-names';
import type { Command } from '../commands/schema';
import type { EquipmentModel, FleetDoc } from '../model/schema';

const EDITED_NOTE = ' (edited in this fleet)';

/**
 * The patch that records a change to a model. A built-in entry that is changed is no
 * longer the vendor's figure, so it stops being built-in and its source says so.
 */
export function modelEditPatch(model: EquipmentModel, patch: Partial<EquipmentModel>): Partial<EquipmentModel> {
  if (!model.builtIn) return patch;
  // A source the edit gives is the user's own word for where the figures come from.
  const ownSource = patch.source !== undefined && patch.source !== model.source;
  const source = ownSource ? patch.source! : model.source.endsWith(EDITED_NOTE) ? model.source : `${model.source}${EDITED_NOTE}`.slice(0, 500);
  return { ...patch, builtIn: false, source };
}

/** A user's own model started from `model`, under an id no other model of the fleet has. */
export function userModelFrom(doc: FleetDoc, model: EquipmentModel): EquipmentModel {
  const used = new Set(doc.models.map((m) => m.id));
  const base = `user-${model.id.replace(/^user-/, '').replace(/-\d+$/, '')}`.slice(0, 58);
  return {
    ...model,
    id: freeId(base, used),
    name: copyName(model.name, doc.models.map((m) => m.name), 200),
    builtIn: false,
    source: `Copied from ${model.name}: ${model.source}`.slice(0, 500),
  };
}

/** What still uses a model: it cannot be deleted while anything does. */
export function modelUses(doc: FleetDoc, modelId: string): { placements: number; options: number } {
  let placements = 0;
  for (const p of doc.placements) if (p.modelId === modelId) placements++;
  let options = 0;
  for (const h of doc.halls) for (const o of h.retrofitOptions) if (o.modelId === modelId) options++;
  return { placements, options };
}

/**
 * Whether a model read from a sheet says nothing new of `before`: the same figures. A sheet's
 * built-in flag is not its to set (a model is built-in until changed), and the source of a
 * built-in model changed in this fleet is the sheet's plus the edited note.
 */
function sameModel(before: EquipmentModel, read: EquipmentModel): boolean {
  return (Object.keys(before) as (keyof EquipmentModel)[]).every((k) => {
    if (k === 'builtIn') return true;
    if (k === 'source') return before.source === read.source || before.source === `${read.source}${EDITED_NOTE}`;
    return String(before[k]) === String(read[k]);
  });
}

export interface CatalogMerge {
  /** One undoable step; null when the file changes nothing. */
  command: Command | null;
  added: number;
  updated: number;
  unchanged: number;
}

/** Brings imported models into the fleet: new ids are added, known ids take the imported values (a built-in one so changed is the fleet's own, as an edit makes it). */
export function mergeCatalog(doc: FleetDoc, imported: readonly EquipmentModel[], source: string): CatalogMerge {
  const current = new Map(doc.models.map((m) => [m.id, m]));
  const added: EquipmentModel[] = [];
  const updates: Command[] = [];
  let unchanged = 0;
  for (const model of imported) {
    const before = current.get(model.id);
    if (!before) added.push(model);
    else if (sameModel(before, model)) unchanged++;
    else updates.push({ type: 'update', table: 'models', id: model.id, patch: modelEditPatch(before, { ...model, builtIn: before.builtIn }) });
  }
  const commands: Command[] = [...(added.length ? [{ type: 'insert', entities: { table: 'models', items: added } } as const] : []), ...updates];
  return {
    command: commands.length ? { type: 'batch', label: `import catalog ${source}`, commands } : null,
    added: added.length,
    updated: updates.length,
    unchanged,
  };
}
