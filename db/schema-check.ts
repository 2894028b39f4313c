/**
 * The schema a .fleet file may hold: exactly what our migrations create for its version.
 * SQLite runs what a schema holds by itself: a trigger on every edit (one deleted all but
 * the moved placement on Save), a view whenever its name is read (one of 10^11 rows hung
 * every reader), a CHECK constraint on every row integrity_check walks. So the file's
 * sqlite_master is compared with ours before any row is read or checked, and a file that
 * holds anything else is refused. Table definitions are compared as SQLite stores them,
 * the CREATE text as ALTER TABLE left it: that text is what SQLite builds its columns,
 * keys, defaults, collations and constraints from, so equal text is an equal table.
 */
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Tables SQLite's ANALYZE writes: sqlite_stat1 and, in some builds, sqlite_stat4. */
const SQLITE_STATISTICS = /^sqlite_stat\d$/;

const keyOf = (entry: SchemaEntry): string => `${entry.type}\u0000${entry.name}`;

/** Every entry in the order written, which puts a renamed or added table before what was made of it. */
const entriesOf = (db: Database.Database): SchemaEntry[] =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid').all() as SchemaEntry[];

/** An empty database as our migrations up to `version` leave it. */
function migratedTo(version: number): Database.Database {
  const db = new Database(':memory:');
  for (const m of MIGRATIONS) if (m.version <= version) db.exec(m.sql);
  return db;
}

/** What our migrations up to each version write, built once per version asked for. */
const written = new Map<number, Map<string, SchemaEntry>>();

function writtenAt(version: number): Map<string, SchemaEntry> {
  let entries = written.get(version);
  if (!entries) {
    const db = migratedTo(version);
    try {
      entries = new Map(entriesOf(db).map((entry) => [keyOf(entry), entry]));
    } finally {
      db.close();
    }
    written.set(version, entries);
  }
  return entries;
}

const withArticle = (type: string): string => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;

const columnNames = (db: Database.Database, table: string): string[] =>
  (db.prepare('SELECT name FROM pragma_table_xinfo(?)').all(table) as { name: string }[]).map((c) => c.name);

/** The columns our migrations up to `version` declare for `table`. */
function declaredColumns(version: number, table: string): string[] {
  const db = migratedTo(version);
  try {
    return columnNames(db, table);
  } finally {
    db.close();
  }
}

/** Names the column that differs where the names tell; otherwise it is a declaration (a type, a default, a key, a constraint). */
function tableDifference(db: Database.Database, version: number, table: string): string {
  let theirs: string[];
  try {
    theirs = columnNames(db, table);
  } catch {
    // A table SQLite cannot list the columns of (a virtual table of a module it lacks): the name says enough.
    return '';
  }
  const ours = declaredColumns(version, table);
  const extra = theirs.find((c) => !ours.includes(c));
  if (extra !== undefined) return ` (a column "${extra}" Fleet Planner did not write)`;
  const missing = ours.find((c) => !theirs.includes(c));
  if (missing !== undefined) return ` (no column "${missing}")`;
  return ' (a column declared otherwise, or a key or constraint Fleet Planner did not write)';
}

/**
 * Why `db`, a file of schema version `version`, is not as Fleet Planner writes it, or null
 * when it is. Reads only sqlite_master and, to name a column, a table's declared columns.
 */
export function schemaDifference(db: Database.Database, version: number): string | null {
  const ours = writtenAt(version);
  const found = entriesOf(db);
  for (const entry of found) {
    // ANALYZE's statistics (any SQLite tool may run it) steer only SQLite's query plans.
    if (entry.type === 'table' && SQLITE_STATISTICS.test(entry.name)) continue;
    const own = ours.get(keyOf(entry));
    if (!own) return `it holds ${withArticle(entry.type)} "${entry.name}" Fleet Planner did not write`;
    if (own.tbl_name !== entry.tbl_name || own.sql !== entry.sql) {
      const detail = entry.type === 'table' ? tableDifference(db, version, entry.name) : '';
      return `its ${entry.type} "${entry.name}" is not as Fleet Planner writes it${detail}`;
    }
  }
  const present = new Set(found.map(keyOf));
  for (const [key, own] of ours) {
    if (!present.has(key)) return `it has no ${own.type} "${own.name}", which every Fleet Planner file of version ${version} has`;
  }
  return null;
}
