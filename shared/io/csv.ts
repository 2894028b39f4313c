/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, fields with a comma, quote, CR
 * or LF wrapped in double quotes with inner quotes doubled. The reader also accepts bare
 * LF line ends and reports where a malformed field sits.
 */

const NEEDS_QUOTES = /[",\r\n]/;
/** What a spreadsheet reads as the start of a formula ("=HYPERLINK(…)" in a model's name would run when the sheet opens). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A field as written: text a spreadsheet would run as a formula gets an apostrophe in front,
 * which spreadsheets show as text (OWASP's advice for CSV injection); numbers, "-5" among
 * them, are left as they are. parseCsv takes the apostrophe off again, so a file read back
 * holds what was written.
 */
export function csvField(value: string): string {
  // Apostrophes already in front of such a start get one more, or reading it back would take one of its own.
  const text = guarded(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text a spreadsheet would run, behind any apostrophes: what csvField guards and parseCsv unguards, one apostrophe each way. */
const guarded = (value: string): boolean => {
  const bare = value.replace(/^'+/, '');
  return FORMULA_START.test(bare) && !NUMBER.test(bare);
};

/** A field's text without the apostrophe csvField puts in front of what a spreadsheet would run. */
const unguarded = (value: string): string => (value.startsWith("'") && guarded(value) ? value.slice(1) : value);

/** The longest cell an error message quotes whole: a 20 MB cell would make a 20 MB message. */
const QUOTED_MAX_CHARS = 60;

/** A cell's text in quotes for an error message, cut short with "…" past QUOTED_MAX_CHARS. */
export const quotedCell = (value: string): string => `"${value.length > QUOTED_MAX_CHARS ? `${value.slice(0, QUOTED_MAX_CHARS)}…` : value}"`;

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface CsvCell {
  value: string;
  /** 1-based line and character where the field starts. */
  line: number;
  column: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    // A character count, which a spreadsheet's column letters would not match.
    super(`line ${line}, character ${column}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Why text read as UTF-8 was written in another encoding, null if nothing shows it: a
 * spreadsheet's "Unicode text" is UTF-16 (UTF-32 is rarer), whose byte-order mark is not UTF-8
 * and reads as two U+FFFD replacement characters, and whose every ASCII character carries a NUL
 * byte; Windows-1252's accented letters read as U+FFFD too. Parsed as CSV, such text fails far from its cause ("a quote inside an unquoted field").
 */
export function notUtf8(text: string): string | null {
  const saveAs = 'save it as CSV UTF-8';
  if (text.startsWith('\ufffd\ufffd')) return `the file is not UTF-8 text (it starts with a UTF-16 or UTF-32 byte-order mark, as a spreadsheet's "Unicode text" does): ${saveAs}`;
  if (text.includes('\u0000')) return `the file is not UTF-8 text (it holds NUL characters, as a spreadsheet's "Unicode text", UTF-16, does): ${saveAs}`;
  // Bytes UTF-8 cannot read come through as U+FFFD: a plain "CSV" from Windows is Windows-1252, whose accents are such bytes.
  const at = text.indexOf('\ufffd');
  if (at >= 0) return `the file is not UTF-8 text (line ${lineOf(text, at)} holds a character UTF-8 cannot read, as a Windows "CSV (Comma delimited)" file's accents are): ${saveAs}`;
  return null;
}

const lineOf = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * What any CSV the app reads (a catalog, prices) may hold. Each field read is an object of about
 * 60 bytes for as little as one byte of text (a comma), so these bound what parsing builds:
 * 16 MB of commas (one line of 16 million fields) ran the catalog import out of memory, 49 MB of
 * line ends the price import. The largest real file the app takes, an ERCOT history within the
 * 50 MiB a price file may have (MAX_PRICE_FILE_BYTES: three years of 15-minute prices for a dozen
 * settlement points), has 7 fields on lines of 27 bytes or more: at most 2,000,000 lines and
 * 14 million fields. 14 million fields of bare commas build about 840 MB, bounded.
 */
export const MAX_CSV_FIELDS_PER_LINE = 100;
export const MAX_CSV_LINES = 2_000_000;
export const MAX_CSV_FIELDS = 14_000_000;

const counted = (n: number): string => n.toLocaleString('en-US');

/** Splits CSV text into records of cells; a blank last line is not a record. Refuses, naming the line, the first that breaks a MAX_CSV_ limit. */
export function parseCsv(text: string): CsvCell[][] {
  const records: CsvCell[][] = [];
  let record: CsvCell[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  let fields = 0;
  const n = text.length;
  const endOfRecord = (): void => {
    records.push(record);
    record = [];
  };
  // A byte-order mark from spreadsheet exports is not part of the first header.
  if (text.charCodeAt(0) === 0xfeff) i = lineStart = 1;
  if (i >= n) return records;
  for (;;) {
    const cell: CsvCell = { value: '', line, column: i - lineStart + 1 };
    checkLimits(cell, record.length, ++fields);
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(cell.line, cell.column, 'a quoted field is not closed');
        const ch = text[i]!;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += ch;
        i++;
      }
      cell.value = unguarded(value);
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvSyntaxError(line, i - lineStart + 1, 'text after the closing quote of a field');
      }
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new CsvSyntaxError(line, i - lineStart + 1, 'a quote inside an unquoted field (quote the whole field)');
        i++;
      }
      cell.value = unguarded(text.slice(start, i));
    }
    record.push(cell);
    if (i >= n) {
      endOfRecord();
      return records;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // CRLF or LF ends the record.
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    lineStart = i;
    endOfRecord();
    if (i >= n) return records;
  }
}

/** Throws for a field past a MAX_CSV_ limit, before anything is built for it: `inRecord` fields are before it on its line, `fields` in the file with it. */
function checkLimits(cell: CsvCell, inRecord: number, fields: number): void {
  if (inRecord === 0 && cell.line > MAX_CSV_LINES) {
    throw new CsvSyntaxError(cell.line, cell.column, `the file goes on past ${counted(MAX_CSV_LINES)} lines, the most a CSV file may have`);
  }
  if (inRecord === MAX_CSV_FIELDS_PER_LINE) {
    throw new CsvSyntaxError(cell.line, cell.column, `more than ${counted(MAX_CSV_FIELDS_PER_LINE)} fields on one line, the most a CSV line may have (are the columns separated by commas?)`);
  }
  if (fields > MAX_CSV_FIELDS) throw new CsvSyntaxError(cell.line, cell.column, `the file goes on past ${counted(MAX_CSV_FIELDS)} fields, the most a CSV file may have`);
}
