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

/** The longest file name written: room beside a fleet for its lock file, and what the PDF channel takes. */
export const FILE_NAME_MAX_CHARS = 200;

/**
 * The file name suggested for what is made of a user's name (a hall's, a fleet's) and
 * what follows it (".pdf", " catalog.csv"): safe, and never longer than FILE_NAME_MAX_CHARS,
 * however long the name, which is cut at a word and marked where it must be
 * ("Building B (AI retrofit, phase…).pdf"), so what follows it stays whole.
 */
export function suggestedFileName(name: string, suffix: string): string {
  const stem = safeFileName(name) || 'untitled';
  const room = FILE_NAME_MAX_CHARS - suffix.length;
  return `${stem.length <= room ? stem : shortened(stem, room)}${suffix}`;
}

/**
 * The stem cut to `room` characters (UTF-16 units, as the limit counts them) with its
 * ellipsis, at the last word break in its second half; an emoji is kept or dropped whole.
 */
function shortened(stem: string, room: number): string {
  let kept = '';
  for (const c of stem) {
    if (kept.length + c.length > room - 1) break;
    kept += c;
  }
  const wordBreak = kept.lastIndexOf(' ');
  const atWord = wordBreak > kept.length / 2 ? kept.slice(0, wordBreak) : kept;
  return `${atWord.replace(/[\s.,;([-]+$/, '')}…`;
}

/** The file name a typed name becomes: safe, and ending in one .fleet. */
export const fleetFileName = (typed: string): string => `${safeFileName(typed.trim().replace(/\.fleet$/i, ''))}.fleet`;

/** Why a file name will not do, or null. Colleagues on Windows must be able to open what is mailed to them. */
export function saveAsProblem(fileName: string): string | null {
  const stem = fileName.replace(/\.fleet$/, '');
  if (/^\.*$/.test(stem)) return 'Type a name for the file';
  if (stem.startsWith('.')) return 'A name starting with a dot makes a hidden file';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) return `${stem} is a device name on Windows; choose another`;
  return fileName.length > FILE_NAME_MAX_CHARS ? `That name is too long (${FILE_NAME_MAX_CHARS} characters at most)` : null;
}
