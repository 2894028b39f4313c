/**
 * A site's power price as a series: $/MWh per interval (hourly or 15-minute) from a CSV.
 * This module holds the series, what every form of price file shares, and the simple
 * two-column form (timestamp, $/MWh); ERCOT's exports are read in `ercot-prices.ts`.
 * Validation is strict and whole: any error names its line and nothing is imported.
 *
 * A series steps from its start in equal intervals, the start being the first line's
 * wall-clock time. Times with a UTC offset are checked as instants, so a local-time file
 * that writes its offsets passes the clock changes; the months of the hours after a change
 * then sit an hour off local time, which the months' share of the year does not notice.
 */
import { CsvSyntaxError, notUtf8, parseCsv, quotedCell, type CsvCell } from '../io/csv';
import { CEILING } from '../model/schema';
import { countOf, type UsdPerMwh } from '../units';
import { dateOrder, isSpreadsheetDate, spreadsheetWall, type DateOrder } from './spreadsheet-dates';

export interface PriceSeries {
  /** Where the prices came from: the file and, for an ISO export, the settlement point. */
  source: string;
  /** Wall-clock start of the first interval, YYYY-MM-DDTHH:mm. */
  start: string;
  intervalMinutes: 15 | 60;
  pricesUsdPerMwh: UsdPerMwh[];
}

export type ImportResult = { ok: true; series: PriceSeries } | { ok: false; errors: string[] };

export const MINUTES_PER_DAY = 24 * 60;
/** At least a year, so every month of a planning period has its own hours. */
export const MIN_SERIES_DAYS = 365;
/** Three years of 15-minute prices: enough history, and a bound on what a file can make us hold. */
export const MAX_SERIES_INTERVALS = 3 * 366 * 96;
/**
 * A price file is read whole in the window; about 50 bytes a line, this holds three years of
 * 15-minute prices for a dozen settlement points, and a file many times larger (every node
 * of an ISO) would take the window's memory.
 */
export const MAX_PRICE_FILE_BYTES = 50 * 1024 * 1024;
/** Errors listed before the rest are only counted: a wrong file can have a million. */
const MAX_ERRORS_LISTED = 10;

export class Problems {
  /** The first MAX_ERRORS_LISTED only: the rest are counted, not held (3.3 million once took 400 MB). */
  private readonly listed: string[] = [];
  /** Every problem added, listed or not. */
  count = 0;
  add(message: string): void {
    if (this.count++ < MAX_ERRORS_LISTED) this.listed.push(message);
  }
  get any(): boolean {
    return this.count > 0;
  }
  result(series: () => PriceSeries): ImportResult {
    if (!this.count) return { ok: true, series: series() };
    const more = this.count - this.listed.length;
    return { ok: false, errors: more > 0 ? [...this.listed, `… and ${more} more`] : this.listed };
  }
}

/** Minutes since 1970-01-01 00:00 of a wall-clock time, or null when it is no real time. */
export function wallMinutes(year: number, month: number, day: number, hour: number, minute: number): number | null {
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return ms / 60_000;
}

/** The wall-clock time of minutes since 1970, YYYY-MM-DDTHH:mm. */
export const wallTime = (minutes: number): string => new Date(minutes * 60_000).toISOString().slice(0, 16);
const shown = (minutes: number): string => wallTime(minutes).replace('T', ' ');

/** A price as written: a plain decimal within the magnitude a price can have. */
export function price(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) && Math.abs(v) <= CEILING.seriesPriceUsdPerMwh ? v : null;
}

/** The file's records, blank lines left out; a CSV syntax error is the file's one problem. */
export function readCsv(text: string, problems: Problems): CsvCell[][] {
  const encoding = notUtf8(text);
  if (encoding) {
    problems.add(encoding);
    return [];
  }
  try {
    return parseCsv(text).filter((r) => !(r.length === 1 && r[0]!.value.trim() === ''));
  } catch (error) {
    if (error instanceof CsvSyntaxError) problems.add(error.message);
    else throw error;
    return [];
  }
}

export function checkLength(count: number, intervalMinutes: number, problems: Problems): void {
  const days = (count * intervalMinutes) / MINUTES_PER_DAY;
  if (days < MIN_SERIES_DAYS) problems.add(`the prices cover ${days.toFixed(2)} days; a price series needs at least a year (${MIN_SERIES_DAYS} days)`);
  if (count > MAX_SERIES_INTERVALS) problems.add(`the file holds ${count.toLocaleString('en-US')} intervals, over the ${MAX_SERIES_INTERVALS.toLocaleString('en-US')} (three years of 15-minute prices) a series may hold`);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):?(\d{2}))?$/;

/** A line's time: its wall clock, and the instant it names (the wall clock less its UTC offset, when it gives one). */
interface Stamp {
  wall: number;
  instant: number;
  offset: boolean;
}

/** A line's time: ISO 8601, or a spreadsheet's date in the file's order (null when the file's dates do not tell it). */
function timestamp(text: string, order: DateOrder | null): Stamp | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m && order) {
    const t = spreadsheetWall(text, order);
    const wall = t && wallMinutes(t.year, t.month, t.day, t.hour, t.minute);
    return wall === null ? null : { wall, instant: wall, offset: false };
  }
  if (!m || (m[6] !== undefined && m[6] !== '00')) return null;
  const wall = wallMinutes(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  if (wall === null || (m[9] !== undefined && (Number(m[9]) > 14 || Number(m[10]) > 59))) return null;
  const offset = m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  return { wall, instant: wall - offset, offset: m[7] !== undefined };
}

/**
 * Where a local-time file without offsets meets a clock change (the early hours of a Sunday
 * in March, October or November, in North America and Europe alike), what to do about it.
 */
function clockChangeHint(stamp: Stamp): string {
  const d = new Date(stamp.wall * 60_000);
  const local = !stamp.offset && d.getUTCDay() === 0 && [2, 9, 10].includes(d.getUTCMonth()) && d.getUTCHours() <= 3;
  return local ? '; if the file is in local time, its clocks change here: write each time in UTC or with its UTC offset (2027-11-07T01:00-06:00)' : '';
}

/**
 * The two-column form: timestamp (YYYY-MM-DD HH:MM, ISO 8601 with or without a UTC offset,
 * or a spreadsheet's rewriting of it), $/MWh; a header line is allowed. Intervals are 60 or 15 minutes, each line the
 * one after the line before.
 */
export function importTwoColumnCsv(text: string, fileName: string): ImportResult {
  const problems = new Problems();
  let rows = readCsv(text, problems);
  // A header names its columns; a first line that starts with a digit is data, read (and refused) as such.
  if (rows.length && !/^\s*\d/.test(rows[0]![0]?.value ?? '')) rows = rows.slice(1);
  const order = dateOrder(rows.map((r) => r[0]?.value ?? ''));
  const stamps: Stamp[] = [];
  const prices: number[] = [];
  for (const row of rows) {
    const read = twoColumnRow(row, order, problems);
    if (!read) continue;
    stamps.push(read.stamp);
    prices.push(read.price);
  }
  if (!problems.any && stamps.length < 2) problems.add('the file holds no prices');
  const interval = problems.any ? 60 : stamps[1]!.instant - stamps[0]!.instant;
  if (!problems.any) checkSteps(stamps, rows.map((r) => r[0]!.line), interval, problems);
  if (!problems.any) checkLength(prices.length, interval, problems);
  return problems.result(() => ({ source: fileName, start: wallTime(stamps[0]!.wall), intervalMinutes: interval as 15 | 60, pricesUsdPerMwh: prices }));
}

/** Said of a spreadsheet's date that cannot be read: its file's dates never tell month from day, or this one is no date. */
const SPREADSHEET_HINT = '; a spreadsheet rewrote the dates, and they do not say whether the month or the day comes first: format the column as yyyy-mm-dd hh:mm before saving';

function twoColumnRow(row: CsvCell[], order: DateOrder | null, problems: Problems): { stamp: Stamp; price: number } | null {
  const line = row[0]!.line;
  if (row.length !== 2) {
    const separator = row.length === 1 ? /[;\t]/.exec(row[0]!.value)?.[0] : undefined;
    problems.add(separator ? `line ${line}: fields separated by "${separator === '\t' ? 'tab' : separator}"; the file separates them by commas` : `line ${line}: ${countOf(row.length, 'field')}; each line holds a timestamp and a price in $/MWh`);
    return null;
  }
  const stamp = timestamp(row[0]!.value, order);
  const p = price(row[1]!.value);
  if (stamp === null) problems.add(`line ${line}: ${quotedCell(row[0]!.value)} is not a timestamp (YYYY-MM-DD HH:MM)${!order && isSpreadsheetDate(row[0]!.value) ? SPREADSHEET_HINT : ''}`);
  if (p === null) problems.add(`line ${line}: ${quotedCell(row[1]!.value)} is not a price in $/MWh`);
  return stamp === null || p === null ? null : { stamp, price: p };
}

function checkSteps(stamps: readonly Stamp[], lines: readonly number[], interval: number, problems: Problems): void {
  const problem = (i: number, step: number): string => {
    const [at, before, line, prior] = [shown(stamps[i]!.wall), shown(stamps[i - 1]!.wall), lines[i], lines[i - 1]];
    if (step === 0) return `line ${line}: ${at} again, a duplicate of line ${prior}${clockChangeHint(stamps[i]!)}`;
    if (step < 0) return `line ${line}: ${at} comes before line ${prior} (${before}); the prices go in time order`;
    if (step % interval === 0) return `line ${line}: ${countOf(step / interval - 1, 'interval')} missing after line ${prior} (${before})${clockChangeHint(stamps[i]!)}`;
    return `line ${line}: ${at} does not follow line ${prior} (${before}) by ${interval} minutes`;
  };
  if (interval <= 0) return problems.add(problem(1, interval));
  if (interval !== 15 && interval !== 60) return problems.add(`line ${lines[1]}: ${interval} minutes after line ${lines[0]}; prices come every 60 or every 15 minutes`);
  for (let i = 1; i < stamps.length; i++) {
    const step = stamps[i]!.instant - stamps[i - 1]!.instant;
    if (step !== interval) problems.add(problem(i, step));
  }
}
