import { appendAll } from '../arrays';
import {
  ENTITY_SCHEMAS,
  MAX_SCENARIOS,
  type EntityTable,
  type FleetDoc,
  type Placement,
} from '../model/schema';
import type { Command, InsertCommand } from './schema';

/** What a command touched, so storage and the incremental checker update only that. */
export type Change =
  /** `entity` is the stored value after the edit, so consumers need not search the document for it. */
  | { table: EntityTable; id: string; op: 'upsert'; entity: { id: string } }
  | { table: EntityTable; id: string; op: 'delete' }
  | { table: 'fleet'; op: 'upsert' };

export interface Applied {
  doc: FleetDoc;
  inverse: Command;
  changes: Change[];
}

export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

type Entity = { id: string };

function indexById(items: readonly Entity[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => index.set(item.id, i));
  return index;
}

function tableOf(doc: FleetDoc, table: EntityTable): Entity[] {
  return doc[table] as Entity[];
}

function withTable(doc: FleetDoc, table: EntityTable, items: Entity[]): FleetDoc {
  return { ...doc, [table]: items } as FleetDoc;
}

function insert(doc: FleetDoc, cmd: InsertCommand): Applied {
  const { table, items } = cmd.entities;
  const current = tableOf(doc, table);
  const existing = indexById(current);
  const seen = new Set<string>();
  for (const item of items) {
    if (existing.has(item.id) || seen.has(item.id)) {
      throw new CommandError(`${table}: id "${item.id}" already exists`);
    }
    seen.add(item.id);
  }
  if (table === 'scenarios' && current.length + items.length > MAX_SCENARIOS) {
    throw new CommandError(`A fleet holds at most ${MAX_SCENARIOS} price scenarios, and this would make ${(current.length + items.length).toLocaleString('en-US')}: remove some first`);
  }
  return {
    doc: withTable(doc, table, [...current, ...items]),
    inverse: { type: 'remove', table, ids: items.map((i) => i.id) },
    changes: items.map((i) => ({ table, id: i.id, op: 'upsert' as const, entity: i })),
  };
}

function remove(doc: FleetDoc, table: EntityTable, ids: string[]): Applied {
  const current = tableOf(doc, table);
  const index = indexById(current);
  const doomed = new Set(ids);
  for (const removeId of ids) {
    if (!index.has(removeId)) throw new CommandError(`${table}: no "${removeId}" to remove`);
  }
  const removed = current.filter((item) => doomed.has(item.id));
  return {
    doc: withTable(
      doc,
      table,
      current.filter((item) => !doomed.has(item.id)),
    ),
    inverse: { type: 'insert', entities: { table, items: removed } } as Command,
    changes: ids.map((removeId) => ({ table, id: removeId, op: 'delete' as const })),
  };
}

function patchPlacements(
  doc: FleetDoc,
  patches: { id: string; patch: Partial<Placement> }[],
  inversePatch: (old: Placement) => Partial<Placement>,
): { doc: FleetDoc; old: Partial<Placement>[]; changes: Change[] } {
  const index = indexById(doc.placements);
  const placements = doc.placements.slice();
  const old: Partial<Placement>[] = [];
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const { id, patch } of patches) {
    // A second patch of the same object would make the recorded "before" wrong for undo.
    if (seen.has(id)) throw new CommandError(`placements: "${id}" appears twice in one edit`);
    seen.add(id);
    const at = index.get(id);
    if (at === undefined) throw new CommandError(`placements: no "${id}"`);
    const before = placements[at]!;
    old.push({ id, ...inversePatch(before) });
    const after = { ...before, ...patch };
    placements[at] = after;
    changes.push({ table: 'placements', id, op: 'upsert', entity: after });
  }
  return { doc: { ...doc, placements }, old, changes };
}

/**
 * Applies one command to a document and returns the new document (the old one is
 * not modified), the command that undoes it, and what changed. Throws CommandError
 * when the command does not fit the document; the document is then unchanged.
 */
export function applyCommand(doc: FleetDoc, cmd: Command): Applied {
  switch (cmd.type) {
    case 'insert':
      return insert(doc, cmd);
    case 'remove':
      return remove(doc, cmd.table, cmd.ids);
    case 'move': {
      const r = patchPlacements(
        doc,
        cmd.moves.map(({ id, xM, yM }) => ({ id, patch: { xM, yM } })),
        (p) => ({ xM: p.xM, yM: p.yM }),
      );
      return {
        doc: r.doc,
        inverse: { type: 'move', moves: r.old.map((o) => ({ id: o.id!, xM: o.xM!, yM: o.yM! })) },
        changes: r.changes,
      };
    }
    case 'rotate': {
      const r = patchPlacements(
        doc,
        cmd.rotations.map(({ id, rotationDeg }) => ({ id, patch: { rotationDeg } })),
        (p) => ({ rotationDeg: p.rotationDeg }),
      );
      return {
        doc: r.doc,
        inverse: {
          type: 'rotate',
          rotations: r.old.map((o) => ({ id: o.id!, rotationDeg: o.rotationDeg! })),
        },
        changes: r.changes,
      };
    }
    case 'update': {
      const current = tableOf(doc, cmd.table);
      const at = indexById(current).get(cmd.id);
      if (at === undefined) throw new CommandError(`${cmd.table}: no "${cmd.id}" to update`);
      if ('id' in cmd.patch && cmd.patch.id !== cmd.id) {
        throw new CommandError(`${cmd.table}: the id of "${cmd.id}" cannot be changed`);
      }
      const before = current[at] as Record<string, unknown>;
      const parsed = ENTITY_SCHEMAS[cmd.table].safeParse({ ...before, ...cmd.patch });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CommandError(
          `${cmd.table} "${cmd.id}": ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
        );
      }
      const oldValues: Record<string, unknown> = {};
      for (const key of Object.keys(cmd.patch)) oldValues[key] = before[key];
      const items = current.slice();
      items[at] = parsed.data as Entity;
      return {
        doc: withTable(doc, cmd.table, items),
        inverse: { type: 'update', table: cmd.table, id: cmd.id, patch: oldValues },
        changes: [{ table: cmd.table, id: cmd.id, op: 'upsert', entity: parsed.data as Entity }],
      };
    }
    case 'set-fleet': {
      const inverse: Command = { type: 'set-fleet' };
      const next: FleetDoc = { ...doc };
      if (cmd.fleet) {
        inverse.fleet = pick(doc.fleet, Object.keys(cmd.fleet));
        next.fleet = { ...doc.fleet, ...cmd.fleet };
      }
      if (cmd.limits) {
        inverse.limits = pick(doc.limits, Object.keys(cmd.limits));
        next.limits = { ...doc.limits, ...cmd.limits };
      }
      if (cmd.titleBlock) {
        inverse.titleBlock = pick(doc.titleBlock, Object.keys(cmd.titleBlock));
        next.titleBlock = { ...doc.titleBlock, ...cmd.titleBlock };
      }
      return { doc: next, inverse, changes: [{ table: 'fleet', op: 'upsert' }] };
    }
    case 'batch': {
      let current = doc;
      const inverses: Command[] = [];
      const changes: Change[] = [];
      for (const sub of cmd.commands) {
        const r = applyCommand(current, sub);
        current = r.doc;
        inverses.push(r.inverse);
        appendAll(changes, r.changes);
      }
      return {
        doc: current,
        // Undone last first; reversed once at the end, as unshift per command is quadratic.
        inverse: { type: 'batch', label: cmd.label, commands: inverses.reverse() },
        changes,
      };
    }
  }
}

function pick<T extends object>(source: T, keys: string[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) (out as Record<string, unknown>)[key] = (source as Record<string, unknown>)[key];
  return out;
}
