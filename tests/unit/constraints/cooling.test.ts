import { describe, expect, it } from 'vitest';
import { DEFAULT_DENSITY_LIMIT_KW, densityLimitKw, heldBackUnits, spareUnitsMissing, usableCoolingKw } from '../../../shared/model/cooling';

describe('redundancy', () => {
  it('N counts every unit; N+1 holds one back; 2N holds half back (rounded up)', () => {
    expect(heldBackUnits('N', 5)).toBe(0);
    expect(heldBackUnits('N+1', 5)).toBe(1);
    expect(heldBackUnits('2N', 4)).toBe(2);
    expect(heldBackUnits('2N', 5)).toBe(3);
  });
  it('a lone unit is counted, and is the spare N+1 or 2N asked for that is missing', () => {
    expect(heldBackUnits('N+1', 1)).toBe(0);
    expect(heldBackUnits('2N', 1)).toBe(0);
    expect(spareUnitsMissing('N+1', 1)).toBe(1);
    expect(spareUnitsMissing('2N', 1)).toBe(1);
    expect(spareUnitsMissing('N', 1)).toBe(0);
  });
  it('no spare is missing of none or of two or more units', () => {
    expect(spareUnitsMissing('N+1', 0)).toBe(0);
    expect(spareUnitsMissing('2N', 0)).toBe(0);
    expect(spareUnitsMissing('N+1', 2)).toBe(0);
    expect(spareUnitsMissing('2N', 3)).toBe(0);
  });
  it('27 fan walls of 450 kW at N+1: 26 × 450 = 11,700 kW usable', () => {
    expect(usableCoolingKw({ cooling: { method: 'free-air', unitCount: 27, unitCapacityKw: 450, redundancy: 'N+1' } })).toBe(11_700);
  });
});

describe('density limits by cooling method (REFERENCE.md)', () => {
  it('air practical maximum 30 kW; rear door 80; direct-to-chip 150; immersion 250 per tank', () => {
    expect(DEFAULT_DENSITY_LIMIT_KW).toMatchObject({ air: 30, 'rear-door': 80, 'direct-to-chip': 150, immersion: 250 });
  });
  it('a hall limit overrides the method default', () => {
    expect(densityLimitKw({ densityLimitKwPerRack: 45, cooling: { method: 'air', unitCount: 1, unitCapacityKw: 1, redundancy: 'N' } })).toBe(45);
    expect(densityLimitKw({ densityLimitKwPerRack: null, cooling: { method: 'air', unitCount: 1, unitCapacityKw: 1, redundancy: 'N' } })).toBe(30);
  });
  it('the hall’s limit holds under its own method only: under another (a zone’s, a retrofit’s) that method’s default', () => {
    const freeAir = { densityLimitKwPerRack: 140, cooling: { method: 'free-air', unitCount: 4, unitCapacityKw: 300, redundancy: 'N+1' } } as const;
    expect(densityLimitKw(freeAir, 'free-air')).toBe(140);
    expect(densityLimitKw(freeAir, 'direct-to-chip')).toBe(150);
    expect(densityLimitKw(freeAir, 'air')).toBe(30);
    expect(densityLimitKw({ ...freeAir, densityLimitKwPerRack: null }, 'free-air')).toBe(80);
  });
});
