/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, fields with a comma, quote, CR
 * or LF wrapped in double quotes with inner quotes doubled. The reader also accepts bare
 * LF line ends and reports where a malformed field sits.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

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

/** Splits CSV text into records of cells; a blank last line is not a record. */
export function parseCsv(text: string): CsvCell[][] {
  const records: CsvCell[][] = [];
  let record: CsvCell[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
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
      cell.value = value;
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvSyntaxError(line, i - lineStart + 1, 'text after the closing quote of a field');
      }
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new CsvSyntaxError(line, i - lineStart + 1, 'a quote inside an unquoted field (quote the whole field)');
        i++;
      }
      cell.value = text.slice(start, i);
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
