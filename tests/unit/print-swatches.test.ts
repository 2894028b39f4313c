import { describe, expect, it } from 'vitest';
import { shade, swatchColours } from '../../renderer/src/print/swatches';
import { KIND_COLORS } from '../../renderer/src/layout/palette-colors';

describe('print swatches', () => {
  it('mixes a colour towards black or white by hand', () => {
    // #3d8bd4 = (61, 139, 212). 35 % darker: 61 × 0.65 = 39.65 → 0x28, 139 × 0.65 = 90.35 → 0x5a, 212 × 0.65 = 137.8 → 0x8a.
    expect(shade('#3d8bd4', -0.35)).toBe('#285a8a');
    // 35 % lighter: 61 + 194 × 0.35 = 128.9 → 0x81, 139 + 116 × 0.35 = 179.6 → 0xb4, 212 + 43 × 0.35 = 227.05 → 0xe3.
    expect(shade('#3d8bd4', 0.35)).toBe('#81b4e3');
    expect(shade('#3d8bd4', 0)).toBe('#3d8bd4');
  });

  it('gives two CDU models two swatches, the first in the kind\'s colour; other kinds keep theirs', () => {
    const fills = swatchColours([
      { key: 'cdu-inrow', kind: 'cdu' },
      { key: 'crah', kind: 'crah' },
      { key: 'cdu-rowend', kind: 'cdu' },
      { key: 'cdu-inrow', kind: 'cdu' }, // the same model again (a drawn unit after its legend entry): one swatch
    ]);
    expect(Object.fromEntries(fills)).toEqual({ 'cdu-inrow': KIND_COLORS.cdu, 'cdu-rowend': shade(KIND_COLORS.cdu, -0.35), crah: KIND_COLORS.crah });
  });

  it('shades any number of models of a kind apart: five at the widest step exactly, six closer', () => {
    // Five: steps of 0.7 / ceil(4 / 2) = 0.35, the widest allowed: 0, −0.35, +0.35, −0.7, +0.7.
    const five = swatchColours(['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, kind: 'miner-rack' })));
    expect([...five.values()]).toEqual([0, -0.35, 0.35, -0.7, 0.7].map((a) => shade(KIND_COLORS['miner-rack'], a)));
    // Six: 0.7 / ceil(5 / 2) = 0.2333: 0, ∓0.2333, ∓0.4667, −0.7; all distinct.
    const six = swatchColours(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => ({ key, kind: 'miner-rack' })));
    expect(six.get('f')).toBe(shade(KIND_COLORS['miner-rack'], -0.7));
    expect(new Set(six.values()).size).toBe(6);
    // Twenty ASIC models in one hall still key apart.
    const twenty = swatchColours(Array.from({ length: 20 }, (_, i) => ({ key: `m${i}`, kind: 'asic-miner' })));
    expect(new Set(twenty.values()).size).toBe(20);
  });
});
