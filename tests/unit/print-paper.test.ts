import { describe, expect, it } from 'vitest';
import { chooseScale, defaultPaper, scaleLabel, scalesFor, sheetSize } from '../../shared/print/paper';
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
    expect(chooseScale({ widthM: 30, depthM: 15 }, { widthMm: 380, heightMm: 200 }, 100, 'metric')).toEqual({ denominator: 100, note: null });
  });
  it('falls back to the largest standard scale that fits, and says so', () => {
    // 120 m wide at 1:100 = 1,200 mm > 380 mm; 1:400 → 300 mm fits, 1:300 → 400 mm does not
    const c = chooseScale({ widthM: 120, depthM: 42 }, { widthMm: 380, heightMm: 200 }, 100, 'metric');
    expect(c.denominator).toBe(400);
    expect(c.note).toMatch(/1:100 does not fit.*1:400/);
    expect(chooseScale({ widthM: 120, depthM: 42 }, { widthMm: 380, heightMm: 200 }, 'fit', 'metric')).toEqual({ denominator: 400, note: null });
  });
});

describe('US units', () => {
  it('offer engineering scales read as 1″ = N′ and start on Tabloid', () => {
    expect(scalesFor('us')).toEqual(expect.arrayContaining([120, 240, 480, 600, 1200]));
    expect([120, 240, 480, 600, 1200].map((d) => scaleLabel(d, 'us'))).toEqual(['1″ = 10′', '1″ = 20′', '1″ = 40′', '1″ = 50′', '1″ = 100′']);
    expect(scaleLabel(500, 'metric')).toBe('1:500');
    expect(defaultPaper('us')).toBe('Tabloid');
    expect(defaultPaper('metric')).toBe('A3');
  });
  it('fall back to the nearest offered scale that fits', () => {
    // The tester's case, Building A (120 × 42 m) at 1:200 on A4 landscape: 187 mm wide for the
    // hall. Metric: 1:500 needs 240 mm, 1:750 160 mm; US: 1:600 needs 200 mm, 1:720 (1″ = 60′) 166.7 mm.
    const hall = { widthM: 120, depthM: 42 };
    const box = { widthMm: 187, heightMm: 120 };
    expect(chooseScale(hall, box, 200, 'metric')).toEqual({ denominator: 750, note: '1:200 does not fit this sheet; drawn at 1:750' });
    expect(chooseScale(hall, box, 240, 'us')).toEqual({ denominator: 720, note: '1″ = 20′ does not fit this sheet; drawn at 1″ = 60′' });
  });
});
