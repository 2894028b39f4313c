/**
 * ERCOT's settlement point prices as its users download them, for the point they pick:
 * - the real-time report NP6-905-CD, 15-minute: DeliveryDate, DeliveryHour, DeliveryInterval,
 *   SettlementPointName, SettlementPointType, SettlementPointPrice, DSTFlag;
 * - the day-ahead report NP4-190-CD, hourly: DeliveryDate, HourEnding ("01:00"),
 *   SettlementPoint, SettlementPointPrice, DSTFlag;
 * - the yearly histories (NP6-785-ER, NP4-180-ER) saved as CSV from their workbooks: the
 *   same columns spelled with spaces, "Repeated Hour Flag" for DSTFlag.
 * Times are Central prevailing time by hour ending: the day clocks go forward has no hour
 * ending 3, the day they go back has hour ending 2 twice, the second flagged Y.
 */
import type { CsvCell } from '../io/csv';
import { countOf } from '../units';
import { checkLength, MAX_SERIES_INTERVALS, MINUTES_PER_DAY, price, Problems, readCsv, wallMinutes, wallTime, type ImportResult } from './price-series';

type Field = 'date' | 'hour' | 'interval' | 'point' | 'price' | 'repeated';

/** Each field's column names, as the reports write them; the histories' spaces and case do not count. */
const COLUMNS: Record<Field, readonly string[]> = {
  date: ['DeliveryDate'],
  hour: ['DeliveryHour', 'HourEnding'],
  interval: ['DeliveryInterval'],
  point: ['SettlementPointName', 'SettlementPoint'],
  price: ['SettlementPointPrice'],
  repeated: ['DSTFlag', 'Repeated Hour Flag'],
};
/** The columns that make a file ERCOT's; the interval's absence makes it hourly. */
const IDENTIFYING: readonly Field[] = ['date', 'hour', 'point', 'price'];

const squeeze = (name: string) => name.replace(/\s+/g, '').toLowerCase();

function columnsOf(header: readonly CsvCell[]): Partial<Record<Field, number>> {
  const names = header.map((c) => squeeze(c.value));
  const found: Partial<Record<Field, number>> = {};
  for (const [field, spellings] of Object.entries(COLUMNS) as [Field, readonly string[]][]) {
    const at = names.findIndex((n) => spellings.some((s) => squeeze(s) === n));
    if (at >= 0) found[field] = at;
  }
  return found;
}

const isErcot = (columns: Partial<Record<Field, number>>) => IDENTIFYING.every((f) => columns[f] !== undefined);

/** The settlement points an ERCOT export holds, for the user to pick one; empty when it is not one. */
export function ercotSettlementPoints(text: string): string[] {
  // The header alone tells: a file that is not ERCOT's is not read through here, and then again as two columns.
  const end = text.indexOf('\n');
  if (!isErcot(columnsOf(readCsv(end < 0 ? text : text.slice(0, end), new Problems())[0] ?? []))) return [];
  const rows = readCsv(text, new Problems());
  const columns = columnsOf(rows[0] ?? []);
  if (!isErcot(columns)) return [];
  return [...new Set(rows.slice(1).map((r) => r[columns.point!]?.value.trim() ?? ''))].filter(Boolean).sort();
}

interface ErcotRow {
  line: number;
  day: number;
  hour: number;
  interval: number;
  repeated: boolean;
  price: number;
}

/** ERCOT's prices for the point named, 15-minute or hourly as the file has them. */
export function importErcotCsv(text: string, fileName: string, settlementPoint: string): ImportResult {
  const problems = new Problems();
  const rows = readCsv(text, problems);
  const columns = columnsOf(rows[0] ?? []);
  const missing = (Object.keys(COLUMNS) as Field[]).filter((f) => f !== 'interval' && columns[f] === undefined);
  if (!problems.any && missing.length) problems.add(`line 1: not an ERCOT settlement point price export: no ${missing.map((f) => COLUMNS[f].join(' or ')).join(', ')} column`);
  if (problems.any) return problems.result(() => null!);
  const perHour = columns.interval === undefined ? 1 : 4;
  const read: ErcotRow[] = [];
  for (const row of rows.slice(1)) {
    const value = (f: Field) => (columns[f] === undefined ? '1' : (row[columns[f]!]?.value.trim() ?? ''));
    if (value('point') !== settlementPoint) continue;
    const parsed = ercotRow(row[0]!.line, value, perHour, problems);
    if (parsed) read.push(parsed);
  }
  if (!problems.any && !read.length) problems.add(`no prices for settlement point "${settlementPoint}" in the file`);
  if (problems.any) return problems.result(() => null!);
  const ordered = orderErcot(read, perHour, problems);
  const intervalMinutes = perHour === 4 ? 15 : 60;
  if (!problems.any) checkLength(ordered.length, intervalMinutes, problems);
  return problems.result(() => ({ source: `${fileName}, ${settlementPoint}`, start: wallTime(ordered[0]!.day * MINUTES_PER_DAY), intervalMinutes, pricesUsdPerMwh: ordered.map((r) => r.price) }));
}

/** A delivery date as the reports write it (MM/DD/YYYY) or as a spreadsheet may save it (YYYY-MM-DD). */
function deliveryDay(text: string): number | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const minutes = us ? wallMinutes(Number(us[3]), Number(us[1]), Number(us[2]), 0, 0) : iso ? wallMinutes(Number(iso[1]), Number(iso[2]), Number(iso[3]), 0, 0) : null;
  return minutes === null ? null : minutes / MINUTES_PER_DAY;
}

function ercotRow(line: number, value: (f: Field) => string, perHour: number, problems: Problems): ErcotRow | null {
  const day = deliveryDay(value('date'));
  const hourText = /^(\d{1,2})(?::00)?$/.exec(value('hour'));
  const hour = hourText ? Number(hourText[1]) : NaN;
  const interval = new RegExp(`^[1-${perHour}]$`).test(value('interval')) ? Number(value('interval')) : NaN;
  const flag = value('repeated').toUpperCase();
  const p = price(value('price'));
  const before = problems.count;
  if (day === null) problems.add(`line ${line}: delivery date "${value('date')}" is not a date (MM/DD/YYYY)`);
  if (!(hour >= 1 && hour <= 24)) problems.add(`line ${line}: hour "${value('hour')}" is not an hour ending 1-24`);
  if (Number.isNaN(interval)) problems.add(`line ${line}: DeliveryInterval "${value('interval')}" is not 1-4`);
  if (flag !== 'Y' && flag !== 'N') problems.add(`line ${line}: DSTFlag "${value('repeated')}" is neither Y nor N`);
  if (p === null) problems.add(`line ${line}: SettlementPointPrice "${value('price')}" is not a price in $/MWh`);
  if (problems.count > before) return null;
  return { line, day: day!, hour, interval, repeated: flag === 'Y', price: p! };
}

/** The rows in time order, each day whole as its clocks have it; duplicates named. */
function orderErcot(rows: ErcotRow[], perHour: number, problems: Problems): ErcotRow[] {
  const key = (r: ErcotRow) => ((r.day * 25 + r.hour) * 2 + (r.repeated ? 1 : 0)) * 5 + r.interval;
  const seen = new Map<number, ErcotRow>();
  const what = (r: ErcotRow) => `${wallTime(r.day * MINUTES_PER_DAY).slice(0, 10)} hour ending ${r.hour}${perHour > 1 ? ` interval ${r.interval}` : ''}${r.repeated ? ' (DST repeat)' : ''}`;
  for (const r of rows) {
    const before = seen.get(key(r));
    if (before) problems.add(`line ${r.line}: ${what(r)} again, a duplicate of line ${before.line}`);
    else seen.set(key(r), r);
  }
  const sorted = [...seen.values()].sort((a, b) => key(a) - key(b));
  const days = new Map<number, ErcotRow[]>();
  for (const r of sorted) {
    const list = days.get(r.day);
    if (list) list.push(r);
    else days.set(r.day, [r]);
  }
  if (spanTooLong(sorted[0]!, sorted[sorted.length - 1]!, perHour, problems)) return sorted;
  for (let day = sorted[0]!.day; day <= sorted[sorted.length - 1]!.day; day++) checkDay(day, days.get(day) ?? [], perHour, problems);
  return sorted;
}

/**
 * Refuses dates further apart than a series may hold, before each day between is checked: two
 * lines dated 1000 and 9999 reported 3.3 million days without prices, in 3.5 s.
 */
function spanTooLong(first: ErcotRow, last: ErcotRow, perHour: number, problems: Problems): boolean {
  const days = last.day - first.day + 1;
  if (days * 24 * perHour <= MAX_SERIES_INTERVALS) return false;
  const date = (r: ErcotRow) => `${wallTime(r.day * MINUTES_PER_DAY).slice(0, 10)} (line ${r.line})`;
  problems.add(
    `the delivery dates run from ${date(first)} to ${date(last)}, ${days.toLocaleString('en-US')} days of ${perHour > 1 ? '15-minute' : 'hourly'} prices, over the ${MAX_SERIES_INTERVALS.toLocaleString('en-US')} intervals (three years of 15-minute prices) a series may hold: check the dates`,
  );
  return true;
}

/** The hour ending that the day clocks go forward lacks, and the one the day they go back repeats. */
const SKIPPED_HOUR = 3;
const REPEATED_HOUR = 2;

function checkDay(day: number, rows: readonly ErcotRow[], perHour: number, problems: Problems): void {
  const date = wallTime(day * MINUTES_PER_DAY).slice(0, 10);
  if (!rows.length) return problems.add(`${date}: no prices for the whole day`);
  const change = usClockChange(day);
  const hours = new Map<number, ErcotRow[]>();
  for (const r of rows) hours.set(r.hour, [...(hours.get(r.hour) ?? []), r]);
  const expected = Array.from({ length: 24 }, (_, h) => h + 1).filter((h) => !(change === 'forward' && h === SKIPPED_HOUR));
  const missingHours = expected.filter((h) => !hours.has(h));
  if (missingHours.length) problems.add(`${date} (line ${rows[0]!.line} on): hour ending ${missingHours.join(', ')} missing`);
  if (change === 'forward' && hours.has(SKIPPED_HOUR)) problems.add(`line ${hours.get(SKIPPED_HOUR)![0]!.line}: ${date} has no hour ending ${SKIPPED_HOUR}: clocks go forward from 02:00 to 03:00 that day`);
  const repeats = rows.filter((r) => r.repeated);
  const wholeRepeat = repeats.length === perHour && repeats.every((r) => r.hour === REPEATED_HOUR);
  if (repeats.length && !(change === 'back' && wholeRepeat)) {
    problems.add(`line ${repeats[0]!.line}: ${date} repeats ${countOf(repeats.length, perHour > 1 ? 'interval' : 'hour')} (DSTFlag Y); only the day clocks go back repeats hour ending ${REPEATED_HOUR}, whole`);
  } else if (change === 'back' && !repeats.length && hours.has(REPEATED_HOUR)) {
    problems.add(`${date} (line ${hours.get(REPEATED_HOUR)![0]!.line} on): hour ending ${REPEATED_HOUR} comes once; clocks go back from 02:00 to 01:00 that day, so it comes twice, the second with DSTFlag Y`);
  }
  for (const [hour, inHour] of hours) {
    for (const repeated of [false, true]) {
      const got = inHour.filter((r) => r.repeated === repeated).map((r) => r.interval);
      if (repeated && !got.length) continue;
      const lacking = Array.from({ length: perHour }, (_, i) => i + 1).filter((i) => !got.includes(i));
      const what = perHour > 1 ? `interval ${lacking.join(', ')}` : 'its price with DSTFlag N';
      if (lacking.length) problems.add(`line ${inHour[0]!.line}: ${date} hour ending ${hour}${repeated ? ' (DST repeat)' : ''} lacks ${what}`);
    }
  }
}

/** US clocks (ERCOT's): forward on March's second Sunday, back on November's first (since 2007). */
function usClockChange(day: number): 'forward' | 'back' | null {
  const d = new Date(day * MINUTES_PER_DAY * 60_000);
  if (d.getUTCDay() !== 0) return null;
  const date = d.getUTCDate();
  if (d.getUTCMonth() === 2 && date >= 8 && date <= 14) return 'forward';
  if (d.getUTCMonth() === 10 && date <= 7) return 'back';
  return null;
}
