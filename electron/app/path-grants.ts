/**
 * The paths the Electron window may name in a request. The user picks files in native
 * dialogs that main shows, and the OS hands main the files it opens, so the window
 * itself never needs to invent a path: it only passes back one it was shown (Recent).
 * A compromised page therefore cannot open or write a file the user never chose.
 */
import path from 'node:path';

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
}

/** The path a request names, for any channel whose request carries one. */
export function requestedPath(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || !('path' in payload)) return undefined;
  const named = (payload as { path: unknown }).path;
  return typeof named === 'string' ? named : undefined;
}
