import { beforeEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { messagesSlice, type MessagesSlice } from '../../../renderer/src/state/slices/messages';
import { themeSlice, type ThemeSlice } from '../../../renderer/src/state/slices/theme';
import { createFleetStore } from '../../../renderer/src/state/store';
import { sampleCampus, sampleSmall } from '../../../shared/samples';
import type { FleetDoc } from '../../../shared/model/schema';

/** A store with a document in it, as one the backend confirmed (no backend: these slices never call it). */
function storeWith(doc: FleetDoc) {
  const store = createFleetStore();
  store.setState({ status: 'ready', document: { doc, path: null, title: doc.fleet.name, dirty: false, revision: 1, openedRevision: 1 } });
  store.getState().checkAfresh(doc);
  return store;
}

describe('theme slice', () => {
  const saved = new Map<string, string>();
  beforeEach(() => {
    saved.clear();
    globalThis.localStorage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) } as Storage;
  });
  it('starts from the saved choice and keeps each change', () => {
    saved.set('fleet-planner.theme', 'dark');
    const store = create<ThemeSlice>()(themeSlice);
    expect(store.getState().theme).toBe('dark');
    store.getState().toggleTheme();
    expect(store.getState().theme).toBe('light');
    expect(saved.get('fleet-planner.theme')).toBe('light');
  });
});

describe('messages slice', () => {
  it('says, dismisses, and forgets only what an edit reported', () => {
    const store = create<MessagesSlice>()(messagesSlice);
    store.getState().say('error', 'no');
    store.getState().forgetEditMessage();
    expect(store.getState().message).toEqual({ kind: 'error', text: 'no', aboutEdit: undefined });
    store.getState().say('info', 'Plan applied', { aboutEdit: true });
    store.getState().forgetEditMessage();
    expect(store.getState().message).toBeNull();
    store.getState().say('info', 'x');
    store.getState().dismissMessage();
    expect(store.getState().message).toBeNull();
  });
});

describe('selection slice', () => {
  const campus = sampleCampus();
  it('opening a hall opens its site and clears the selection', () => {
    const store = storeWith(campus);
    store.getState().setSelection(['x']);
    store.getState().selectHall('wtx-b');
    expect(store.getState()).toMatchObject({ selectedHallId: 'wtx-b', selectedSiteId: 'wtx' });
    expect(store.getState().selection.size).toBe(0);
  });
  it('a problem about halls on their site opens the site plan; one about equipment selects it in its hall', () => {
    const store = storeWith(campus);
    store.getState().focusOn({ id: 'v', rule: 'halls-overlap', severity: 'error', objectIds: ['wtx-a', 'wtx-b'], hallId: null, siteId: 'wtx', quantity: 'length', limit: 0, value: 1, margin: -1, unit: 'm', message: '' });
    expect(store.getState()).toMatchObject({ selectedSiteId: 'wtx', selectedHallId: null });
    const rack = campus.placements.find((p) => p.hallId === 'wtx-b')!;
    store.getState().focusOn({ id: 'w', rule: 'floor-load', severity: 'error', objectIds: [rack.id], hallId: 'wtx-b', siteId: 'wtx', quantity: 'floorLoad', limit: 1, value: 2, margin: -1, unit: 'kg/m²', message: '' });
    expect(store.getState().selectedHallId).toBe('wtx-b');
    expect([...store.getState().selection]).toEqual([rack.id]);
    expect(store.getState().focus?.ids).toEqual([rack.id]);
  });
  it('a problem about a zone brings the zone into view and highlights it; one about the hall fits the hall; a new selection ends the focus', () => {
    const store = storeWith(campus);
    const pod = campus.zones.find((z) => z.id === 'wtx-b-pod1')!;
    store.getState().focusOn({ id: 'z', rule: 'zone-air', severity: 'error', objectIds: [pod.id], hallId: 'wtx-b', siteId: 'wtx', quantity: 'heat', limit: 1, value: 2, margin: -1, unit: 'kW', message: '' });
    expect(store.getState().selectedHallId).toBe('wtx-b');
    expect(store.getState().selection.size).toBe(0);
    expect(store.getState().focus).toMatchObject({ ids: [], zoneIds: [pod.id] });
    store.getState().focusOn({ id: 'h', rule: 'hall-power', severity: 'error', objectIds: ['wtx-b'], hallId: 'wtx-b', siteId: 'wtx', quantity: 'power', limit: 1, value: 2, margin: -1, unit: 'kW', message: '' });
    expect(store.getState().focus).toMatchObject({ ids: [], zoneIds: [] });
    store.getState().setSelection(['x']);
    expect(store.getState().focus).toBeNull();
  });
  it('a node of the single line clicked opens its hall with its placements selected and in view', () => {
    const store = storeWith(campus);
    store.getState().selectSite('okl');
    const racks = campus.placements.filter((p) => p.hallId === 'wtx-b').slice(0, 2).map((p) => p.id);
    store.getState().showOnPlan('wtx-b', racks);
    expect(store.getState()).toMatchObject({ selectedHallId: 'wtx-b', selectedSiteId: 'wtx', focus: { ids: racks } });
    expect([...store.getState().selection]).toEqual(racks);
    // A hall's own node: the hall, nothing selected.
    store.getState().showOnPlan('wtx-a', []);
    expect(store.getState()).toMatchObject({ selectedHallId: 'wtx-a', focus: null });
    expect(store.getState().selection.size).toBe(0);
  });
  it('a document opened keeps the hall shown when it is still there, else shows the first hall', () => {
    const store = storeWith(campus);
    store.getState().selectHall('wtx-b');
    store.getState().showOnOpen(campus);
    expect(store.getState().selectedHallId).toBe('wtx-b');
    const small = sampleSmall();
    store.getState().showOnOpen(small);
    expect(store.getState().selectedHallId).toBe(small.halls[0]!.id);
  });
  it('the same document read again after a refused edit keeps what is selected and still stands; another clears it', () => {
    const store = storeWith(campus);
    const [a, b] = campus.placements.filter((p) => p.hallId === 'wtx-b');
    store.getState().selectHall('wtx-b');
    store.setState({ selection: new Set([a!.id, b!.id, 'gone']) });
    store.getState().showOnOpen(campus, { keepSelection: true });
    expect([...store.getState().selection].sort()).toEqual([a!.id, b!.id].sort());
    store.getState().showOnOpen(campus);
    expect(store.getState().selection.size).toBe(0);
  });
});

describe('checks slice', () => {
  it('previews what a move would break, then checks the edit once made', () => {
    const small = sampleSmall();
    const store = storeWith(small);
    const [a, b] = small.placements.filter((p) => p.modelId === 'rack-s21xp');
    const onto = { type: 'move' as const, moves: [{ id: a!.id, xM: b!.xM, yM: b!.yM }] };
    expect(store.getState().preview(onto).map((v) => v.rule)).toContain('overlap');
    expect(store.getState().checks.violations.some((v) => v.rule === 'overlap')).toBe(false);
    store.getState().applyLocally(onto);
    expect(store.getState().checks.violations.some((v) => v.rule === 'overlap')).toBe(true);
  });

  it('checks a document just opened once it is drawn, says it is checking until then, and checks at once an edit made before', async () => {
    const small = sampleSmall();
    const store = storeWith(small);
    const [a, b] = small.placements.filter((p) => p.modelId === 'rack-s21xp');
    const onto = { type: 'move' as const, moves: [{ id: a!.id, xM: b!.xM, yM: b!.yM }] };
    const expected = (doc: FleetDoc) => storeWith(doc).getState().checks;

    store.getState().checkOnceDrawn(small);
    expect(store.getState()).toMatchObject({ checking: true, checks: { violations: [], headroom: [] } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.getState().checking).toBe(false);
    expect(store.getState().checks).toEqual(expected(small));

    store.getState().checkOnceDrawn(small);
    expect(store.getState().preview(onto).map((v) => v.rule)).toContain('overlap');
    expect(store.getState().checking).toBe(false);
    store.getState().checkOnceDrawn(small);
    store.getState().applyLocally(onto);
    expect(store.getState().checking).toBe(false);
    expect(store.getState().checks).toEqual(expected(store.getState().document!.doc));
    expect(store.getState().checks.violations.some((v) => v.rule === 'overlap')).toBe(true);
    // The check put off for the opening is not run again over the edit's.
    const after = store.getState().checks;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.getState().checks).toBe(after);
  });
});
