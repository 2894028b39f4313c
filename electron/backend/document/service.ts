/**
 * The document service: one open fleet document, its working copy and its file.
 * Edits are commands applied by shared/commands/apply.ts and committed to the working
 * copy at once (only the changed rows); Save and Save As copy the working copy over the
 * file atomically; a crash leaves the working copy for the next start to recover.
 */
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { applyCommand, CommandError } from '../../../shared/commands/apply';
import type { Command } from '../../../shared/commands/schema';
import { checkFleet, countViolations, describeLimitCount, type LimitCount } from '../../../shared/constraints';
import { describeChanges, describeContents } from '../../../shared/model/changes';
import { formatProblems, problemsAfterEdit } from '../../../shared/model/integrity';
import type { EntityTable, FleetDoc } from '../../../shared/model/schema';
import { blankFleet, sampleByName } from '../../../shared/samples';
import { initialize, openFleetFile, openWorkingDatabase, saveDatabaseTo } from '../../../db/fleet-file';
import { realFilePath, removeDatabaseFiles } from '../../../db/durable';
import { acquireLock, processAlive } from '../../../db/lock';
import { migrationNotices } from '../../../db/migrations';
import { countOf, formatLocalTime } from '../../../shared/units';
import { FleetRepository } from '../../../db/repository';
import { RecentFiles } from './recent';
import { EditTrail } from './edit-trail';
import { WorkingCopies, type Sidecar } from './working-copies';

export const FLEET_EXTENSION = '.fleet';
export const DEFAULT_SAMPLE = 'campus';

/**
 * The file a save writes for `file`: "plan" saves as "plan.fleet". A path that names no file
 * ("", "reports/", "/", "...") is refused rather than saved as a hidden ".fleet". Trailing
 * dots and spaces are dropped, as Windows drops them: "plan.fleet." and "plan.fleet " are
 * "plan.fleet", not "plan.fleet..fleet", and the file a colleague on Windows opens has the name given.
 */
export function saveTargetFor(requested: string): string {
  const file = requested.replace(/[. ]+$/, '');
  const name = path.basename(file);
  if (/[\\/]$/.test(file) || name === '' || name === '.' || name === '..') throw new DocumentError(`Cannot save "${requested}": give a file name`);
  return path.extname(file) === FLEET_EXTENSION ? file : file + FLEET_EXTENSION;
}

export interface DocumentInfo {
  path: string | null;
  title: string;
  dirty: boolean;
  revision: number;
  limits?: LimitCount;
}

export interface DocumentSnapshot extends DocumentInfo {
  doc: FleetDoc;
  /** The revision at which this document was made or opened: one opening's undo history never applies to another's. */
  openedRevision: number;
  /** Something the user should know about what just happened (a migration, a recovery). */
  notice?: string;
}

export interface Recovery {
  id: string;
  path: string | null;
  title: string;
  /** When its last edit landed. */
  updatedAt: string;
  /** What its unsaved work changed against its file (or what it holds, never saved). */
  changes: string;
}

/**
 * Where documents may be: answers the real path to read or write `file` by, or throws with a
 * sentence for the user. The browser build keeps every document inside its folder.
 */
export type DocumentPathRule = (file: string, purpose: 'open' | 'save') => string;

/** A refused document operation; the message is meant for the user as it stands. */
export class DocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentError';
  }
}

interface Open {
  doc: FleetDoc;
  db: Database.Database;
  repo: FleetRepository;
  workingId: string;
  path: string | null;
  revision: number;
  /** What content the edits so far add up to, and which of it the file holds. */
  trail: EditTrail;
  savedContent: number;
  releaseLock: () => void;
  notice: string | undefined;
  openedRevision: number;
}

const isDirty = (o: Open): boolean => o.trail.content !== o.savedContent;
const titleOf = (o: Open): string => (o.path ? path.basename(o.path) : o.doc.fleet.name);

type Listener = (info: DocumentInfo) => void;
type NoticeListener = (text: string) => void;

/** Fields through which an entity refers to others; an update touching none of them cannot leave a dangling reference. */
const REFERENCE_FIELDS: Record<EntityTable, readonly string[]> = {
  sites: [],
  halls: ['siteId', 'retrofitOptions'],
  zones: ['hallId'],
  models: ['kind'],
  placements: ['hallId', 'modelId', 'powerSourceId', 'powerSourceBId'],
  scenarios: [],
  plans: ['halls'],
};

/** Moves, turns and fleet settings cannot break references, nor can most property edits. */
function mayBreakReferences(cmd: Command): boolean {
  switch (cmd.type) {
    case 'batch':
      return cmd.commands.some(mayBreakReferences);
    case 'insert':
    case 'remove':
      return true;
    case 'update':
      return Object.keys(cmd.patch).some((key) => REFERENCE_FIELDS[cmd.table].includes(key));
    default:
      return false;
  }
}

export class DocumentService {
  private current: Open | null = null;
  /**
   * Revisions count across documents, never restarting, so an edit made against one
   * document can never be taken for an edit of the next one opened.
   */
  private lastRevision = -1;
  private readonly listeners = new Set<Listener>();
  private readonly noticeListeners = new Set<NoticeListener>();
  private readonly working: WorkingCopies;
  private readonly recentFiles: RecentFiles;

  /** `confine`, when given, is applied to every file the service opens, saves or recovers; without it any path is used. */
  constructor(private readonly opts: { dataDir: string; documentsDir: string; confine?: DocumentPathRule }) {
    this.working = new WorkingCopies(opts.dataDir);
    this.recentFiles = new RecentFiles(opts.dataDir);
  }

  /**
   * Opens the newest unsaved work a crashed session left, or else the default sample.
   * Other recoverable copies stay listed by `recoveries()`, among them work another running
   * instance set aside, which is offered but never taken from it unasked.
   */
  start(): DocumentSnapshot {
    const newest = this.working.recoverable().find((s) => !processAlive(s.pid));
    if (newest) {
      try {
        return this.recover(newest.id);
      } catch {
        // A damaged copy stays listed for the user to see; start from the sample instead.
      }
    }
    return this.newDocument(DEFAULT_SAMPLE);
  }

  onChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Things learnt about the open document after answering (the limits a newly opened file breaks). */
  onNotice(listener: NoticeListener): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /**
   * A file from a colleague may break limits it was never checked against here. The check
   * runs once the opened document has been handed over, so opening is not slowed by it,
   * and what it finds is told as a notice.
   */
  private reportLimitsOnceOpen(name: string): void {
    const opened = this.current;
    setImmediate(() => {
      if (this.current !== opened) return;
      const broken = describeLimitCount(countViolations(checkFleet(this.open.doc).violations));
      if (!broken) return;
      for (const listener of this.noticeListeners) listener(`${name} opens with ${broken} (see Problems)`);
    });
  }

  /**
   * The real path to read or write `file` by, judged each time it is used rather than once:
   * a file may have been swapped for a link leading elsewhere since it was opened, and a
   * recovery note (a file in the data folder, which may sit inside the documents folder) may
   * name any path.
   */
  private place(file: string, purpose: 'open' | 'save'): string {
    return this.opts.confine ? this.opts.confine(file, purpose) : realFilePath(file);
  }

  private get open(): Open {
    if (!this.current) throw new DocumentError('No document is open');
    return this.current;
  }

  info(): DocumentInfo {
    const o = this.open;
    return {
      path: o.path,
      title: titleOf(o),
      dirty: isDirty(o),
      revision: o.revision,
    };
  }

  /** The open document; `notice` repeats what opening it told the user until another is opened. */
  snapshot(): DocumentSnapshot {
    const { doc, notice, openedRevision } = this.open;
    return { ...this.info(), doc, openedRevision, ...(notice ? { notice } : {}) };
  }

  private emit(): void {
    const info = this.info();
    for (const listener of this.listeners) listener(info);
  }

  private writeSidecar(dirty = this.info().dirty): void {
    const { path: file, title } = this.info();
    this.working.writeSidecar({ id: this.open.workingId, path: file, title, dirty });
  }

  /**
   * Makes `next` the open document at a fresh revision (unsaved when `unsaved`), closing the
   * previous one and its working copy.
   */
  private replaceWith(
    fields: Omit<Open, 'revision' | 'trail' | 'savedContent' | 'notice' | 'openedRevision'>,
    opts: { notice?: string; unsaved?: boolean; keepPreviousUnsaved?: boolean } = {},
  ): DocumentSnapshot {
    const revision = ++this.lastRevision;
    const next: Open = { ...fields, revision, trail: new EditTrail(revision), savedContent: opts.unsaved ? revision - 1 : revision, notice: opts.notice, openedRevision: revision };
    const previous = this.current;
    this.current = next;
    if (previous) this.dispose(previous, { keepUnsaved: opts.keepPreviousUnsaved ?? false, keepLock: previous.path === next.path });
    this.writeSidecar();
    if (next.path) this.recentFiles.add(next.path);
    this.emit();
    return this.snapshot();
  }

  /** Closes `o`; its unsaved work, when kept, is marked closed so that it is offered for recovery at once. */
  private dispose(o: Open, opts: { keepUnsaved: boolean; keepLock?: boolean }): void {
    o.db.close();
    if (opts.keepUnsaved && isDirty(o)) this.working.writeSidecar({ id: o.workingId, path: o.path, title: titleOf(o), dirty: true, closed: true });
    else this.working.remove(o.workingId);
    if (!opts.keepLock) o.releaseLock();
  }

  /** A new untitled document: blank, or a copy of the named sample. */
  newDocument(sample?: string): DocumentSnapshot {
    let doc: FleetDoc;
    try {
      doc = sample === undefined ? blankFleet() : sampleByName(sample);
    } catch (error) {
      throw new DocumentError((error as Error).message);
    }
    const workingId = this.working.newId();
    const db = openWorkingDatabase(this.working.databasePath(workingId));
    initialize(db);
    const repo = new FleetRepository(db);
    repo.writeAll(doc);
    return this.replaceWith({ doc, db, repo, workingId, path: null, releaseLock: () => undefined });
  }

  /** Opens a .fleet file; a refused file leaves the open document as it was. */
  openFile(file: string): DocumentSnapshot {
    const target = this.place(path.resolve(this.opts.documentsDir, file), 'open');
    const same = this.current?.path === target;
    const releaseLock = same ? this.open.releaseLock : acquireLock(target);
    const workingId = this.working.newId();
    try {
      const opened = openFleetFile(target, this.working.databasePath(workingId));
      const notice =
        opened.migratedFrom !== null
          ? `Updated ${path.basename(target)} from file version ${opened.migratedFrom}${migrationNotices(opened.migratedFrom).map((n) => `: ${n}`).join('')}; the original is kept as ${opened.backupPath}`
          : undefined;
      const snapshot = this.replaceWith({ doc: opened.doc, db: opened.db, repo: new FleetRepository(opened.db), workingId, path: target, releaseLock }, { notice });
      this.reportLimitsOnceOpen(path.basename(target));
      return snapshot;
    } catch (error) {
      if (!same) releaseLock();
      throw error;
    }
  }

  /**
   * Applies one edit made against `baseRevision` and commits the changed rows. A stale
   * revision, a command that does not fit, or one that would leave dangling references is
   * refused with the reason, and nothing changes.
   */
  apply(command: Command, baseRevision: number): { revision: number; dirty: boolean } {
    const o = this.open;
    if (baseRevision !== o.revision) {
      throw new DocumentError(`Edit refused: it was made against revision ${baseRevision}, the document is at revision ${o.revision}`);
    }
    let applied;
    try {
      applied = applyCommand(o.doc, command);
    } catch (error) {
      if (error instanceof CommandError) throw new DocumentError(`Edit refused: ${error.message}`);
      throw error;
    }
    if (mayBreakReferences(command)) {
      const problems = problemsAfterEdit(o.doc, applied.doc);
      if (problems.length > 0) throw new DocumentError(`Edit refused: it would leave ${countOf(problems.length, 'problem')}:\n${formatProblems(problems)}`);
    }
    // Marked unsaved before the edit lands, so a crash in between can only over-report.
    const wasDirty = isDirty(o);
    if (!wasDirty) this.writeSidecar(true);
    o.repo.persist(applied.doc, applied.changes);
    o.doc = applied.doc;
    o.revision = ++this.lastRevision;
    o.trail.record(command, applied.inverse, o.revision);
    // Undone back to what the file holds: nothing is left to recover.
    if (wasDirty && !isDirty(o)) this.writeSidecar(false);
    this.emit();
    const { revision, dirty } = this.info();
    return { revision, dirty };
  }

  /** Saves to the document's file; untitled documents need saveAs. */
  save(): DocumentInfo {
    const o = this.open;
    if (!o.path) throw new DocumentError('The document has no file yet: use Save As');
    return this.saveAs(o.path);
  }

  /** Saves whatever the limits say (plans are saved half-done), and reports what they say. */
  saveAs(file: string): DocumentInfo {
    const o = this.open;
    const limits = countViolations(checkFleet(this.open.doc).violations);
    const named = path.resolve(this.opts.documentsDir, saveTargetFor(file));
    if (!fs.existsSync(path.dirname(named))) throw new DocumentError(`Cannot save ${named}: the folder ${path.dirname(named)} does not exist`);
    // Through a link, the document is its target: that is what gets written, locked and shown.
    const target = this.place(named, 'save');
    const moving = target !== o.path;
    const releaseNew = moving ? acquireLock(target, 'save to') : o.releaseLock;
    try {
      saveDatabaseTo(o.db, target);
    } catch (error) {
      if (moving) releaseNew();
      throw new DocumentError((error as Error).message);
    }
    if (moving) o.releaseLock();
    o.releaseLock = releaseNew;
    o.path = target;
    o.savedContent = o.trail.content;
    this.writeSidecar();
    this.recentFiles.add(target);
    this.emit();
    return { ...this.info(), limits };
  }

  /** The recent files still there: one moved or deleted would only fail to open. Kept in the list, it shows again when it is back (a drive reconnected). */
  recent(): string[] {
    return this.recentFiles.list().filter((file) => fs.existsSync(file));
  }

  recoveries(): Recovery[] {
    const openId = this.current?.workingId;
    return this.working
      .recoverable()
      .filter((s) => s.id !== openId)
      .map(({ id, path: file, title, updatedAt }: Sidecar) => ({ id, path: file, updatedAt, ...this.describeUnsaved(id, file, title) }));
  }

  /** Reads a copy without touching it (openFleetFile works on a copy of the copy). */
  private readQuietly(file: string): FleetDoc {
    const scratch = this.working.databasePath(this.working.newId());
    const opened = openFleetFile(file, scratch, { backupBeforeMigrating: false });
    opened.db.close();
    removeDatabaseFiles(scratch);
    return opened.doc;
  }

  /** Its title as it now stands (an untitled fleet may have been renamed since the sidecar was written) and what it changed. */
  private describeUnsaved(id: string, file: string | null, title: string): { title: string; changes: string } {
    let unsaved: FleetDoc;
    try {
      unsaved = this.readQuietly(this.working.databasePath(id));
    } catch (error) {
      return { title, changes: `cannot be read (${(error as Error).message})` };
    }
    if (!file) return { title: unsaved.fleet.name, changes: `never saved; holds ${describeContents(unsaved)}` };
    let saved: string;
    try {
      saved = this.place(file, 'open');
    } catch (error) {
      return { title, changes: `${(error as Error).message}; it holds ${describeContents(unsaved)}` };
    }
    try {
      return { title, changes: describeChanges(this.readQuietly(saved), unsaved) };
    } catch {
      return { title, changes: `its file cannot be read now; holds ${describeContents(unsaved)}` };
    }
  }

  /** Opens unsaved work a crashed session left; it stays unsaved until the user saves. */
  recover(id: string): DocumentSnapshot {
    const found = this.working.recoverable().find((s) => s.id === id);
    if (!found) throw new DocumentError(`No unsaved work "${id}" to recover`);
    // Judged before anything is touched: the lock is written beside the file.
    const file = found.path === null ? null : this.place(found.path, 'open');
    const crashed = this.working.databasePath(id);
    // Opening replays the crashed session's WAL; the checkpoint folds it into the file to copy.
    const replay = openWorkingDatabase(crashed);
    replay.pragma('wal_checkpoint(TRUNCATE)');
    replay.close();
    const releaseLock = file ? acquireLock(file) : () => undefined;
    const workingId = this.working.newId();
    try {
      const opened = openFleetFile(crashed, this.working.databasePath(workingId));
      // The open document's own unsaved work is kept and offered in its turn, never discarded.
      const snapshot = this.replaceWith(
        { doc: opened.doc, db: opened.db, repo: new FleetRepository(opened.db), workingId, path: file, releaseLock },
        { notice: `Recovered unsaved changes to ${file ? path.basename(file) : opened.doc.fleet.name} from ${formatLocalTime(found.updatedAt)}`, unsaved: true, keepPreviousUnsaved: true },
      );
      this.working.remove(id);
      return snapshot;
    } catch (error) {
      releaseLock();
      throw error;
    }
  }

  discardRecovery(id: string): void {
    if (!this.working.recoverable().some((s) => s.id === id)) throw new DocumentError(`No unsaved work "${id}" to discard`);
    this.working.remove(id);
  }

  /** Closes the document. Unsaved work stays in the data folder and is offered on the next start. */
  close(): void {
    if (!this.current) return;
    this.dispose(this.current, { keepUnsaved: true });
    this.current = null;
  }
}
