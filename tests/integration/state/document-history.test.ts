import { describe, expect, it } from 'vitest';
import { rendererBackend } from '../../support/renderer-backend';

// The document and history slices against the real backend in this process (real
// SQLite working copy, real handlers), reached through the renderer's own api client.
const backend = rendererBackend();
const { storedDoc } = backend;

async function loadedStore() {
  const { createFleetStore } = await import('../../../renderer/src/state/store');
  const store = createFleetStore();
  await store.getState().load();
  return store;
}

describe('document and history slices over the real backend', () => {
  it('loads what the backend has open, applies an edit here and there, and undoes and redoes it as one step', async () => {
    const store = await loadedStore();
    const { document } = store.getState();
    expect(store.getState().status).toBe('ready');
    const rack = document!.doc.placements[0]!;
    expect(await store.getState().apply({ type: 'move', moves: [{ id: rack.id, xM: rack.xM + 1.2, yM: rack.yM }] }, 'move')).toBe(true);
    expect(store.getState().document!.revision).toBe(document!.revision + 1);
    expect(store.getState().history.undo.map((s) => s.label)).toEqual(['move']);
    const stored = await storedDoc();
    expect(stored.placements.find((p) => p.id === rack.id)!.xM).toBeCloseTo(rack.xM + 1.2, 9);

    await store.getState().undo();
    expect(store.getState().document!.doc.placements.find((p) => p.id === rack.id)!.xM).toBe(rack.xM);
    expect(store.getState().history).toMatchObject({ undo: [], redo: [{ label: 'move' }] });
    await store.getState().redo();
    expect(store.getState().history.undo.map((s) => s.label)).toEqual(['move']);
    const after = await storedDoc();
    expect(after.placements.find((p) => p.id === rack.id)!.xM).toBeCloseTo(rack.xM + 1.2, 9);
  });

  it('an edit the backend refuses leaves nothing to undo and the backend\'s document on screen', async () => {
    const store = await loadedStore();
    const before = store.getState().history.undo.length;
    const [a, b] = store.getState().document!.doc.placements.filter((p) => p.powerSourceId !== null);
    // A feed loop: the backend refuses it, though it applies here.
    const loop = { type: 'update' as const, table: 'placements' as const, id: a!.powerSourceId!, patch: { powerSourceId: a!.id } };
    expect(b).toBeDefined();
    expect(await store.getState().apply(loop, 'feed loop')).toBe(false);
    expect(store.getState().history.undo.length).toBe(before);
    expect(store.getState().message?.kind).toBe('error');
    expect(store.getState().document!.doc.placements.find((p) => p.id === a!.powerSourceId)!.powerSourceId).not.toBe(a!.id);
  });

  it('a hall deleted and the deletion undone reads as saved again (the renderer\'s undo lists its objects\' keys in another order than the backend\'s file-read copy)', async () => {
    const { invoke } = backend;
    await invoke('document.saveAs', { path: 'undo-to-saved.fleet' });
    const store = await loadedStore();
    expect(store.getState().document!.dirty).toBe(false);
    const hall = store.getState().document!.doc.halls.find((h) => store.getState().document!.doc.placements.some((p) => p.hallId === h.id))!;
    const { removeHall } = await import('../../../shared/model/fleet-structure');
    const { command, label } = removeHall(store.getState().document!.doc, hall.id);
    expect(await store.getState().apply(command, label)).toBe(true);
    expect(store.getState().document!.dirty).toBe(true);
    await store.getState().undo();
    expect(store.getState().document!.dirty).toBe(false);
  });
});

