import { describe, expect, it } from 'vitest';
import { mergeCatalog, modelEditPatch, modelUses, userModelFrom } from '../../shared/catalog/edit';
import { applyCommand } from '../../shared/commands/apply';
import { checkFleet, LiveChecker } from '../../shared/constraints';
import { catalogFromCsv, catalogToCsv } from '../../shared/io/catalog-csv';
import { problemsAfterEdit } from '../../shared/model/integrity';
import { sampleSmall } from '../../shared/samples';

describe('catalog editing', () => {
  it('a changed built-in entry stops being built-in and says it was edited, once', () => {
    const doc = sampleSmall();
    const s21 = doc.models.find((m) => m.id === 'rack-s21xp')!;
    expect(s21.builtIn).toBe(true);
    const patch = modelEditPatch(s21, { powerKw: 75 });
    expect(patch).toEqual({ powerKw: 75, builtIn: false, source: `${s21.source} (edited in this fleet)` });
    const edited = applyCommand(doc, { type: 'update', table: 'models', id: s21.id, patch }).doc.models.find((m) => m.id === s21.id)!;
    expect(modelEditPatch(edited, { powerKw: 76 })).toEqual({ powerKw: 76 });
  });

  it('a copy gets a fresh id, is the user\'s own, and copies of copies do not collide', () => {
    let doc = sampleSmall();
    const s21 = doc.models.find((m) => m.id === 'rack-s21xp')!;
    const first = userModelFrom(doc, s21);
    expect(first).toMatchObject({ id: 'user-rack-s21xp-1', name: `${s21.name} (copy)`, builtIn: false, powerKw: s21.powerKw });
    doc = applyCommand(doc, { type: 'insert', entities: { table: 'models', items: [first] } }).doc;
    expect(userModelFrom(doc, s21).id).toBe('user-rack-s21xp-2');
    expect(userModelFrom(doc, first)).toMatchObject({ id: 'user-rack-s21xp-2', name: `${s21.name} (copy 2)` });
  });

  it('counts the placements and retrofit options that use a model', () => {
    const doc = sampleSmall();
    const placed = doc.placements.filter((p) => p.modelId === 'rack-s21xp').length;
    const options = doc.halls.flatMap((h) => h.retrofitOptions).filter((o) => o.modelId === 'rack-s21xp').length;
    expect(placed).toBeGreaterThan(0);
    expect(modelUses(doc, 'rack-s21xp')).toEqual({ placements: placed, options });
    expect(modelUses(doc, 'no-such-model')).toEqual({ placements: 0, options: 0 });
  });

  it('merges a CSV: new ids added, changed ones updated, the rest counted unchanged; one undo restores the catalog', () => {
    const doc = sampleSmall();
    const [a, b] = doc.models;
    const rows = [
      { ...a!, powerKw: a!.powerKw + 1 },
      b!,
      { ...b!, id: 'user-new', name: 'Site-built rack' },
    ];
    const merge = mergeCatalog(doc, catalogFromCsv(catalogToCsv(rows), 'mine.csv'), 'mine.csv');
    expect([merge.added, merge.updated, merge.unchanged]).toEqual([1, 1, 1]);
    const applied = applyCommand(doc, merge.command!);
    const changed = applied.doc.models.find((m) => m.id === a!.id)!;
    expect(changed.powerKw).toBe(a!.powerKw + 1);
    // A built-in model the sheet changes is the fleet's own now, as an edit in the Catalog makes it.
    expect([a!.builtIn, changed.builtIn, changed.source]).toEqual([true, false, `${a!.source} (edited in this fleet)`]);
    // The same sheet again changes nothing: its built-in flag and source do not make the model built-in again.
    const again = mergeCatalog(applied.doc, catalogFromCsv(catalogToCsv(rows), 'mine.csv'), 'mine.csv');
    expect([again.added, again.updated, again.unchanged]).toEqual([0, 0, 3]);
    // A sheet that calls a model of this fleet built-in does not make it so.
    const claimed = mergeCatalog(applied.doc, [{ ...changed, builtIn: true, powerKw: changed.powerKw + 1 }], 'claims.csv');
    expect(applyCommand(applied.doc, claimed.command!).doc.models.find((m) => m.id === a!.id)!.builtIn).toBe(false);
    expect(applied.doc.models.find((m) => m.id === 'user-new')!.name).toBe('Site-built rack');
    expect(applyCommand(applied.doc, applied.inverse).doc.models).toEqual(doc.models);
    expect(mergeCatalog(doc, [b!], 'same.csv').command).toBeNull();
  });

  it('merges a CSV of 150,000 models, and the fleet is checked after (its changes and widest clearance once overflowed the stack)', () => {
    const doc = sampleSmall();
    const model = doc.models[0]!;
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ ...model, id: `m${i}`, builtIn: false }));
    const merge = mergeCatalog(doc, catalogFromCsv(catalogToCsv(rows), 'big.csv'), 'big.csv');
    expect(merge.added).toBe(150_000);
    const after = applyCommand(doc, merge.command!).doc;
    expect(after.models).toHaveLength(doc.models.length + 150_000);
    expect(problemsAfterEdit(doc, after)).toEqual([]);
    const full = checkFleet(after).violations;
    expect(full).toEqual(checkFleet(doc).violations);
    expect(new LiveChecker(after).result().violations).toEqual(full);
  });
});
