import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand, CommandError } from '../../../shared/commands/apply';
import { CommandSchema, type Command } from '../../../shared/commands/schema';
import type { FleetDoc, Placement } from '../../../shared/model/schema';

function tinyDoc(): FleetDoc {
  return {
    fleet: {
      name: 'T',
      author: 'a',
      revision: 'A',
      unitSystem: 'metric',
      currency: 'USD',
      periodMonths: 3,
      horizonPeriods: 4,
      discountRatePctPerYear: 10,
      continuousLoadDerate: 0.8,
      floorServiceAreaDepthM: 0.6,
    },
    sites: [],
    halls: [],
    zones: [],
    models: [],
    placements: [0, 1, 2].map((i) => placement(`p${i}`, i * 2)),
    scenarios: [],
    limits: {
      objective: 'expected',
      capexBudgetUsdPerPeriod: [],
      gpuDeliveriesPerPeriod: [],
      contractedAiMw: 0,
      contractedByPeriod: 0,
      contractTermPeriods: null,
      timeLimitS: 60,
      mipGapFraction: 0.001,
    },
    plans: [],
    titleBlock: { company: '', drawnBy: '', checkedBy: '', projectNumber: '', notes: '' },
  };
}

/** Entity order within a table carries no meaning (storage and views sort), so compare by id. */
function normalized(doc: FleetDoc): FleetDoc {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return { ...doc, placements: byId(doc.placements), sites: byId(doc.sites), halls: byId(doc.halls) };
}

function placement(id: string, xM: number): Placement {
  return { id, hallId: 'h', modelId: 'm', xM, yM: 1, rotationDeg: 0, powerSourceId: null, powerSourceBId: null, label: '' };
}

describe('applyCommand', () => {
  it('moves several placements in one command and the inverse puts them back', () => {
    const doc = tinyDoc();
    const r = applyCommand(doc, {
      type: 'move',
      moves: [
        { id: 'p0', xM: 10, yM: 5 },
        { id: 'p2', xM: 11, yM: 6 },
      ],
    });
    expect(r.doc.placements.map((p) => [p.xM, p.yM])).toEqual([
      [10, 5],
      [2, 1],
      [11, 6],
    ]);
    expect(doc.placements[0]!.xM).toBe(0); // the input document is untouched
    expect(r.changes).toEqual([
      { table: 'placements', id: 'p0', op: 'upsert', entity: r.doc.placements[0] },
      { table: 'placements', id: 'p2', op: 'upsert', entity: r.doc.placements[2] },
    ]);
    expect(applyCommand(r.doc, r.inverse).doc).toEqual(doc);
  });

  it('inserting an existing id is refused and nothing changes', () => {
    const doc = tinyDoc();
    expect(() =>
      applyCommand(doc, { type: 'insert', entities: { table: 'placements', items: [placement('p1', 0)] } }),
    ).toThrow(CommandError);
  });

  it('an update that breaks the schema is refused with the field named', () => {
    const doc = tinyDoc();
    expect(() =>
      applyCommand(doc, { type: 'update', table: 'placements', id: 'p1', patch: { rotationDeg: 45 } }),
    ).toThrow(/placements "p1": rotationDeg/);
    expect(() =>
      applyCommand(doc, { type: 'update', table: 'placements', id: 'p1', patch: { id: 'zz' } }),
    ).toThrow(/cannot be changed/);
  });

  it('a batch is undone in reverse order as one step', () => {
    const doc = tinyDoc();
    const batch: Command = {
      type: 'batch',
      label: 'apply plan',
      commands: [
        { type: 'remove', table: 'placements', ids: ['p1'] },
        { type: 'insert', entities: { table: 'placements', items: [placement('p1', 7)] } },
        { type: 'rotate', rotations: [{ id: 'p1', rotationDeg: 90 }] },
        { type: 'set-fleet', fleet: { name: 'Renamed' } },
      ],
    };
    const r = applyCommand(doc, batch);
    expect(r.doc.placements.find((p) => p.id === 'p1')).toMatchObject({ xM: 7, rotationDeg: 90 });
    expect(r.doc.fleet.name).toBe('Renamed');
    expect(normalized(applyCommand(r.doc, r.inverse).doc)).toEqual(normalized(doc));
  });

  it('a batch rotating 150,000 units applies and undoes (their changes once overflowed the stack)', () => {
    const doc = { ...tinyDoc(), placements: Array.from({ length: 150_000 }, (_, i) => placement(`u${i}`, i)) };
    const batch: Command = { type: 'batch', label: 'rotate', commands: [{ type: 'rotate', rotations: doc.placements.map((p) => ({ id: p.id, rotationDeg: 90 })) }] };
    const r = applyCommand(doc, batch);
    expect(r.changes).toHaveLength(150_000);
    expect(r.doc.placements.every((p) => p.rotationDeg === 90)).toBe(true);
    expect(applyCommand(r.doc, r.inverse).doc.placements.every((p) => p.rotationDeg === 0)).toBe(true);
  });

  it('a limits edit sent over the wire changes only what it names: the contract\'s term survives a new MW figure', () => {
    const doc = tinyDoc();
    doc.limits.contractTermPeriods = 3;
    const parsed = CommandSchema.parse(JSON.parse(JSON.stringify({ type: 'set-fleet', limits: { contractedAiMw: 5 } }))) as Command;
    const r = applyCommand(doc, parsed);
    expect(r.doc.limits).toMatchObject({ contractedAiMw: 5, contractTermPeriods: 3 });
    // Back to the end of the horizon, and undone.
    const cleared = applyCommand(r.doc, CommandSchema.parse({ type: 'set-fleet', limits: { contractTermPeriods: null } }) as Command);
    expect(cleared.doc.limits.contractTermPeriods).toBeNull();
    expect(applyCommand(cleared.doc, cleared.inverse).doc.limits.contractTermPeriods).toBe(3);
  });

  it('an edit naming the same object twice is refused', () => {
    expect(() =>
      applyCommand(tinyDoc(), { type: 'rotate', rotations: [{ id: 'p1', rotationDeg: 90 }, { id: 'p1', rotationDeg: 0 }] }),
    ).toThrow(/appears twice/);
  });

  it('the command schema rejects wrong payloads', () => {
    expect(CommandSchema.safeParse({ type: 'move', moves: [{ id: 'p', xM: '1', yM: 0 }] }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'explode' }).success).toBe(false);
  });

  it('any sequence of edits undone in reverse restores the document (property)', () => {
    const ids = ['p0', 'p1', 'p2'];
    const cmd = fc.oneof(
      fc.record({
        type: fc.constant('move' as const),
        moves: fc.array(fc.record({ id: fc.constantFrom(...ids), xM: fc.double({ min: -50, max: 50, noNaN: true }), yM: fc.double({ min: -50, max: 50, noNaN: true }) }), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        type: fc.constant('rotate' as const),
        rotations: fc.array(fc.record({ id: fc.constantFrom(...ids), rotationDeg: fc.constantFrom(0 as const, 90 as const, 180 as const, 270 as const) }), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        type: fc.constant('update' as const),
        table: fc.constant('placements' as const),
        id: fc.constantFrom(...ids),
        patch: fc.record({ label: fc.string({ maxLength: 5 }) }),
      }),
    );
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 20 }), (cmds) => {
        const start = tinyDoc();
        let doc = start;
        const inverses: Command[] = [];
        for (const c of cmds) {
          if (c.type === 'move' && new Set(c.moves.map((m) => m.id)).size < c.moves.length) continue;
          if (c.type === 'rotate' && new Set(c.rotations.map((m) => m.id)).size < c.rotations.length) continue;
          const r = applyCommand(doc, c);
          doc = r.doc;
          inverses.push(r.inverse);
        }
        for (const inv of inverses.reverse()) doc = applyCommand(doc, inv).doc;
        expect(doc).toEqual(start);
      }),
    );
  });
});
