import { describe, expect, it } from 'vitest';
import { applyCommand, CommandError } from '../../../shared/commands/apply';
import { CommandSchema } from '../../../shared/commands/schema';
import { sampleSmall } from '../../../shared/samples';

// A slip like 1e308 was stored, then broke the optimizer with "a coefficient is not a finite number".
describe('figures past any real site, or below any real building, are refused where they are entered', () => {
  const doc = sampleSmall();
  const refused = (table: 'sites' | 'halls', id: string, patch: Record<string, unknown>) => () => applyCommand(doc, { type: 'update', table, id, patch });

  it.each([
    ['sites', 'sm', { powerPriceUsdPerMwh: 1e308 }],
    ['sites', 'sm', { powerPriceUsdPerMwh: 10_001 }],
    ['halls', 'sm-h1', { densityLimitKwPerRack: 1e308 }],
    // And below any real building: these were stored, then shown as 0.
    ['halls', 'sm-h1', { widthM: 0.0001 }],
    ['halls', 'sm-h1', { floorLimitKgPerM2: 1e-300 }],
  ] as const)('%s %s %o', (table, id, patch) => {
    expect(refused(table, id, patch)).toThrow(CommandError);
  });

  it('the ceilings themselves are allowed: $10,000/MWh (twice ERCOT\'s cap), 10 MW a rack', () => {
    expect(applyCommand(doc, { type: 'update', table: 'sites', id: 'sm', patch: { powerPriceUsdPerMwh: 10_000 } }).doc.sites[0]!.powerPriceUsdPerMwh).toBe(10_000);
    expect(applyCommand(doc, { type: 'update', table: 'halls', id: 'sm-h1', patch: { densityLimitKwPerRack: 10_000 } }).doc.halls[0]!.densityLimitKwPerRack).toBe(10_000);
  });

  it('a move past the 100 km a placement may stand at is refused at the command, not saved into a file no one can open', () => {
    const move = (xM: number) => CommandSchema.safeParse({ type: 'move', moves: [{ id: 'r1', xM, yM: 0 }] }).success;
    expect(move(100_000)).toBe(true);
    expect(move(100_000.001)).toBe(false);
    expect(move(1e300)).toBe(false);
    expect(move(-1e300)).toBe(false);
  });
  it('a fleet setting past its ceiling is refused at the command\'s schema, which every edit crosses', () => {
    expect(CommandSchema.safeParse({ type: 'set-fleet', fleet: { floorServiceAreaDepthM: 1e308 } }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'set-fleet', limits: { contractedAiMw: 1e308 } }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'set-fleet', limits: { contractedAiMw: 10_000 } }).success).toBe(true);
  });
});
