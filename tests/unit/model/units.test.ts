import { describe, expect, it } from 'vitest';
import {
  countOf,
  groupedNumber,
  parseGroupedNumber,
  formatLocalTime,
  periodLabel,
  cToF,
  formatQuantity,
  formatUsd,
  periodName,
  plainNumber,
  ftToM,
  kgPerM2ToLbPerFt2,
  kwToBtuPerHour,
  kwToMw,
  kwToTons,
  lbPerFt2ToKgPerM2,
  mToFt,
  displayUnit,
} from '../../../shared/units';

describe('unit conversions against hand calculations (REFERENCE.md "Units")', () => {
  it('length: 1 ft = 0.3048 m exactly, so 10 m = 10 / 0.3048 = 32.8084 ft', () => {
    expect(ftToM(1)).toBe(0.3048);
    expect(mToFt(10)).toBeCloseTo(32.80839895, 8);
  });
  it('floor load: 1 lb/ft² = 0.45359237 kg / 0.09290304 m² = 4.88243 kg/m²', () => {
    expect(lbPerFt2ToKgPerM2(1)).toBeCloseTo(4.882428, 6);
    // A typical-server design basis of 70 lb/ft² is 341.8 kg/m² (REFERENCE: "340 kg/m²").
    expect(lbPerFt2ToKgPerM2(70)).toBeCloseTo(341.77, 2);
    expect(kgPerM2ToLbPerFt2(1500)).toBeCloseTo(307.22, 2);
  });
  it('heat: 1 ton = 12,000 BTU/h = 3.517 kW; 1 W = 3.412 BTU/h', () => {
    expect(kwToTons(3.516852842)).toBeCloseTo(1, 9);
    expect(kwToBtuPerHour(1)).toBeCloseTo(3412.14, 2);
    // A 132 kW NVL72 rack rejects 132 / 3.51685 = 37.53 tons.
    expect(kwToTons(132)).toBeCloseTo(37.534, 3);
  });
  it('temperature: 27 °C = 27 × 9/5 + 32 = 80.6 °F', () => {
    expect(cToF(27)).toBeCloseTo(80.6, 10);
  });
  it('power: 1500 kW = 1.5 MW', () => {
    expect(kwToMw(1500)).toBe(1.5);
  });
  it('display units round-trip in both systems', () => {
    for (const q of ['length', 'area', 'mass', 'floorLoad', 'heat', 'temperature'] as const) {
      const u = displayUnit('us', q);
      expect(u.toStored(u.fromStored(123.456))).toBeCloseTo(123.456, 9);
    }
  });
  it('formats in the user units', () => {
    expect(formatQuantity(1500, 'floorLoad', 'us')).toBe('307.2 lb/ft²');
    expect(formatQuantity(1500, 'floorLoad', 'metric')).toBe('1,500 kg/m²');
    expect(formatQuantity(10, 'length', 'us', 2)).toBe('32.81 ft');
    expect(formatUsd(9_700_000_000)).toBe('$9.70 B');
    expect(formatUsd(-1_250_000)).toBe('−$1.25 M');
  });
  it('plain numbers for inputs: no grouping, no trailing zeros, rounded', () => {
    expect(plainNumber(12_345.678, 2)).toBe('12345.68');
    expect(plainNumber(10.5, 3)).toBe('10.5');
    expect(plainNumber(-0.0001, 2)).toBe('0');
  });
});

describe('counts and periods in words', () => {
  it('counts with their noun, singular for one, thousands separated', () => {
    expect(countOf(1, 'hall')).toBe('1 hall');
    expect(countOf(0, 'site')).toBe('0 sites');
    expect(countOf(31_320, 'variable')).toBe('31,320 variables');
  });
  it('names the planning period', () => {
    expect(periodName(3)).toBe('quarter');
    expect(periodName(12)).toBe('year');
    expect(periodName(2)).toBe('2-month period');
  });

  it('a timestamp reads as a clock in the machine\'s time zone; text that is no time stays as it was', () => {
    // Built from local fields, so the test holds in any time zone.
    expect(formatLocalTime(new Date(2026, 11, 1, 9, 48).toISOString())).toMatch(/^Dec 1, 2026, 9:48\sAM$/);
    expect(formatLocalTime('yesterday')).toBe('yesterday');
  });

  it('periods read as dates from the fleet\'s start month, or as "period N" without one', () => {
    const quarters = { periodMonths: 3, startMonth: '2027-01' };
    // Period index 7 from Q1 2027: 7 quarters on is Q4 2028.
    expect([0, 3, 4, 7].map((t) => periodLabel(quarters, t))).toEqual(['Q1 2027', 'Q4 2027', 'Q1 2028', 'Q4 2028']);
    // Quarters that do not start with the calendar's read as the month they begin.
    expect(periodLabel({ periodMonths: 3, startMonth: '2027-02' }, 4)).toBe('Feb 2028');
    expect(periodLabel({ periodMonths: 6, startMonth: '2027-07' }, 1)).toBe('H1 2028');
    expect(periodLabel({ periodMonths: 12, startMonth: '2027-01' }, 1)).toBe('2028');
    expect(periodLabel({ periodMonths: 1, startMonth: '2027-11' }, 2)).toBe('Jan 2028');
    expect(periodLabel({ periodMonths: 3 }, 8)).toBe('period 9');
  });
});

describe('amounts of money in fields', () => {
  it('shows thousands separators and no trailing zeros', () => {
    expect(groupedNumber(65444575, 0)).toBe('65,444,575');
    expect(groupedNumber(1234.5, 2)).toBe('1,234.5');
    expect(groupedNumber(999, 0)).toBe('999');
    expect(groupedNumber(-1200000, 0)).toBe('-1,200,000');
  });
  it('reads what the user types, with or without separators and a $', () => {
    expect(parseGroupedNumber('65,444,575')).toBe(65444575);
    expect(parseGroupedNumber('$ 65,444,575.25')).toBe(65444575.25);
    expect(parseGroupedNumber('65444575')).toBe(65444575);
    expect(parseGroupedNumber('-1,200')).toBe(-1200);
  });
  it('refuses a decimal comma and misplaced separators rather than guess', () => {
    expect(parseGroupedNumber('1,5')).toBeNaN();
    expect(parseGroupedNumber('12,34,567')).toBeNaN();
    expect(parseGroupedNumber('')).toBeNaN();
    expect(parseGroupedNumber('abc')).toBeNaN();
  });
});

describe('one precision per unit', () => {
  it('shows lengths to the centimetre or the hundredth of a foot, in every field', () => {
    expect(displayUnit('metric', 'length').digits).toBe(2);
    expect(displayUnit('us', 'length').digits).toBe(2);
  });
});
