/** File names: what a typed or generated name becomes on disk, and why one will not do. */

/**
 * A name every file system takes: no folder separators, control characters or
 * characters Windows refuses (a fleet named "Sample fleet: Pecos" saves as "Sample
 * fleet - Pecos", a colon read as the dash it stands for), the same in every build rather than whatever each browser substitutes.
 */
export function safeFileName(name: string): string {
  // Control characters (a pasted tab) read as spaces; Windows drops trailing dots and spaces.
  const printable = Array.from(name, (c) => (c.charCodeAt(0) < 0x20 ? ' ' : c)).join('');
  return printable.trim().replace(/ *: +/g, ' - ').replace(/[\\/:*?"<>|]/g, '-').replace(/[. ]+$/, '');
}

/** The file name a typed name becomes: safe, and ending in one .fleet. */
export const fleetFileName = (typed: string): string => `${safeFileName(typed.trim().replace(/\.fleet$/i, ''))}.fleet`;

/** Why a file name will not do, or null. Colleagues on Windows must be able to open what is mailed to them. */
export function saveAsProblem(fileName: string): string | null {
  const stem = fileName.replace(/\.fleet$/, '');
  if (/^\.*$/.test(stem)) return 'Type a name for the file';
  if (stem.startsWith('.')) return 'A name starting with a dot makes a hidden file';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) return `${stem} is a device name on Windows; choose another`;
  // 200 characters leave room for the lock file beside it.
  return fileName.length > 200 ? 'That name is too long (200 characters at most)' : null;
}
