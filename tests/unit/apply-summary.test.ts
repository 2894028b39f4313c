import { describe, expect, it } from 'vitest';
import { describeHallChange } from '../../shared/optimizer/apply-summary';
import { sampleSmall } from '../../shared/samples';

describe('what Apply plan does to a hall, in one line', () => {
  const doc = sampleSmall();
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const hall = doc.halls[0]!;
  const miners = doc.placements.filter((p) => p.modelId === 'rack-s21xp');
  const gpus = doc.placements.filter((p) => p.modelId === 'nvl72-gb200');
  const cdu = doc.placements.filter((p) => p.modelId === 'cdu-1200');

  it('the units out and in, most first, models apart by a middle dot (their names hold commas), with their power; the settings that change, before → after; zones made one', () => {
    // Out: 8 × 72.9 = 583.2 kW. In: 2 × 132 + 12 = 276 kW.
    const after = { currentUse: 'ai' as const, cooling: { ...hall.cooling, method: 'direct-to-chip' as const, unitCapacityKw: 281 }, pue: 1.2, densityLimitKwPerRack: null };
    expect(describeHallChange({ hall, after, removed: miners, added: [...cdu, ...gpus], zonesMerged: 2 }, models, 'metric')).toBe(
      "Hall 1: takes out 8 × Shelf rack, 20 × Antminer S21 XP (583 kW); puts in 2 × GB200 NVL72 rack · 1 × In-row CDU 1.2 MW (276 kW); use mining → ai; cooling free-air → direct-to-chip; cooling units 4 × 300 kW → 4 × 281 kW; PUE 1.1 → 1.2; rack density limit 140 kW → the method's default; its 2 cooling zones become one",
    );
  });

  it('settings given as they are, and one zone kept as one, say nothing; an edit that changes nothing says so', () => {
    expect(describeHallChange({ hall, after: { feedKw: hall.feedKw, cooling: hall.cooling }, removed: [], added: [], zonesMerged: 1 }, models, 'metric')).toBe('Hall 1: nothing changes');
  });

  it('a feed raised reads before → after', () => {
    expect(describeHallChange({ hall, after: { feedKw: 2000 }, removed: [], added: [], zonesMerged: 0 }, models, 'us')).toMatch(/^Hall 1: feed 1,000 kW → 2,000 kW$/);
  });
});
