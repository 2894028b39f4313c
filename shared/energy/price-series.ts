/**
 * A site's power price as a series: $/MWh per interval (hourly or 15-minute) from a CSV,
 * either two columns (timestamp, $/MWh) or ERCOT's settlement point price export
 * (report NP6-905-CD; the user picks the settlement point). Validation is strict and
 * whole: any error names its line and nothing is imported.
 *
 * Times are read as the wall-clock times the file gives. A series steps from its start in
 * equal intervals; in ERCOT's local time the spring day's missing hour and the autumn
 * day's repeated one shift month boundaries by an hour at most, which the months' share of
 * the year does not notice.
 */
import { CsvSyntaxError, parseCsv, type CsvCell } from '../io/csv';
import { CEILING } from '../model/schema';
import type { UsdPerMwh } from '../units';

export interface PriceSeries {
  /** Where the prices came from: the file and, for an ISO export, the settlement point. */
  source: string;
  /** Wall-clock start of the first interval, YYYY-MM-DDTHH:mm. */
  start: string;
  intervalMinutes: 15 | 60;
  pricesUsdPerMwh: UsdPerMwh[];
}

export type ImportResult = { ok: true; series: PriceSeries } | { ok: false; errors: string[] };

const MINUTES_PER_DAY = 24 * 60;
/** At least a year, so every month of a planning period has its own hours. */
export const MIN_SERIES_DAYS = 365;
/** Three years of 15-minute prices: enough history, and a bound on what a file can make us hold. */
export const MAX_SERIES_INTERVALS = 3 * 366 * 96;
/** Errors listed before the rest are only counted: a wrong file can have a million. */
const MAX_ERRORS_LISTED = 10;

export const ERCOT_COLUMNS = ['DeliveryDate', 'DeliveryHour', 'DeliveryInterval', 'SettlementPointName', 'SettlementPointType', 'SettlementPointPrice', 'DSTFlag'] as const;

class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
  result(series: () => PriceSeries): ImportResult {
    if (!this.list.length) return { ok: true, series: series() };
    const more = this.list.length - MAX_ERRORS_LISTED;
    return { ok: false, errors: more > 0 ? [...this.list.slice(0, MAX_ERRORS_LISTED), `… and ${more} more`] : this.list };
  }
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Minutes since 1970-01-01 00:00 of a wall-clock time, or null when it is no real time. */
export function wallMinutes(year: number, month: number, day: number, hour: number, minute: number): number | null {
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return ms / 60_000;
}

/** The wall-clock time of minutes since 1970, YYYY-MM-DDTHH:mm. */
export const wallTime = (minutes: number): string => new Date(minutes * 60_000).toISOString().slice(0, 16);

function timestampMinutes(text: string): number | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m || (m[6] !== undefined && m[6] !== '00')) return null;
  return wallMinutes(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
}

/** A price as written: a plain decimal within the magnitude a price can have. */
function price(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) && Math.abs(v) <= CEILING.seriesPriceUsdPerMwh ? v : null;
}

function readCsv(text: string, problems: Problems): CsvCell[][] {
  try {
    return parseCsv(text).filter((r) => !(r.length === 1 && r[0]!.value.trim() === ''));
  } catch (error) {
    if (error instanceof CsvSyntaxError) problems.add(error.message);
    else throw error;
    return [];
  }
}

function checkLength(count: number, intervalMinutes: number, problems: Problems): void {
  const days = (count * intervalMinutes) / MINUTES_PER_DAY;
  if (days < MIN_SERIES_DAYS) problems.add(`the prices cover ${days.toFixed(2)} days; a price series needs at least a year (${MIN_SERIES_DAYS} days)`);
  if (count > MAX_SERIES_INTERVALS) problems.add(`the file holds ${count.toLocaleString('en-US')} intervals, over the ${MAX_SERIES_INTERVALS.toLocaleString('en-US')} (three years of 15-minute prices) a series may hold`);
}

/**
 * The two-column form: timestamp (YYYY-MM-DD HH:MM, or ISO 8601), $/MWh; a header line is
 * allowed. Intervals are 60 or 15 minutes, each line the one after the line before.
 */
export function importTwoColumnCsv(text: string, fileName: string): ImportResult {
  const problems = new Problems();
  let rows = readCsv(text, problems);
  if (rows.length && timestampMinutes(rows[0]![0]?.value ?? '') === null && price(rows[0]![1]?.value ?? '') === null) rows = rows.slice(1);
  const times: number[] = [];
  const prices: number[] = [];
  for (const row of rows) {
    const line = row[0]!.line;
    if (row.length !== 2) {
      problems.add(`line ${line}: ${row.length} fields; each line holds a timestamp and a price in $/MWh`);
      continue;
    }
    const t = timestampMinutes(row[0]!.value);
    const p = price(row[1]!.value);
    if (t === null) problems.add(`line ${line}: "${row[0]!.value}" is not a timestamp (YYYY-MM-DD HH:MM)`);
    if (p === null) problems.add(`line ${line}: "${row[1]!.value}" is not a price in $/MWh`);
    if (t === null || p === null) continue;
    times.push(t);
    prices.push(p);
  }
  if (!problems.list.length && times.length < 2) problems.add('the file holds no prices');
  const interval = problems.list.length ? 60 : times[1]! - times[0]!;
  if (!problems.list.length) checkSteps(times, rows.map((r) => r[0]!.line), interval, problems);
  if (!problems.list.length) checkLength(prices.length, interval, problems);
  return problems.result(() => ({ source: fileName, start: wallTime(times[0]!), intervalMinutes: interval as 15 | 60, pricesUsdPerMwh: prices }));
}

function checkSteps(times: readonly number[], lines: readonly number[], interval: number, problems: Problems): void {
  if (interval !== 15 && interval !== 60) {
    problems.add(`line ${lines[1]}: ${interval} minutes after line ${lines[0]}; prices come every 60 or every 15 minutes`);
    return;
  }
  for (let i = 1; i < times.length; i++) {
    const step = times[i]! - times[i - 1]!;
    if (step === interval) continue;
    if (step === 0) problems.add(`line ${lines[i]}: ${wallTime(times[i]!).replace('T', ' ')} again, a duplicate of line ${lines[i - 1]}`);
    else if (step > 0 && step % interval === 0) problems.add(`line ${lines[i]}: ${step / interval - 1} intervals missing after line ${lines[i - 1]} (${wallTime(times[i - 1]!).replace('T', ' ')})`);
    else problems.add(`line ${lines[i]}: ${wallTime(times[i]!).replace('T', ' ')} does not follow line ${lines[i - 1]} (${wallTime(times[i - 1]!).replace('T', ' ')}) by ${interval} minutes`);
  }
}

interface ErcotRow {
  line: number;
  day: number;
  hour: number;
  interval: number;
  repeated: boolean;
  price: number;
}

/** The settlement points an ERCOT export holds, for the user to pick one; empty when it is not one. */
export function ercotSettlementPoints(text: string): string[] {
  const problems = new Problems();
  const rows = readCsv(text, problems);
  const header = rows[0]?.map((c) => c.value.trim()) ?? [];
  const at = header.indexOf('SettlementPointName');
  if (at < 0 || !ERCOT_COLUMNS.every((c) => header.includes(c))) return [];
  return [...new Set(rows.slice(1).map((r) => r[at]?.value.trim() ?? ''))].filter(Boolean).sort();
}

/** ERCOT's settlement point price export (NP6-905-CD): 15-minute prices by delivery date, hour ending and interval, for the point named. */
export function importErcotCsv(text: string, fileName: string, settlementPoint: string): ImportResult {
  const problems = new Problems();
  const rows = readCsv(text, problems);
  const header = rows[0]?.map((c) => c.value.trim()) ?? [];
  const missing = ERCOT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) problems.add(`line 1: not an ERCOT settlement point price export: no ${missing.join(', ')} column`);
  if (problems.list.length) return problems.result(() => null!);
  const col = Object.fromEntries(ERCOT_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof ERCOT_COLUMNS)[number], number>;
  const read: ErcotRow[] = [];
  for (const row of rows.slice(1)) {
    const value = (c: (typeof ERCOT_COLUMNS)[number]) => row[col[c]]?.value.trim() ?? '';
    if (value('SettlementPointName') !== settlementPoint) continue;
    const parsed = ercotRow(row[0]!.line, value, problems);
    if (parsed) read.push(parsed);
  }
  if (!problems.list.length && !read.length) problems.add(`no prices for settlement point "${settlementPoint}" in the file`);
  if (problems.list.length) return problems.result(() => null!);
  const ordered = orderErcot(read, problems);
  if (!problems.list.length) checkLength(ordered.length, 15, problems);
  return problems.result(() => ({ source: `${fileName}, ${settlementPoint}`, start: wallTime(ordered[0]!.day * MINUTES_PER_DAY), intervalMinutes: 15, pricesUsdPerMwh: ordered.map((r) => r.price) }));
}

function ercotRow(line: number, value: (c: (typeof ERCOT_COLUMNS)[number]) => string, problems: Problems): ErcotRow | null {
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value('DeliveryDate'));
  const minutes = date ? wallMinutes(Number(date[3]), Number(date[1]), Number(date[2]), 0, 0) : null;
  const hour = /^\d{1,2}$/.test(value('DeliveryHour')) ? Number(value('DeliveryHour')) : NaN;
  const interval = /^[1-4]$/.test(value('DeliveryInterval')) ? Number(value('DeliveryInterval')) : NaN;
  const flag = value('DSTFlag');
  const p = price(value('SettlementPointPrice'));
  const before = problems.list.length;
  if (minutes === null) problems.add(`line ${line}: DeliveryDate "${value('DeliveryDate')}" is not a date (MM/DD/YYYY)`);
  if (!(hour >= 1 && hour <= 24)) problems.add(`line ${line}: DeliveryHour "${value('DeliveryHour')}" is not an hour ending 1-24`);
  if (Number.isNaN(interval)) problems.add(`line ${line}: DeliveryInterval "${value('DeliveryInterval')}" is not 1-4`);
  if (flag !== 'Y' && flag !== 'N') problems.add(`line ${line}: DSTFlag "${flag}" is neither Y nor N`);
  if (p === null) problems.add(`line ${line}: SettlementPointPrice "${value('SettlementPointPrice')}" is not a price in $/MWh`);
  if (problems.list.length > before) return null;
  return { line, day: minutes! / MINUTES_PER_DAY, hour, interval, repeated: flag === 'Y', price: p! };
}

/**
 * The rows in time order, each day complete: 24 hours of 4 intervals, where the day clocks
 * go forward may lack one hour and the day they go back repeats one (DSTFlag Y).
 */
function orderErcot(rows: ErcotRow[], problems: Problems): ErcotRow[] {
  const key = (r: ErcotRow) => ((r.day * 25 + r.hour) * 2 + (r.repeated ? 1 : 0)) * 5 + r.interval;
  const seen = new Map<number, ErcotRow>();
  for (const r of rows) {
    const before = seen.get(key(r));
    if (before) problems.add(`line ${r.line}: ${wallTime(r.day * MINUTES_PER_DAY).slice(0, 10)} hour ending ${r.hour} interval ${r.interval}${r.repeated ? ' (DST repeat)' : ''} again, a duplicate of line ${before.line}`);
    else seen.set(key(r), r);
  }
  const sorted = [...seen.values()].sort((a, b) => key(a) - key(b));
  const days = new Map<number, ErcotRow[]>();
  for (const r of sorted) days.set(r.day, [...(days.get(r.day) ?? []), r]);
  const first = sorted[0]!.day;
  const last = sorted[sorted.length - 1]!.day;
  for (let day = first; day <= last; day++) checkErcotDay(day, days.get(day) ?? [], problems);
  return sorted;
}

function checkErcotDay(day: number, rows: readonly ErcotRow[], problems: Problems): void {
  const date = wallTime(day * MINUTES_PER_DAY).slice(0, 10);
  if (!rows.length) {
    problems.add(`${date}: no prices for the whole day`);
    return;
  }
  const hours = new Map<number, ErcotRow[]>();
  for (const r of rows) hours.set(r.hour, [...(hours.get(r.hour) ?? []), r]);
  const missingHours = Array.from({ length: 24 }, (_, h) => h + 1).filter((h) => !hours.has(h));
  const repeats = rows.filter((r) => r.repeated);
  // Only the day clocks go forward lacks an hour, and only the day they go back repeats one, whole.
  const change = usClockChange(day);
  if (missingHours.length > (change === 'forward' ? 1 : 0)) problems.add(`${date} (line ${rows[0]!.line} on): hour ending ${missingHours.join(', ')} missing`);
  if (repeats.length && (change !== 'back' || repeats.length !== 4 || new Set(repeats.map((r) => r.hour)).size !== 1)) {
    problems.add(`line ${repeats[0]!.line}: ${date} repeats ${repeats.length} intervals (DSTFlag Y); only the day clocks go back repeats one hour of 4`);
  }
  for (const [hour, inHour] of hours) {
    const normal = inHour.filter((r) => !r.repeated).map((r) => r.interval);
    const lacking = [1, 2, 3, 4].filter((i) => !normal.includes(i));
    if (lacking.length) problems.add(`line ${inHour[0]!.line}: ${date} hour ending ${hour} lacks interval ${lacking.join(', ')}`);
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
