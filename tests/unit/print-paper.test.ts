import { describe, expect, it } from 'vitest';
import { chooseScale, sheetSize } from '../../shared/print/paper';
import { mmToPt, paperMm } from '../../shared/units';

describe('paper and scale', () => {
  it('sizes sheets in mm, exact for ISO and for inches', () => {
    expect(sheetSize('A4', 'portrait')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(sheetSize('A3', 'landscape')).toEqual({ widthMm: 420, heightMm: 297 });
    // Letter 8.5 × 11 in = 612 × 792 pt; Tabloid 11 × 17 in = 792 × 1224 pt
    expect(mmToPt(sheetSize('Letter', 'portrait').widthMm)).toBeCloseTo(612, 9);
    expect(mmToPt(sheetSize('Tabloid', 'landscape').widthMm)).toBeCloseTo(1224, 9);
  });
  it('10 m at 1:100 is 100 mm on paper', () => {
    expect(paperMm(10, 100)).toBe(100);
  });
  it('keeps the requested scale when the hall fits', () => {
    // 30 × 15 m at 1:100 = 300 × 150 mm inside 380 × 200 mm
    expect(chooseScale({ widthM: 30, depthM: 15 }, { widthMm: 380, heightMm: 200 }, 100)).toEqual({ denominator: 100, note: null });
  });
  it('falls back to the largest standard scale that fits, and says so', () => {
    // 120 m wide at 1:100 = 1,200 mm > 380 mm; 1:400 → 300 mm fits, 1:300 → 400 mm does not
    const c = chooseScale({ widthM: 120, depthM: 42 }, { widthMm: 380, heightMm: 200 }, 100);
    expect(c.denominator).toBe(400);
    expect(c.note).toMatch(/1:100 does not fit.*1:400/);
    expect(chooseScale({ widthM: 120, depthM: 42 }, { widthMm: 380, heightMm: 200 }, 'fit')).toEqual({ denominator: 400, note: null });
  });
});
