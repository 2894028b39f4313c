/**
 * The Electron app's path policy (the host port `permitDocumentPath`). The user picks
 * files in native dialogs that main shows, and the OS hands main the files it opens, so
 * the window itself never needs to invent a path: it only passes back one it was shown
 * (Recent). A compromised page therefore cannot open or write a file the user never chose.
 */
import path from 'node:path';
import { PathRefusedError } from '../backend/host';

export class PathGrants {
  private readonly granted = new Set<string>();

  /** A path the user chose in a dialog, or the OS passed to the app. */
  grant(file: string): void {
    this.granted.add(path.resolve(file));
  }

  /** Whether the window may name `file`: granted this session, or on the recent list. */
  allows(file: string, recent: readonly string[]): boolean {
    const resolved = path.resolve(file);
    return this.granted.has(resolved) || recent.some((r) => path.resolve(r) === resolved);
  }

  /** The absolute path to open or save, or PathRefusedError; the same words whether or not the file exists. */
  permit(requested: string, purpose: 'open' | 'save', recent: readonly string[]): string {
    if (!this.allows(requested, recent)) throw new PathRefusedError(`Cannot ${purpose} "${requested}": it was not chosen in a file dialog or from Recent; use Open… or Save As…`);
    return path.resolve(requested);
  }
}
