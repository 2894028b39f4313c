import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX_CHARS, fleetFileName, safeFileName, saveAsProblem, suggestedFileName } from '../../shared/io/file-names';

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
    expect(pdf.length).toBeLessThanOrEqual(FILE_NAME_MAX_CHARS);
    expect(pdf).toMatch(/^Building B \(AI retrofit, phase 1\)( north hall)+( north)?…\.pdf$/);
    const lp = suggestedFileName('x'.repeat(300), ' (Expected NPV).lp');
    expect(lp).toBe(`${'x'.repeat(FILE_NAME_MAX_CHARS - 19)}… (Expected NPV).lp`);
    expect(lp).toHaveLength(FILE_NAME_MAX_CHARS);
    // An emoji is two of the characters the limit counts, and is never halved at the cut.
    expect(suggestedFileName('🏭'.repeat(250), '.csv')).toBe(`${'🏭'.repeat(97)}….csv`);
    expect(suggestedFileName('Hall 1: north', '.pdf')).toBe('Hall 1 - north.pdf');
    expect(saveAsProblem(suggestedFileName('y'.repeat(FILE_NAME_MAX_CHARS), '.fleet'))).toBeNull();
  });

  it('Save As ends in one .fleet, and refuses names that hide or break the file', () => {
    expect(fleetFileName('plan.FLEET')).toBe('plan.fleet');
    expect(fleetFileName('Site A: phase 1')).toBe('Site A - phase 1.fleet');
    expect(saveAsProblem(fleetFileName('plan'))).toBeNull();
    expect(saveAsProblem(fleetFileName('...'))).toBe('Type a name for the file');
    expect(saveAsProblem(fleetFileName('.hidden'))).toBe('A name starting with a dot makes a hidden file');
    expect(saveAsProblem(fleetFileName('CON'))).toBe('CON is a device name on Windows; choose another');
    expect(saveAsProblem(fleetFileName('x'.repeat(195)))).toBe('That name is too long (200 characters at most)');
  });
});
