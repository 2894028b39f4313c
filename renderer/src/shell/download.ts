/**
 * Hands a file to the user as a download: the browser build saves it to its downloads
 * folder, Electron asks where with its save dialog.
 */
import { safeFileName } from './file-names';

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

