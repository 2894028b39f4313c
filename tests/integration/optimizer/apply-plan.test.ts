import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { checkFleet } from '../../../shared/constraints';
import { applyPlanCommand } from '../../../shared/optimizer/apply-plan';
import { runOptimizer } from '../../../shared/optimizer/run';
import type { Plan } from '../../../shared/model/schema';
import { sampleCampus, sampleSmall } from '../../../shared/samples';
import { loadHighs } from '../../../electron/backend/optimizer/highs-solver';

describe('apply plan', () => {
  it('lays out the chosen racks in every converted hall as one undoable edit that brings no new problem', async () => {
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
    // Every limit the constraint engine checks holds as well as before: the GB200 racks of
    // Building B come with the CDUs their 52 × 132 kW × 0.85 = 5,834.4 kW of liquid heat
    // needs: two 2.3 MW CDUs beside the pod's three 1.2 MW ones, the largest held back for
    // N+1, leave 3 × 1,200 + 2,300 = 5,900 kW usable. The hall's zones become one.
    const before = new Set(checkFleet(doc).violations.map((v) => v.id));
    expect(checkFleet(applied.doc).violations.filter((v) => !before.has(v.id))).toEqual([]);
    expect(converted.map((h) => h.hallId)).toContain('wtx-b');
    expect(applied.doc.zones.filter((z) => z.hallId === 'wtx-b')).toHaveLength(1);
    expect(applied.doc.placements.filter((p) => p.hallId === 'wtx-b' && p.modelId === 'cdu-2300')).toHaveLength(2);

    // One undo step puts everything back.
    const undone = applyCommand(applied.doc, applied.inverse).doc;
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(undone.placements)).toEqual(byId(doc.placements));
    expect(undone.halls).toEqual(doc.halls);
  });

  it('keeps new racks clear of the power gear and CDUs that stay, and of their clearances', () => {
    // The small sample's AI corner keeps its floor PDU and CDU: 60 GB200 racks need more
    // than the 43 a 30 m row holds, so the second row must step around them.
    const doc = sampleSmall();
    const plan: Plan = { id: 'p', name: 'test plan', createdAt: 'now', objective: 'expected', status: 'optimal', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [{ hallId: 'sm-h1', optionId: 'sm-h1-ai', startPeriod: 0, units: 60, npvUsd: 0 }], periods: [], bindingLimits: [], conflicts: [] };
    const { command, shortfalls } = applyPlanCommand(doc, plan);
    const after = applyCommand(doc, command).doc;
    const racks = after.placements.filter((p) => p.modelId === 'nvl72-gb200');
    expect(shortfalls).toEqual([]);
    expect(racks).toHaveLength(60);
    const geometry = checkFleet(after).violations.filter((v) => ['overlap', 'clearance', 'outside-hall'].includes(v.rule));
    expect(geometry).toEqual([]);
    expect(after.placements.some((p) => p.id === 'sm-pdu01-01')).toBe(true);
  });
});
