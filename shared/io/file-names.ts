/** File names: what a typed or generated name becomes on disk, and why one will not do. */

/**
 * A name every file system takes: no folder separators, control characters or
 * characters Windows refuses (a fleet named "Sample fleet: Pecos" saves as "Sample
 * fleet - Pecos", a colon read as the dash it stands for), the same in every build rather than whatever each browser substitutes.
 * Characters that change the direction text reads in are dropped: fileNameProblem refuses them.
 */
export function safeFileName(name: string): string {
  // Control characters (a pasted tab) read as spaces; Windows drops trailing dots and spaces.
  const printable = Array.from(name, (c) => (c.charCodeAt(0) < 0x20 ? ' ' : c)).join('').replace(BIDI_CONTROLS_ALL, '');
  return printable.trim().replace(/ *: +/g, ' - ').replace(/[\\/:*?"<>|]/g, '-').replace(/[. ]+$/, '');
}

/**
 * The longest file name written, in UTF-8 bytes as file systems count them (255 at most,
 * whatever the characters): room beside a fleet for the files Save makes next to it, up to
 * 24 bytes longer (".NAME.<pid>.saving-journal"), and what Save As and Export PDF take.
 */
export const FILE_NAME_MAX_BYTES = 200;

/** Unicode's directional embeddings, overrides and isolates: text after them is shown in another order than it is stored. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_CONTROLS_ALL = new RegExp(BIDI_CONTROLS.source, 'gu');

const utf8 = new TextEncoder();
const bytesOf = (text: string): number => utf8.encode(text).length;

/**
 * Why a name given for a file will not do, as what follows "the name" ("is too long: …"),
 * or null. The backend asks it of every name Save As and Export PDF are given, before any
 * work, so a name no file system takes is refused in words rather than by the disk.
 */
export function fileNameProblem(name: string): string | null {
  if (/\p{Cc}/u.test(name)) return 'holds a control character (such as a line break or a tab), which a file name cannot';
  // An override or isolate makes the name show other than it is ("evil\u202Efdp.exe" shows as "evilexe.pdf").
  if (BIDI_CONTROLS.test(name)) return 'holds a character that changes the direction text reads in (U+202A–U+202E, U+2066–U+2069), which would show the name other than it is';
  if (/[\\/]/.test(name)) return 'holds a folder separator (/ or \\): give the name of a file, not a path';
  const bytes = bytesOf(name);
  if (bytes > FILE_NAME_MAX_BYTES) return `is too long: ${bytes} bytes, where a file name takes at most ${FILE_NAME_MAX_BYTES} (an accented letter takes 2, other scripts up to 4)`;
  return null;
}

/**
 * The file name suggested for what is made of a user's name (a hall's, a fleet's) and
 * what follows it (".pdf", " catalog.csv"): safe, and never longer than FILE_NAME_MAX_BYTES,
 * however long the name, which is cut at a word and marked where it must be
 * ("Building B (AI retrofit, phase…).pdf"), so what follows it stays whole.
 */
export function suggestedFileName(name: string, suffix: string): string {
  const stem = safeFileName(name) || 'untitled';
  const room = FILE_NAME_MAX_BYTES - bytesOf(suffix);
  return `${bytesOf(stem) <= room ? stem : shortened(stem, room)}${suffix}`;
}

/**
 * The stem cut to `room` bytes (UTF-8, as the limit counts them) with its ellipsis, at the
 * last word break in its second half; a character (an emoji) is kept or dropped whole.
 */
function shortened(stem: string, room: number): string {
  let kept = '';
  let bytes = bytesOf('…');
  for (const c of stem) {
    bytes += bytesOf(c);
    if (bytes > room) break;
    kept += c;
  }
  const wordBreak = kept.lastIndexOf(' ');
  const atWord = wordBreak > kept.length / 2 ? kept.slice(0, wordBreak) : kept;
  return `${atWord.replace(/[\s.,;([-]+$/, '')}…`;
}

/** The file name a typed name becomes: safe, and ending in one .fleet. */
export const fleetFileName = (typed: string): string => `${safeFileName(typed.trim().replace(/[. ]+$/, '').replace(/\.fleet$/i, ''))}.fleet`;

/** Why a file name will not do, or null. Colleagues on Windows must be able to open what is mailed to them. */
export function saveAsProblem(fileName: string): string | null {
  const stem = fileName.replace(/\.fleet$/, '');
  if (/^\.*$/.test(stem)) return 'Type a name for the file';
  if (stem.startsWith('.')) return 'A name starting with a dot makes a hidden file';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) return `${stem} is a device name on Windows; choose another`;
  const problem = fileNameProblem(fileName);
  return problem ? `That name ${problem}` : null;
}
