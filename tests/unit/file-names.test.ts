import { describe, expect, it } from 'vitest';
import { fleetFileName, safeFileName, saveAsProblem } from '../../renderer/src/shell/file-names';

describe('file names', () => {
  it('a name keeps what every file system takes and loses what Windows refuses', () => {
    expect(safeFileName('Sample fleet: Pecos Flats (Expected NPV).lp')).toBe('Sample fleet - Pecos Flats (Expected NPV).lp');
    expect(safeFileName('tab\tname')).toBe('tab name');
    expect(safeFileName('  trailing. . ')).toBe('trailing');
    expect(safeFileName('a/b\\c*?"<>|')).toBe('a-b-c------');
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
