import { describe, expect, it } from 'vitest';
import { rendererBackend } from '../../support/renderer-backend';

// The optimizer-run slice in the real store against the real backend in this process
// (its worker and HiGHS solving), reached through the renderer's own api client.
const backend = rendererBackend();

/** Opens a sample in the backend without the store hearing of it, as a screen not yet drawn for it. */
function openBehindTheStore(sample: string): Promise<unknown> {
  return backend.invoke('document.new', { sample });
}

/** A store showing a sample the backend has just opened, as the New menu leaves it. */
async function storeShowing(sample: string) {
  const { createFleetStore } = await import('../../../renderer/src/state/store');
  const { api } = await import('../../../renderer/src/api/client');
  const store = createFleetStore();
  store.getState().adopt(await api.invoke('document.new', { sample }));
  return { store, api };
}

describe('optimizer run slice over the real backend', () => {
  it('holds a run\'s progress as the backend reports it, then its answer, whose plan the document takes', async () => {
    const { store } = await storeShowing('small');
    const progress: string[] = [];
    const unsubscribe = store.subscribe(({ optimizerRun }) => {
      if (optimizerRun?.running && progress.at(-1) !== optimizerRun.progress) progress.push(optimizerRun.progress);
    });
    const running = store.getState().runOptimizer({ timeLimitS: 60 });
    expect(store.getState().optimizerRun).toMatchObject({ running: true, progress: 'starting', answer: null, error: null });
    // Run again while it goes: nothing new starts.
    await store.getState().runOptimizer({ timeLimitS: 60 });
    await running;
    unsubscribe();
    // 'starting', then the worker's phases (building, solving…), each in the store as it came.
    expect(progress.length).toBeGreaterThan(1);
    const run = store.getState().optimizerRun!;
    expect(run).toMatchObject({ running: false, progress: '', error: null });
    expect(store.getState().document!.doc.plans.at(-1)!.id).toBe(run.answer!.plan.id);
    expect((await backend.storedDoc()).plans.at(-1)!.id).toBe(run.answer!.plan.id);
  });

  it('a run cancelled brings the answer before it back, saying so', async () => {
    const { store } = await storeShowing('small');
    await store.getState().runOptimizer({});
    const first = store.getState().optimizerRun!.answer!;
    const second = store.getState().runOptimizer({});
    expect(store.getState().optimizerRun!.answer).toBeNull();
    await store.getState().cancelOptimizer();
    await second;
    expect(store.getState().optimizerRun).toMatchObject({ running: false, answer: first, error: "Cancelled: the plan below is the previous run's" });
    expect((await backend.storedDoc()).plans.map((p) => p.id)).toEqual([first.plan.id]);
  });

  it('another document opened mid-run cancels the run and shows none of it; the new document runs at once', async () => {
    const { store, api } = await storeShowing('portfolio');
    const running = store.getState().runOptimizer({ timeLimitS: 600 });
    store.getState().adopt(await api.invoke('document.new', { sample: 'small' }));
    expect(store.getState().optimizerRun).toBeNull();
    await running;
    expect(store.getState().optimizerRun).toBeNull();
    expect((await backend.storedDoc()).plans).toEqual([]);
    await store.getState().runOptimizer({});
    expect(store.getState().optimizerRun).toMatchObject({ running: false, error: null });
    expect(store.getState().optimizerRun!.answer!.plan.status).not.toBe('infeasible');
  });

  it('the backend refuses a run asked for a document no longer open, and keeps its plan out of one opened during the run', async () => {
    const { store, api } = await storeShowing('small');
    // The backend has opened another; the screen, not yet drawn for it, asks for the one before.
    await openBehindTheStore('small');
    await store.getState().runOptimizer({});
    expect(store.getState().optimizerRun).toMatchObject({ running: false, answer: null, error: 'Another document has been opened: run the optimizer on it' });
    store.getState().adopt(await api.invoke('document.current', {}));
    const running = store.getState().runOptimizer({});
    await openBehindTheStore('small');
    await running;
    expect(store.getState().optimizerRun).toMatchObject({ running: false, answer: null, error: 'Another document was opened during the run: its plan was not kept' });
    expect((await backend.storedDoc()).plans).toEqual([]);
  });
});
