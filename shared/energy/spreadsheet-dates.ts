/**
 * Times as a spreadsheet rewrites them when it saves a CSV: 1/31/2027 0:00 in the US,
 * 31/1/2027 00:00 or 31.1.2027 00:00 elsewhere, seconds and AM/PM optional. One line cannot
 * say whether it is month or day first; a year of lines can, by a number over 12 in one
 * place and never in the other.
 */
export type DateOrder = 'month-first' | 'day-first';

const SPREADSHEET_TIME = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

/** Whether the text looks like a spreadsheet's date, whatever its order. */
export const isSpreadsheetDate = (text: string): boolean => /^\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(text);

/** The order the file's spreadsheet dates are in, or null when they do not say (no number over 12, or over 12 in both places). */
export function dateOrder(texts: readonly string[]): DateOrder | null {
  let firstOver12 = false;
  let secondOver12 = false;
  for (const text of texts) {
    const m = SPREADSHEET_TIME.exec(text.trim());
    if (!m) continue;
    firstOver12 ||= Number(m[1]) > 12;
    secondOver12 ||= Number(m[2]) > 12;
  }
  if (firstOver12 === secondOver12) return null;
  return firstOver12 ? 'day-first' : 'month-first';
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A spreadsheet's wall-clock time read in the order given (24-hour), or null when it is none; the date is checked by the caller. */
export function spreadsheetWall(text: string, order: DateOrder): WallClock | null {
  const m = SPREADSHEET_TIME.exec(text.trim());
  if (!m || (m[6] !== undefined && m[6] !== '00')) return null;
  const [a, b, year, hour12, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const [month, day] = order === 'month-first' ? [a, b] : [b, a];
  const meridiem = m[7]?.toUpperCase();
  if (meridiem && (hour12 < 1 || hour12 > 12)) return null;
  const hour = meridiem === undefined ? hour12 : (hour12 % 12) + (meridiem === 'PM' ? 12 : 0);
  return { year, month, day, hour, minute };
}
