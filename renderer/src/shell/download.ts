/**
 * Hands a file to the user as a download: the browser build saves it to its downloads
 * folder, Electron asks where with its save dialog.
 */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A name every file system takes: no folder separators or characters Windows refuses
 * (a fleet named "Sample fleet: Pecos" saves as "Sample fleet- Pecos"), the same in
 * every build rather than whatever each browser substitutes.
 */
export function safeFileName(name: string): string {
  return name.trim().replace(/[\\/:*?"<>|]/g, '-');
}
