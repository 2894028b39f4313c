import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX_BYTES, fileNameProblem, fleetFileName, safeFileName, saveAsProblem, suggestedFileName } from '../../shared/io/file-names';

/** A name's length as file systems count it. */
const bytes = (name: string): number => Buffer.byteLength(name, 'utf8');

describe('file names', () => {
  it('a name keeps what every file system takes and loses what Windows refuses', () => {
    expect(safeFileName('Sample fleet: Pecos Flats (Expected NPV).lp')).toBe('Sample fleet - Pecos Flats (Expected NPV).lp');
    expect(safeFileName('tab\tname')).toBe('tab name');
    expect(safeFileName('  trailing. . ')).toBe('trailing');
    expect(safeFileName('a/b\\c*?"<>|')).toBe('a-b-c------');
  });

  it('a name suggested from a long hall or fleet name fits the limit, cut at a word, and keeps what follows it', () => {
    const hall = `Building B (AI retrofit, phase 1) ${'north hall '.repeat(20)}`.trim();
    const pdf = suggestedFileName(hall, '.pdf');
    expect(bytes(pdf)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
    expect(pdf).toMatch(/^Building B \(AI retrofit, phase 1\)( north hall)+( north)?…\.pdf$/);
    const lp = suggestedFileName('x'.repeat(300), ' (Expected NPV).lp');
    // The ellipsis is 3 bytes, the suffix 18.
    expect(lp).toBe(`${'x'.repeat(FILE_NAME_MAX_BYTES - 21)}… (Expected NPV).lp`);
    expect(bytes(lp)).toBe(FILE_NAME_MAX_BYTES);
    // An emoji is 4 of the bytes the limit counts, and is never halved at the cut; an accented letter 2.
    expect(suggestedFileName('🏭'.repeat(250), '.csv')).toBe(`${'🏭'.repeat(48)}….csv`);
    expect(bytes(suggestedFileName('é'.repeat(199), '.pdf'))).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
    expect(suggestedFileName('Hall 1: north', '.pdf')).toBe('Hall 1 - north.pdf');
    expect(saveAsProblem(suggestedFileName('y'.repeat(FILE_NAME_MAX_BYTES), '.fleet'))).toBeNull();
    expect(saveAsProblem(suggestedFileName('é'.repeat(FILE_NAME_MAX_BYTES), '.fleet'))).toBeNull();
  });

  it('Save As ends in one .fleet, and refuses names that hide or break the file', () => {
    expect(fleetFileName('plan.FLEET')).toBe('plan.fleet');
    expect(fleetFileName('Site A: phase 1')).toBe('Site A - phase 1.fleet');
    expect(saveAsProblem(fleetFileName('plan'))).toBeNull();
    expect(saveAsProblem(fleetFileName('...'))).toBe('Type a name for the file');
    expect(saveAsProblem(fleetFileName('.hidden'))).toBe('A name starting with a dot makes a hidden file');
    expect(saveAsProblem(fleetFileName('CON'))).toBe('CON is a device name on Windows; choose another');
    expect(saveAsProblem(fleetFileName('x'.repeat(195)))).toBe('That name is too long: 201 bytes, where a file name takes at most 200 (an accented letter takes 2, other scripts up to 4)');
  });

  it('a name holding a control character, or over the limit in bytes however few its characters, is refused in words', () => {
    for (const name of ['a\u0000b.pdf', 'line1\nline2.pdf', 'bell\u0007.fleet', '\u001b[2J.pdf', 'del\u007f.pdf', 'c1\u009b.pdf']) {
      expect(fileNameProblem(name), JSON.stringify(name)).toBe('holds a control character (such as a line break or a tab), which a file name cannot');
    }
    // 199 characters, 398 bytes: the disk would have answered ENAMETOOLONG.
    expect(fileNameProblem('é'.repeat(199))).toMatch(/^is too long: 398 bytes, where a file name takes at most 200 /);
    expect(fileNameProblem('é'.repeat(100))).toBeNull();
    expect(fileNameProblem('é'.repeat(101))).toMatch(/^is too long: 202 bytes/);
    expect(fileNameProblem('Hall 1 – north (phase 2).pdf')).toBeNull();
  });

  it('a name holding a character that turns the direction text reads in is refused, and one made from a user\'s name drops it', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(fileNameProblem(`invoice${c}fdp.fleet`), c.codePointAt(0)!.toString(16)).toBe(
        'holds a character that changes the direction text reads in (U+202A–U+202E, U+2066–U+2069), which would show the name other than it is',
      );
    }
    expect(safeFileName('Building\u202E B')).toBe('Building B');
    expect(fileNameProblem(suggestedFileName('Hall\u2067 A', '.pdf'))).toBeNull();
    // Right-to-left letters themselves are names like any other.
    expect(fileNameProblem('מתקן.fleet')).toBeNull();
  });

  it('a name holding a folder separator is refused, not flattened', () => {
    for (const name of ['../../tmp/escape.pdf', 'a/b.pdf', 'a\\b.pdf']) expect(fileNameProblem(name), name).toBe('holds a folder separator (/ or \\): give the name of a file, not a path');
  });

  it('Save As drops trailing dots and spaces before it adds .fleet, as Windows would', () => {
    expect(fleetFileName('ok3.fleet.')).toBe('ok3.fleet');
    expect(fleetFileName('ok4.fleet ')).toBe('ok4.fleet');
    expect(fleetFileName('plan. .')).toBe('plan.fleet');
  });
});
