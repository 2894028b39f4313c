import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { checkFleet } from '../../../shared/constraints';
import { applyPlanCommand } from '../../../shared/optimizer/apply-plan';
import { runOptimizer } from '../../../shared/optimizer/run';
import { sampleCampus } from '../../../shared/samples';
import { loadHighs } from '../../../electron/backend/optimizer/highs-solver';

describe('apply plan', () => {
  it('lays out the chosen racks in every converted hall as one undoable edit that passes the geometry checks', async () => {
    const doc = sampleCampus();
    const solve = await loadHighs();
    const { plan } = runOptimizer(doc, { objective: 'expected', timeLimitS: 60, mipGap: 1e-4, planId: 'p1', now: 'now' }, solve);
    const converted = plan.halls.filter((h) => !h.optionId.endsWith('-keep'));
    expect(converted.length).toBeGreaterThan(0);

    const { command, shortfalls } = applyPlanCommand(doc, plan);
    const applied = applyCommand(doc, command);
    for (const h of converted) {
      const option = doc.halls.find((x) => x.id === h.hallId)!.retrofitOptions.find((o) => o.id === h.optionId)!;
      const placed = applied.doc.placements.filter((p) => p.hallId === h.hallId && p.modelId === option.modelId);
      const short = shortfalls.find((s) => s.startsWith(doc.halls.find((x) => x.id === h.hallId)!.name));
      if (!short) expect(placed.length).toBe(h.units);
      expect(applied.doc.halls.find((x) => x.id === h.hallId)!.currentUse).toBe(option.modelId ? (option.kind === 'retrofit-ai' ? 'ai' : 'mining') : 'idle');
    }
    const geometry = checkFleet(applied.doc).violations.filter((v) => ['overlap', 'clearance', 'outside-hall', 'aisle-orientation'].includes(v.rule));
    expect(geometry).toEqual([]);

    // One undo step puts everything back.
    const undone = applyCommand(applied.doc, applied.inverse).doc;
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(undone.placements)).toEqual(byId(doc.placements));
    expect(undone.halls).toEqual(doc.halls);
  });
});
