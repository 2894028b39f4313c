/**
 * The equipment catalog as CSV, one model per line, columns named as the model's fields.
 * `compatibleCooling` lists methods separated by ";", booleans are true/false. Import
 * reports every bad cell by line and column so a user can fix a spreadsheet in one pass.
 */
import { EquipmentModelSchema, ID_MAX_LENGTH, type EquipmentModel } from '../model/schema';
import { notUtf8, parseCsv, quotedCell, toCsv, CsvSyntaxError, type CsvCell } from './csv';
import { countOf, parseGroupedNumber } from '../units';
import { plainIssue } from './plain-issue';
import { DEFAULT_POWER_FACTOR } from '../model/power-chain';

/** The largest catalog CSV an import reads, in bytes (MB of 2^20): a catalog of thousands of models is a few hundred kB. */
export const MAX_CATALOG_CSV_BYTES = 16 * 2 ** 20;

export const CATALOG_COLUMNS = Object.keys(EquipmentModelSchema.shape) as (keyof EquipmentModel)[];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const LIST_SEPARATOR = ';';

function cellText(model: EquipmentModel, column: keyof EquipmentModel): string {
  const value = model[column];
  return Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
}

export function catalogToCsv(models: readonly EquipmentModel[]): string {
  return toCsv([CATALOG_COLUMNS, ...models.map((m) => CATALOG_COLUMNS.map((c) => cellText(m, c)))]);
}

export class CatalogCsvError extends Error {
  constructor(
    readonly source: string,
    readonly errors: string[],
  ) {
    super(`Cannot import ${source}: ${countOf(errors.length, 'error')}\n${errors.slice(0, 20).join('\n')}${errors.length > 20 ? `\n… and ${errors.length - 20} more` : ''}`);
    this.name = 'CatalogCsvError';
  }
}

/**
 * Columns a file may leave out, and what a model without one takes: those added after
 * spreadsheets were already kept (the power chain's redundancy: one module with no spare, on
 * one feed), and the catalog's own bookkeeping a vendor's sheet has no reason to hold (a
 * model read from a file is the user's, no vendor named). `id`, `source` and `powerFactor` are
 * made per model and file; the figures that place and cool a unit (height, clearances,
 * mounting, compatible cooling) must be given.
 */
const OPTIONAL_COLUMNS: Partial<Record<keyof EquipmentModel, unknown>> = {
  moduleCount: 1,
  moduleRedundancy: 'N',
  dualFeed: false,
  builtIn: false,
  vendor: '',
  id: null,
  source: null,
  // What a model is not unless its sheet says so: no GPUs, no rating to feed others from, no cooling to give, no liquid heat.
  gpuCount: 0,
  gpuType: '',
  ratingKva: 0,
  coolingCapacityKw: 0,
  heatToLiquidFraction: 0,
  // Its kind's (power-chain.ts): an IT supply draws at 0.95-0.99, a fan or pump lower.
  powerFactor: null,
};

/** A model's id where the file has no id column: made from its name, as a copy's is ("user-…"), so importing the file again updates the same models. */
const idFromName = (name: string): string => `user-${name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'model'}`.slice(0, ID_MAX_LENGTH);

/** Columns of dollars, read with thousands separators and a $ (a length's "1,200" could be a European 1.2). */
const MONEY_COLUMNS = new Set<keyof EquipmentModel>(['capexUsd']);

const STRING_COLUMNS = new Set<keyof EquipmentModel>(['id', 'kind', 'name', 'vendor', 'gpuType', 'mounting', 'moduleRedundancy', 'source']);

/** The cell's text as the type its column holds; text that does not fit stays text for the schema to name. */
function typed(column: keyof EquipmentModel, text: string): unknown {
  if (STRING_COLUMNS.has(column)) return text;
  if (column === 'compatibleCooling') return text === '' ? [] : text.split(LIST_SEPARATOR).map((s) => s.trim());
  if (column === 'builtIn' || column === 'dualFeed') return text === 'true' ? true : text === 'false' ? false : text;
  if (NUMBER.test(text.trim())) return Number(text);
  if (!MONEY_COLUMNS.has(column)) return text;
  // Money as the Catalog shows it and spreadsheets format it: "3,450,000", "$3,450,000", "$3450000".
  const money = text.trim().replace(/^\$\s*/, '');
  const amount = NUMBER.test(money) ? Number(money) : money.includes(',') ? parseGroupedNumber(money) : Number.NaN;
  return Number.isFinite(amount) ? amount : text;
}

/** A column as a spreadsheet names it, from 0: A … Z, AA, AB, … */
export function spreadsheetColumn(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Reads catalog CSV; `source` names the input in messages. Throws CatalogCsvError listing every bad cell. */
export function catalogFromCsv(text: string, source: string): EquipmentModel[] {
  const encoding = notUtf8(text);
  if (encoding) throw new CatalogCsvError(source, [`${source}: ${encoding}`]);
  // Spreadsheets set to a European locale save CSV with semicolons, and some tools use tabs: say so, rather than what that does to the parse.
  const headerLine = text.split(/\r?\n/, 1)[0]!;
  const separator = headerLine.includes(',') ? undefined : [';', '\t'].find((s) => headerLine.includes(s));
  if (separator) {
    const named = separator === ';' ? 'semicolons (;)' : 'tabs';
    throw new CatalogCsvError(source, [`${source} line 1: the columns are separated by ${named}, not commas; save it as comma-separated CSV (in Excel, "CSV UTF-8 (Comma delimited)")`]);
  }
  let records: CsvCell[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CatalogCsvError(source, [`${source} ${error.message}`]);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new CatalogCsvError(source, [`${source}: the file is empty (expected a header line)`]);
  const errors: string[] = [];
  const columnAt = new Map<keyof EquipmentModel, number>();
  header.forEach((cell, index) => {
    const name = cell.value.trim() as keyof EquipmentModel;
    if (!CATALOG_COLUMNS.includes(name)) errors.push(`${source} line ${cell.line}, column ${spreadsheetColumn(index)}: unknown column ${quotedCell(cell.value)}`);
    else if (columnAt.has(name)) errors.push(`${source} line ${cell.line}, column ${spreadsheetColumn(index)}: column "${name}" appears twice`);
    else columnAt.set(name, index);
  });
  const missing = CATALOG_COLUMNS.filter((c) => !columnAt.has(c) && !Object.hasOwn(OPTIONAL_COLUMNS, c));
  if (missing.length > 0) errors.push(`${source} line 1: missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}`);
  if (errors.length > 0) throw new CatalogCsvError(source, errors);

  const models: EquipmentModel[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const line = row[0]!.line;
    if (row.length === 1 && row[0]!.value.trim() === '') continue;
    if (row.length !== header.length) {
      errors.push(`${source} line ${line}: ${row.length} fields, the header has ${header.length}`);
      continue;
    }
    const candidate: Record<string, unknown> = {};
    for (const column of CATALOG_COLUMNS) {
      const at = columnAt.get(column);
      candidate[column] = at === undefined ? OPTIONAL_COLUMNS[column] : typed(column, row[at]!.value);
    }
    if (!columnAt.has('source')) candidate.source = `Imported from ${source}`;
    // A kind it does not know is refused on its own line: no second error for the power factor it would have given.
    if (!columnAt.has('powerFactor')) candidate.powerFactor = DEFAULT_POWER_FACTOR[candidate.kind as EquipmentModel['kind']] ?? 1;
    // Without an id column, the name makes the id: two models of one name would be one.
    const idColumn = columnAt.get('id') ?? columnAt.get('name')!;
    const idCell = row[idColumn]!;
    if (!columnAt.has('id')) candidate.id = idFromName(idCell.value);
    const earlier = seen.get(String(candidate.id));
    if (earlier !== undefined) {
      errors.push(`${source} line ${idCell.line}, column ${spreadsheetColumn(idColumn)} (${columnAt.has('id') ? 'id' : 'name'}): ${quotedCell(idCell.value)} is already used on line ${earlier}`);
    } else seen.set(String(candidate.id), line);
    const parsed = EquipmentModelSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = issue.path[0] as keyof EquipmentModel;
        // A column the file left out is named by what it was given in its place.
        const at = columnAt.get(column) ?? (column === 'id' ? idColumn : undefined);
        if (at === undefined) errors.push(`${source} line ${line} (${column}, not in the file): ${plainIssue(issue, String(candidate[column]))}`);
        else errors.push(`${source} line ${row[at]!.line}, column ${spreadsheetColumn(at)} (${column}): ${quotedCell(row[at]!.value)} ${plainIssue(issue, row[at]!.value)}`);
      }
      continue;
    }
    models.push(parsed.data);
  }
  if (errors.length > 0) throw new CatalogCsvError(source, errors);
  return models;
}
