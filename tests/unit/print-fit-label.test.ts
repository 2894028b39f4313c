import { describe, expect, it } from 'vitest';
import { fitLabel, splitInTwo, treeIndent, wrapText } from '../../shared/print/fit-label';

describe('labels that fit their box', () => {
  it('keep their preferred size when they fit: 10 characters × 0.6 em × 3 = 18 ≤ 20', () => {
    expect(fitLabel('Building A', 20, 3, 1)).toEqual({ text: 'Building A', size: 3 });
  });
  it('shrink to fit: 20 / (10 × 0.6) = 3.33', () => {
    expect(fitLabel('Building A', 20, 5, 1).size).toBeCloseTo(20 / 6, 12);
  });
  it('shrunk to fit exactly, are not cut by rounding: 28.7 mm for 16 bold characters', () => {
    expect(fitLabel('Small test fleet', 28.7, 3, 2.4, 0.62).text).toBe('Small test fleet');
  });
  it('are cut with an ellipsis below the minimum: at size 2, 12 / 1.2 = 10 characters fit', () => {
    expect(fitLabel('Building B (AI retrofit)', 12, 3, 2)).toEqual({ text: 'Building …', size: 2 });
  });
  it('split in two at the space nearest the middle', () => {
    expect(splitInTwo('Sample fleet: Pecos Flats, Columbia Basin, Red River')).toEqual(['Sample fleet: Pecos Flats,', 'Columbia Basin, Red River']);
    expect(splitInTwo('Unbroken')).toEqual(['Unbroken', '']);
  });
  it('a level of the single line wrapped goes on under its name, not at the column edge: 30 characters a line at 1 × 0.6 em in 18 mm', () => {
    const nb = '\u00a0';
    expect(wrapText(`${treeIndent(2)}Building B (AI retrofit, phase 1)`, 18, 1)).toEqual([`${nb.repeat(4)}└ Building B (AI retrofit,`, `${nb.repeat(6)}phase 1)`]);
    expect(wrapText('Error: a violation wraps at the column edge', 18, 1)).toEqual(['Error: a violation wraps at', 'the column edge']);
  });
});
