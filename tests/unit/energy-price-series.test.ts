/**
 * Price series import: the two-column form and ERCOT's settlement point price export,
 * a year each, and every kind of bad file refused whole with its line named.
 */
import { describe, expect, it } from 'vitest';
import { ercotSettlementPoints, importErcotCsv, importTwoColumnCsv } from '../../shared/energy/price-series';
import { PriceSeriesSchema } from '../../shared/model/schema';
import { ercotYearLines, hourlyYearLines } from '../support/price-csv';

/** 2027 hour by hour from New Year, price = hour of the day (0-23) + 10. */
const hourlyYear = (): string[] => hourlyYearLines((h) => (h % 24) + 10);

/** 15-minute prices for two points: HB_WEST at hour ending + interval / 10, HB_NORTH at 99, through both clock changes. */
const ercotYear = (): string[] => ercotYearLines({ HB_WEST: (hour, i) => hour + i / 10, HB_NORTH: () => 99 });

describe('price series import', () => {
  it('reads a year of hourly prices in two columns, with or without a header', () => {
    const lines = hourlyYear();
    const plain = importTwoColumnCsv(lines.join('\n'), 'west.csv');
    expect(plain.ok).toBe(true);
    if (!plain.ok) return;
    expect(plain.series).toMatchObject({ source: 'west.csv', start: '2027-01-01T00:00', intervalMinutes: 60 });
    expect(plain.series.pricesUsdPerMwh).toHaveLength(8760);
    expect(plain.series.pricesUsdPerMwh.slice(0, 3)).toEqual([10, 11, 12]);
    expect(PriceSeriesSchema.safeParse(plain.series).success).toBe(true);
    const headed = importTwoColumnCsv(['timestamp,usd_per_mwh', ...lines].join('\r\n'), 'west.csv');
    expect(headed.ok && headed.series.pricesUsdPerMwh).toEqual(plain.series.pricesUsdPerMwh);
  });

  it('refuses the whole file, naming the line: a non-number, a duplicate, a gap, a bad time, the wrong length', () => {
    const errorsOf = (lines: string[]) => {
      const r = importTwoColumnCsv(lines.join('\n'), 'f.csv');
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.errors;
    };
    const year = hourlyYear();
    const nan = [...year];
    nan[4] = '2027-01-01 04:00,abc';
    expect(errorsOf(nan)).toEqual(['line 5: "abc" is not a price in $/MWh']);
    const duplicate = [...year.slice(0, 6), year[5]!, ...year.slice(6)];
    expect(errorsOf(duplicate)).toEqual(['line 7: 2027-01-01 05:00 again, a duplicate of line 6']);
    const gap = [...year.slice(0, 100), ...year.slice(103)];
    expect(errorsOf(gap)).toEqual(['line 101: 3 intervals missing after line 100 (2027-01-05 03:00)']);
    const badTime = [...year];
    badTime[9] = '2027-02-30 09:00,10';
    expect(errorsOf(badTime)).toEqual(['line 10: "2027-02-30 09:00" is not a timestamp (YYYY-MM-DD HH:MM)']);
    const threeFields = [...year];
    threeFields[0] = '2027-01-01 00:00,10,11';
    expect(errorsOf(threeFields)).toEqual(['line 1: 3 fields; each line holds a timestamp and a price in $/MWh']);
    // One hour short of a year: 8,759 hours are 364.96 days.
    expect(errorsOf(year.slice(0, 8759))).toEqual(['the prices cover 364.96 days; a price series needs at least a year (365 days)']);
    expect(importTwoColumnCsv(year.slice(0, 8760).join('\n'), 'f.csv').ok).toBe(true); // exactly a year
    // Twenty minutes apart is no price interval.
    expect(errorsOf(['2027-01-01 00:00,1', '2027-01-01 00:20,1'])).toEqual(['line 2: 20 minutes after line 1; prices come every 60 or every 15 minutes']);
    // A file with many errors lists ten and counts the rest.
    const many = year.map((l, i) => (i < 12 ? l.replace(/,.*/, ',x') : l));
    expect(errorsOf(many)).toHaveLength(11);
    expect(errorsOf(many)[10]).toBe('… and 2 more');
  });

  it('reads ERCOT\'s NP6-905-CD export for the settlement point picked, through both clock changes', () => {
    const text = ercotYear().join('\r\n');
    expect(ercotSettlementPoints(text)).toEqual(['HB_NORTH', 'HB_WEST']);
    const r = importErcotCsv(text, 'spp-2027.csv', 'HB_WEST');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 365 days × 96 intervals: the spring day's missing 4 and the autumn day's extra 4 cancel.
    expect(r.series).toMatchObject({ source: 'spp-2027.csv, HB_WEST', start: '2027-01-01T00:00', intervalMinutes: 15 });
    expect(r.series.pricesUsdPerMwh).toHaveLength(365 * 96);
    expect(r.series.pricesUsdPerMwh.slice(0, 5)).toEqual([1.1, 1.2, 1.3, 1.4, 2.1]);
    // 7 November: hour ending 1, then hour ending 2 twice (N, then Y), then 3.
    const nov7 = (310 * 24 - 1) * 4; // day 310 of the year, after the spring day's 23 hours
    expect(r.series.pricesUsdPerMwh.slice(nov7 + 4, nov7 + 16)).toEqual([2.1, 2.2, 2.3, 2.4, 2.1, 2.2, 2.3, 2.4, 3.1, 3.2, 3.3, 3.4]);
    expect(importErcotCsv(text, 'spp-2027.csv', 'LZ_WEST')).toEqual({ ok: false, errors: ['no prices for settlement point "LZ_WEST" in the file'] });
  });

  it('refuses a broken ERCOT export whole, naming the line', () => {
    const lines = ercotYear();
    const errorsOf = (l: string[]) => {
      const r = importErcotCsv(l.join('\n'), 'spp.csv', 'HB_WEST');
      return r.ok ? [] : r.errors;
    };
    expect(errorsOf(['DeliveryDate,DeliveryHour,SettlementPointName,SettlementPointPrice', ...lines.slice(1)])).toEqual([
      'line 1: not an ERCOT settlement point price export: no DeliveryInterval, SettlementPointType, DSTFlag column',
    ]);
    const dup = [...lines.slice(0, 10), lines[1]!, ...lines.slice(10)];
    expect(errorsOf(dup)).toEqual(['line 11: 2027-01-01 hour ending 1 interval 1 again, a duplicate of line 2']);
    const missing = lines.filter((_, i) => i !== 3); // HB_WEST 01/01 hour 1 interval 2
    expect(errorsOf(missing)).toEqual(['line 2: 2027-01-01 hour ending 1 lacks interval 2']);
    const price = [...lines];
    price[1] = '01/01/2027,1,1,HB_WEST,HU,1e400,N';
    expect(errorsOf(price)).toEqual(['line 2: SettlementPointPrice "1e400" is not a price in $/MWh']);
    // A missing hour on a day clocks do not change.
    const noHour = lines.filter((l) => !(l.startsWith('05/05/2027,7,') && l.includes('HB_WEST')));
    expect(errorsOf(noHour)[0]).toMatch(/^2027-05-05 \(line \d+ on\): hour ending 7 missing$/);
  });
});
