/**
 * Hands a file to the user as a download: the browser build saves it to its downloads
 * folder, Electron asks where with its save dialog. Its name is `name` (a fleet's, a
 * chart's) and then `suffix`, shortened to a name every file system takes.
 */
import { suggestedFileName } from '../../../shared/io/file-names';

export function download(blob: Blob, name: string, suffix: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedFileName(name, suffix);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

