/**
 * Price series import: the two-column form and ERCOT's settlement point price export,
 * a year each, and every kind of bad file refused whole with its line named.
 */
import { describe, expect, it } from 'vitest';
import { importTwoColumnCsv } from '../../shared/energy/price-series';
import { MAX_CSV_LINES } from '../../shared/io/csv';
import { ercotSettlementPoints, importErcotCsv } from '../../shared/energy/ercot-prices';
import { PriceSeriesSchema } from '../../shared/model/schema';
import { ercotDayAheadYearLines, ercotYearLines, hourlyYearLines } from '../support/price-csv';

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
    // Without DeliveryInterval a file is the hourly form; without a DST flag, no form at all.
    expect(errorsOf(['DeliveryDate,DeliveryHour,SettlementPointName,SettlementPointPrice', ...lines.slice(1)])).toEqual([
      'line 1: not an ERCOT settlement point price export: no DSTFlag or Repeated Hour Flag column',
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

  it('reads times with their UTC offset as instants: a local-time year through both clock changes', () => {
    // US Central: CST (−06:00) to 14 March 02:00, CDT (−05:00) to 7 November 02:00, when 01:00 comes twice.
    const lines = Array.from({ length: 8760 }, (_, h) => {
      const utc = Date.UTC(2027, 0, 1, 6) + h * 3_600_000;
      const offset = utc >= Date.UTC(2027, 2, 14, 8) && utc < Date.UTC(2027, 10, 7, 7) ? 5 : 6;
      return `${new Date(utc - offset * 3_600_000).toISOString().slice(0, 16)}-0${offset}:00,${h}`;
    });
    expect(lines.filter((l) => l.startsWith('2027-11-07T01:00'))).toEqual(['2027-11-07T01:00-05:00,7440', '2027-11-07T01:00-06:00,7441']);
    const r = importTwoColumnCsv(lines.join('\n'), 'central.csv');
    expect(r.ok && r.series).toMatchObject({ start: '2027-01-01T00:00', intervalMinutes: 60 });
    expect(r.ok && r.series.pricesUsdPerMwh.slice(7439, 7443)).toEqual([7439, 7440, 7441, 7442]);
    // The same wall clocks without their offsets: the spring hour missing and the autumn one twice, each named.
    const local = importTwoColumnCsv(lines.map((l) => l.replace(/-0[56]:00/, '')).join('\n'), 'local.csv');
    const hint = '; if the file is in local time, its clocks change here: write each time in UTC or with its UTC offset (2027-11-07T01:00-06:00)';
    expect(local.ok ? [] : local.errors).toEqual([`line 1731: 1 interval missing after line 1730 (2027-03-14 01:00)${hint}`, `line 7442: 2027-11-07 01:00 again, a duplicate of line 7441${hint}`]);
  });

  it('names the line of a bad first line, lines out of order, and a file separated by semicolons', () => {
    const year = hourlyYear();
    const errorsOf = (lines: string[]) => {
      const r = importTwoColumnCsv(lines.join('\n'), 'f.csv');
      return r.ok ? [] : r.errors;
    };
    // A spreadsheet's date whose file never says whether the month or the day comes first: refused with what to do.
    expect(errorsOf(['1/1/2027 0:00,25', ...year.slice(1)])).toEqual([
      'line 1: "1/1/2027 0:00" is not a timestamp (YYYY-MM-DD HH:MM); a spreadsheet rewrote the dates, and they do not say whether the month or the day comes first: format the column as yyyy-mm-dd hh:mm before saving',
    ]);
    // A first line starting with a digit is data, not a header, however wrong.
    expect(errorsOf(['2027-13-01 00:00,abc', ...year.slice(1)])).toEqual(['line 1: "2027-13-01 00:00" is not a timestamp (YYYY-MM-DD HH:MM)', 'line 1: "abc" is not a price in $/MWh']);
    expect(errorsOf([...year].reverse())).toEqual(['line 2: 2027-12-31 22:00 comes before line 1 (2027-12-31 23:00); the prices go in time order']);
    const swapped = [...year];
    [swapped[20], swapped[21]] = [swapped[21]!, swapped[20]!];
    expect(errorsOf(swapped)).toEqual([
      'line 21: 1 interval missing after line 20 (2027-01-01 19:00)',
      'line 22: 2027-01-01 20:00 comes before line 21 (2027-01-01 21:00); the prices go in time order',
      'line 23: 1 interval missing after line 22 (2027-01-01 20:00)',
    ]);
    expect(errorsOf(year.map((l) => l.replace(',', ';')))[0]).toBe('line 1: fields separated by ";"; the file separates them by commas');
    // A spreadsheet's "Unicode text" (UTF-16) read as UTF-8: every other byte NUL.
    const utf16 = new TextDecoder('utf-8').decode(Buffer.from(year.slice(0, 3).join('\n'), 'utf16le'));
    expect(errorsOf([utf16])).toEqual(['the file is not UTF-8 text (it holds NUL characters, as a spreadsheet\'s "Unicode text", UTF-16, does): save it as CSV UTF-8']);
    const marked = new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(year.slice(0, 3).join('\n'), 'utf16le')]));
    expect(errorsOf([marked])).toEqual(['the file is not UTF-8 text (it starts with a UTF-16 or UTF-32 byte-order mark, as a spreadsheet\'s "Unicode text" does): save it as CSV UTF-8']);
    expect(importTwoColumnCsv(hourlyYearLines(() => 5).map((l) => `${l.replace(' ', 'T').replace(',', 'Z,')}`).join('\n'), 'utc.csv').ok).toBe(true);
  });

  it('reads ERCOT\'s day-ahead report (hourly, hour ending 01:00 to 24:00) and its yearly history saved as CSV', () => {
    const dayAhead = ercotDayAheadYearLines({ HB_WEST: (hour) => hour, HB_HUBAVG: () => 40 });
    expect(ercotSettlementPoints(dayAhead.join('\n'))).toEqual(['HB_HUBAVG', 'HB_WEST']);
    const r = importErcotCsv(dayAhead.join('\n'), 'dam-2027.csv', 'HB_WEST');
    expect(r.ok && r.series).toMatchObject({ source: 'dam-2027.csv, HB_WEST', start: '2027-01-01T00:00', intervalMinutes: 60 });
    expect(r.ok && r.series.pricesUsdPerMwh).toHaveLength(365 * 24);
    // 7 November: hour ending 1, hour ending 2 twice, then 3.
    const nov7 = (310 * 24 - 1); // day 310 of the year, after the spring day's 23 hours
    expect(r.ok && r.series.pricesUsdPerMwh.slice(nov7, nov7 + 4)).toEqual([1, 2, 2, 3]);
    // The history workbook's columns, spaced, with "Repeated Hour Flag"; spreadsheets drop the dates' zeros.
    const history = ercotYear().map((l, i) => (i === 0 ? '"Delivery Date","Delivery Hour","Delivery Interval","Settlement Point Name","Settlement Point Type","Settlement Point Price","Repeated Hour Flag"' : l.replace(/^0?(\d+)\/0?(\d+)\//, '$1/$2/')));
    // Its monthly sheets saved one by one and put one after the other: the header again in the middle names no point, and is passed over.
    const julyFirst = history.findIndex((l) => l.startsWith('7/1/2027'));
    history.splice(julyFirst, 0, history[0]!);
    const h = importErcotCsv(history.join('\n'), 'rtm-2027.csv', 'HB_WEST');
    const rtm = importErcotCsv(ercotYear().join('\n'), 'rtm-2027.csv', 'HB_WEST');
    expect(h.ok && rtm.ok && h.series).toEqual(rtm.ok && rtm.series);
  });

  it('refuses ERCOT dates further apart than a series may hold at once, and counts past the first ten problems without holding them', () => {
    const header = 'DeliveryDate,DeliveryHour,SettlementPointName,SettlementPointPrice,DSTFlag';
    const span = importErcotCsv(`${header}\r\n01/01/1000,1,HB_NORTH,20,N\r\n12/31/9999,1,HB_NORTH,20,N\r\n`, 'span.csv', 'HB_NORTH');
    expect(span).toEqual({
      ok: false,
      errors: ['the delivery dates run from 1000-01-01 (line 2) to 9999-12-31 (line 3), 3,287,182 days of hourly prices, over the 105,408 intervals (three years of 15-minute prices) a series may hold: check the dates'],
    });
    // Ten years apart fits: each day between lacks its prices, the first ten listed.
    const gaps = importErcotCsv(`${header}\r\n01/01/2020,1,HB_NORTH,20,N\r\n12/31/2029,1,HB_NORTH,20,N\r\n`, 'gaps.csv', 'HB_NORTH');
    expect(!gaps.ok && gaps.errors).toHaveLength(11);
    expect(!gaps.ok && gaps.errors[1]).toBe('2020-01-02: no prices for the whole day');
    expect(!gaps.ok && gaps.errors[10]).toBe(`… and ${3653 - 10} more`);
  });

  it('holds ERCOT\'s days to their clocks: no hour ending 3 the day they go forward, hour ending 2 twice the day they go back', () => {
    const lines = ercotDayAheadYearLines({ HB_WEST: (hour) => hour });
    const errorsOf = (l: string[]) => {
      const r = importErcotCsv(l.join('\n'), 'dam.csv', 'HB_WEST');
      return r.ok ? [] : r.errors;
    };
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    // Hour ending 2 dropped on 14 March and hour ending 3 given in its place.
    const wrongSpring = [...lines];
    wrongSpring[at('03/14/2027,02:00')] = '03/14/2027,03:00,HB_WEST,3,N';
    expect(errorsOf(wrongSpring)).toEqual([
      `2027-03-14 (line ${at('03/14/2027,01:00') + 1} on): hour ending 2 missing`,
      `line ${at('03/14/2027,02:00') + 1}: 2027-03-14 has no hour ending 3: clocks go forward from 02:00 to 03:00 that day`,
    ]);
    // 7 November without its repeated hour.
    const noRepeat = lines.filter((l) => !(l.startsWith('11/07/2027') && l.endsWith(',Y')));
    expect(errorsOf(noRepeat)).toEqual([`2027-11-07 (line ${at('11/07/2027,02:00') + 1} on): hour ending 2 comes once; clocks go back from 02:00 to 01:00 that day, so it comes twice, the second with DSTFlag Y`]);
    // A repeat on another day.
    const stray = [...lines];
    stray[at('06/01/2027,05:00')] = '06/01/2027,05:00,HB_WEST,5,Y';
    expect(errorsOf(stray)).toEqual([
      `line ${at('06/01/2027,05:00') + 1}: 2027-06-01 repeats 1 hour (DSTFlag Y); only the day clocks go back repeats hour ending 2, whole`,
      `line ${at('06/01/2027,05:00') + 1}: 2027-06-01 hour ending 5 lacks its price with DSTFlag N`,
    ]);
  });

  it('reads a year a spreadsheet rewrote on saving, month or day first as the year tells, 24-hour or AM/PM', () => {
    const iso = importTwoColumnCsv(hourlyYear().join('\n'), 'f.csv');
    const rewritten = (form: (y: number, mo: number, d: number, h: number) => string) =>
      hourlyYear().map((l) => {
        const [, y, mo, d, h] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):00/.exec(l)!.map(Number) as [number, number, number, number, number];
        return `${form(y, mo, d, h)},${l.split(',')[1]}`;
      });
    // Excel in the US: 1/31/2027 0:00, month first (31 only fits the day).
    const us = importTwoColumnCsv(rewritten((y, mo, d, h) => `${mo}/${d}/${y} ${h}:00`).join('\n'), 'f.csv');
    // Elsewhere: 31.01.2027 00:00, day first.
    const eu = importTwoColumnCsv(rewritten((y, mo, d, h) => `${String(d).padStart(2, '0')}.${String(mo).padStart(2, '0')}.${y} ${String(h).padStart(2, '0')}:00`).join('\n'), 'f.csv');
    // 12-hour: 12:00 AM is midnight, 12:00 PM noon.
    const ampm = importTwoColumnCsv(rewritten((y, mo, d, h) => `${mo}/${d}/${y} ${h % 12 || 12}:00 ${h < 12 ? 'AM' : 'PM'}`).join('\n'), 'f.csv');
    expect(iso.ok && us.ok && eu.ok && ampm.ok).toBe(true);
    for (const r of [us, eu, ampm]) expect(r.ok && r.series).toEqual(iso.ok && { ...iso.series });
    expect(ampm.ok && ampm.series.pricesUsdPerMwh.slice(0, 13)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    // 13:00 PM is no time.
    const bad = rewritten((y, mo, d, h) => `${mo}/${d}/${y} ${h % 12 || 12}:00 ${h < 12 ? 'AM' : 'PM'}`);
    bad[5] = '1/1/2027 13:00 PM,15';
    const r = importTwoColumnCsv(bad.join('\n'), 'f.csv');
    expect(r.ok ? [] : r.errors).toEqual(['line 6: "1/1/2027 13:00 PM" is not a timestamp (YYYY-MM-DD HH:MM)']);
  });
});

describe('a price file past what a CSV may hold', () => {
  it('is refused naming the first line past the limit: 49 MB of line ends ran the import out of memory', () => {
    const text = `timestamp,price\n${'\n'.repeat(MAX_CSV_LINES + 10)}`;
    expect(ercotSettlementPoints(text)).toEqual([]);
    expect(importTwoColumnCsv(text, 'blank.csv')).toEqual({ ok: false, errors: ['line 2000001, character 1: the file goes on past 2,000,000 lines, the most a CSV file may have'] });
  });

  it('is refused at the field past the limit of a line: 49 MB of commas took 74 s and 4 GB', () => {
    expect(importTwoColumnCsv(','.repeat(1_000_000), 'commas.csv')).toEqual({ ok: false, errors: ['line 1, character 101: more than 100 fields on one line, the most a CSV line may have (are the columns separated by commas?)'] });
  });
});

describe("a series' start", () => {
  const series = (start: string) => PriceSeriesSchema.safeParse({ source: 'x', start, intervalMinutes: 60, pricesUsdPerMwh: new Array<number>(8760).fill(30) });
  it('is a time of a real day: 2027-13-45T99:99, 2027-02-29 and 24:00 are refused, not rolled into other months', () => {
    expect(series('2027-01-01T00:00').success).toBe(true);
    expect(series('2028-02-29T23:00').success).toBe(true);
    for (const start of ['2027-13-45T99:99', '2027-02-29T00:00', '2027-01-01T24:00']) {
      const r = series(start);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('a time of a real day, as YYYY-MM-DDTHH:mm');
    }
  });
});
