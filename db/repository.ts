/**
 * Maps a FleetDoc to the tables of a .fleet database and back: whole documents (new file,
 * import) and, for edits, only the rows a command changed, in one transaction.
 */
import type Database from 'better-sqlite3';
import type { Change } from '../shared/commands/apply';
import { NotPlainlyValid, type IntegrityProblem } from '../shared/model/integrity';
import type { EntityTable, FleetDoc, Hall } from '../shared/model/schema';
import {
  COLLECTIONS,
  LIMIT_COLUMNS,
  limitsFromRow,
  limitsToRow,
  META_COLUMNS,
  metaFromRow,
  metaToRow,
  OPTION_COLUMNS,
  OPTION_FROM_ROW,
  OPTION_TO_ROW,
  TITLE_COLUMNS,
  type Row,
} from './tables';

const ENTITY_TABLES = Object.keys(COLLECTIONS) as EntityTable[];
const SINGLETONS = [
  { table: 'fleet_meta', columns: META_COLUMNS },
  { table: 'plan_limits', columns: LIMIT_COLUMNS },
  { table: 'title_block', columns: TITLE_COLUMNS },
] as const;

/** Every table a document occupies. */
export const DOCUMENT_TABLES = ['fleet_meta', 'plan_limits', 'title_block', 'retrofit_options', ...ENTITY_TABLES.map((t) => COLLECTIONS[t].table)];

/** Placements read per call when they are walked without being held. */
const PAGE_ROWS = 1024;

/** Up to this many changed rows per table are found by scanning the collection. */
const SCAN_LIMIT = 32;

const params = (columns: readonly string[]): string => columns.map((c) => `@${c}`).join(', ');

function upsertSql(table: string, columns: readonly string[], key: readonly string[]): string {
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${table} (seq, ${columns.join(', ')}) VALUES (@seq, ${params(columns)})
    ON CONFLICT(${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
}

/** Text stored as bytes that are not valid UTF-8 reads with U+FFFD in their place; an id that is not text fails the schema anyway. */
const readAsReplaced = (id: unknown): boolean => typeof id === 'string' && id.includes('\uFFFD');

/** Returns the first value read that equals `value`, for strings; anything else as it is. */
function sharing(): (value: unknown) => unknown {
  const first = new Map<string, string>();
  return (value) => {
    if (typeof value !== 'string') return value;
    const seen = first.get(value);
    if (seen !== undefined) return seen;
    first.set(value, value);
    return value;
  };
}

export class FleetRepository {
  private readonly upserts = new Map<string, Database.Statement>();
  private readonly nextSeq = new Map<EntityTable, number>();

  constructor(private readonly db: Database.Database) {}

  private statement(key: string, sql: () => string): Database.Statement {
    let stmt = this.upserts.get(key);
    if (!stmt) {
      stmt = this.db.prepare(sql());
      this.upserts.set(key, stmt);
    }
    return stmt;
  }

  private upsertEntity(table: EntityTable, item: unknown, seq: number): void {
    const spec = COLLECTIONS[table];
    const row = spec.toRow(item as never);
    this.statement(`upsert:${table}`, () => upsertSql(spec.table, spec.columns, ['id'])).run({ ...row, seq });
  }

  private writeOptions(hall: Hall): void {
    this.statement('delete:options', () => 'DELETE FROM retrofit_options WHERE hallId = ?').run(hall.id);
    const insert = this.statement('insert:options', () => upsertSql('retrofit_options', OPTION_COLUMNS, ['hallId', 'id']));
    hall.retrofitOptions.forEach((o, seq) => insert.run({ ...OPTION_TO_ROW(hall.id, o), seq }));
  }

  private writeSingletons(doc: FleetDoc): void {
    const rows: Row[] = [metaToRow(doc.fleet), limitsToRow(doc.limits), doc.titleBlock];
    SINGLETONS.forEach(({ table, columns }, i) => {
      this.statement(`single:${table}`, () => `INSERT OR REPLACE INTO ${table} (singleton, ${columns.join(', ')}) VALUES (1, ${params(columns)})`).run(
        rows[i]!,
      );
    });
  }

  /** Replaces the whole content with the document (new file, import). */
  writeAll(doc: FleetDoc): void {
    this.db.transaction(() => {
      for (const table of DOCUMENT_TABLES) this.db.prepare(`DELETE FROM ${table}`).run();
      this.writeSingletons(doc);
      for (const table of ENTITY_TABLES) {
        const items = doc[table] as unknown[];
        items.forEach((item, seq) => this.upsertEntity(table, item, seq));
        this.nextSeq.set(table, items.length);
      }
      for (const hall of doc.halls) this.writeOptions(hall);
    })();
  }

  private seqFor(table: EntityTable): number {
    let next = this.nextSeq.get(table);
    if (next === undefined) {
      const row = this.db.prepare(`SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM ${COLLECTIONS[table].table}`).get() as { next: number };
      next = row.next;
    }
    this.nextSeq.set(table, next + 1);
    return next;
  }

  /**
   * Writes what `changes` touched, taking each entity's final state from `doc` (the
   * document after the command). An existing row keeps its place in the order; a new one
   * goes last, as applyCommand appends it.
   */
  persist(doc: FleetDoc, changes: readonly Change[]): void {
    const last = new Map<string, Change>();
    for (const change of changes) last.set(change.table === 'fleet' ? 'fleet' : `${change.table}\u0000${change.id}`, change);
    const perTable = new Map<EntityTable, number>();
    for (const change of last.values()) if (change.table !== 'fleet') perTable.set(change.table, (perTable.get(change.table) ?? 0) + 1);
    const indexes = new Map<EntityTable, Map<string, unknown>>();
    // A few changes (a drag, a property edit) are looked up by scanning; indexing 100,000 items costs more.
    const find = (table: EntityTable, id: string): unknown => {
      const items = doc[table] as { id: string }[];
      if ((perTable.get(table) ?? 0) <= SCAN_LIMIT) return items.find((item) => item.id === id);
      let index = indexes.get(table);
      if (!index) {
        index = new Map(items.map((item) => [item.id, item]));
        indexes.set(table, index);
      }
      return index.get(id);
    };
    this.db.transaction(() => {
      for (const change of last.values()) {
        if (change.table === 'fleet') {
          this.writeSingletons(doc);
          continue;
        }
        const spec = COLLECTIONS[change.table];
        const item = change.op === 'delete' ? undefined : find(change.table, change.id);
        if (item === undefined) {
          this.statement(`delete:${change.table}`, () => `DELETE FROM ${spec.table} WHERE id = ?`).run(change.id);
          if (change.table === 'halls') this.statement('delete:options', () => 'DELETE FROM retrofit_options WHERE hallId = ?').run(change.id);
          continue;
        }
        const existing = this.statement(`seq:${change.table}`, () => `SELECT seq FROM ${spec.table} WHERE id = ?`).get(change.id) as
          | { seq: number }
          | undefined;
        this.upsertEntity(change.table, item, existing?.seq ?? this.seqFor(change.table));
        if (change.table === 'halls') this.writeOptions(item as Hall);
      }
    })();
  }

  /**
   * Whether SQLite already guarantees that the placements read have distinct ids: its UNIQUE
   * index on them (a file is opened only with our schema) holds distinct stored ids, and no
   * id has U+FFFD, which is what text that is not valid UTF-8 reads as, so distinct stored
   * ids could read as one string.
   */
  private placementIdsUnique(placements: readonly unknown[]): boolean {
    return placements.every((p) => !readAsReplaced((p as { id: unknown }).id));
  }

  private select(table: EntityTable): Database.Statement {
    const spec = COLLECTIONS[table];
    return this.db.prepare(`SELECT ${spec.columns.join(', ')} FROM ${spec.table} ORDER BY seq`);
  }

  private all(table: EntityTable): unknown[] {
    const spec = COLLECTIONS[table];
    if (!spec.fromValues) return (this.select(table).all() as Row[]).map(spec.fromRow);
    // Iterated, so each row's array dies young instead of surviving into the old generation.
    const items: unknown[] = [];
    const shared = sharing();
    for (const values of this.select(table).raw().iterate() as IterableIterator<unknown[]>) items.push(spec.fromValues(values, shared));
    return items;
  }

  /** Everything but the placements, and the retrofit options of a missing hall, which cannot be put into the document's shape. */
  private readAllButPlacements(): { rest: Omit<Record<keyof FleetDoc, unknown>, 'placements'>; problems: IntegrityProblem[] } {
    const single = (table: string, columns: readonly string[]): Row | undefined =>
      this.db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE singleton = 1`).get() as Row | undefined;
    const halls = this.all('halls') as { id: string; retrofitOptions: unknown[] }[];
    const byHall = new Map(halls.map((h) => [h.id, h]));
    const options = this.db.prepare(`SELECT ${OPTION_COLUMNS.join(', ')} FROM retrofit_options ORDER BY hallId, seq`).all() as Row[];
    const problems: IntegrityProblem[] = [];
    for (const row of options) {
      const hall = byHall.get(row.hallId as string);
      if (hall) hall.retrofitOptions.push(OPTION_FROM_ROW(row));
      else {
        const where = `retrofit_options["${String(row.id)}"]`;
        problems.push({ code: 'dangling-reference', where: `${where}.hallId`, message: `${where}: hallId "${String(row.hallId)}" names no hall` });
      }
    }
    const rest = {
      fleet: metaFromRow(single('fleet_meta', META_COLUMNS)),
      sites: this.all('sites'),
      halls,
      zones: this.all('zones'),
      models: this.all('models'),
      scenarios: this.all('scenarios'),
      limits: limitsFromRow(single('plan_limits', LIMIT_COLUMNS)),
      plans: this.all('plans'),
      titleBlock: single('title_block', TITLE_COLUMNS),
    };
    return { rest, problems };
  }

  /**
   * The stored document as read, unvalidated (pass `raw` through validateFleet with
   * `placementIdsUnique`), and what cannot be put into the document's shape at all: retrofit
   * options of a missing hall.
   */
  readAll(): { raw: unknown; problems: IntegrityProblem[]; placementIdsUnique: boolean } {
    const { rest, problems } = this.readAllButPlacements();
    const placements = this.all('placements');
    const { fleet, sites, halls, zones, models, ...after } = rest;
    const raw = { fleet, sites, halls, zones, models, placements, ...after };
    return { raw, problems, placementIdsUnique: this.placementIdsUnique(placements) };
  }

  /**
   * readAll for a document too large to hold: everything but the placements as readAll reads
   * it, the placements read afresh, a page of rows at a time, each time they are walked, and
   * those of given models found by SQLite without a walk (for validateFleetReading). Our schema
   * keeps the ids distinct and seq the rowid, so the pages by seq meet every placement once.
   * Reading a placement whose id may not read as stored throws NotPlainlyValid.
   */
  readWithoutHoldingPlacements(): {
    rest: unknown;
    problems: IntegrityProblem[];
    placements: Iterable<unknown>;
    placementsOfModels: (modelIds: readonly string[]) => unknown[];
  } {
    const { rest, problems } = this.readAllButPlacements();
    const spec = COLLECTIONS.placements;
    const columns = spec.columns.join(', ');
    const page = this.db.prepare(`SELECT ${columns}, seq FROM placements WHERE seq > ? ORDER BY seq LIMIT ${PAGE_ROWS}`).raw();
    const asRead = <T>(placement: T, id: unknown): T => {
      if (readAsReplaced(id)) throw new NotPlainlyValid('a placement id is not valid UTF-8');
      return placement;
    };
    // Not shared as readAll shares them: these objects die young, and a lookup per value costs more than it saves.
    const unshared = (value: unknown): unknown => value;
    const placements = {
      // A page at a time: one call for thousands of rows costs far less than a call per row.
      *[Symbol.iterator]() {
        for (let after = -Infinity; ; ) {
          const rows = page.all(after) as unknown[][];
          for (const values of rows) yield asRead(spec.fromValues!(values, unshared), values[0]);
          if (rows.length < PAGE_ROWS) break;
          after = rows[rows.length - 1]![spec.columns.length] as number;
          // A seq past 2^53 reads rounded, and the next page would start in the wrong place.
          if (!Number.isSafeInteger(after)) throw new NotPlainlyValid('a placement seq is too large to page by');
        }
      },
    };
    const ofModels = this.db.prepare(`SELECT ${columns} FROM placements WHERE modelId IN (SELECT value FROM json_each(?)) ORDER BY seq`);
    // Objects SQLite builds, not the walk's fromValues: V8 would allocate a site whose objects all survived straight into the old
    // generation from then on, and every walk's short-lived placements with them (measured: 190 MB against 360 MB at 500,000).
    const placementsOfModels = (modelIds: readonly string[]): unknown[] =>
      (ofModels.all(JSON.stringify(modelIds)) as Row[]).map((row) => asRead(spec.fromRow(row), row.id));
    return { rest, problems, placements, placementsOfModels };
  }
}

