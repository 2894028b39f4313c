/**
 * Paper sizes and drawing scales for site plans. ISO sizes are exact in mm; the US
 * sizes are exact in inches (Letter 8.5 × 11 in, Tabloid/ANSI B 11 × 17 in).
 */
import { MM_PER_INCH, paperMm } from '../units';

export const PAPER_SIZES = {
  A4: { widthMm: 210, heightMm: 297 },
  A3: { widthMm: 297, heightMm: 420 },
  Letter: { widthMm: 8.5 * MM_PER_INCH, heightMm: 11 * MM_PER_INCH },
  Tabloid: { widthMm: 11 * MM_PER_INCH, heightMm: 17 * MM_PER_INCH },
} as const;

export type PaperName = keyof typeof PAPER_SIZES;
export type Orientation = 'portrait' | 'landscape';

export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperName[];
/** The scales a user picks from; 'fit' picks the largest standard scale that fits. */
export const STANDARD_SCALES = [20, 25, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750, 1000, 1250, 1500, 2000, 2500, 5000, 10000] as const;
export const OFFERED_SCALES = [50, 100, 200, 500] as const;

export function sheetSize(paper: PaperName, orientation: Orientation): { widthMm: number; heightMm: number } {
  const { widthMm, heightMm } = PAPER_SIZES[paper];
  const short = Math.min(widthMm, heightMm);
  const long = Math.max(widthMm, heightMm);
  return orientation === 'portrait' ? { widthMm: short, heightMm: long } : { widthMm: long, heightMm: short };
}

export interface ScaleChoice {
  /** Drawn at 1:denominator. */
  denominator: number;
  /** Set when the requested scale did not fit and a smaller one was used. */
  note: string | null;
}

export function fits(area: { widthM: number; depthM: number }, box: { widthMm: number; heightMm: number }, denominator: number): boolean {
  return paperMm(area.widthM, denominator) <= box.widthMm + 1e-9 && paperMm(area.depthM, denominator) <= box.heightMm + 1e-9;
}

/**
 * The scale to draw `area` at inside `box`: the requested one when it fits, else (or for
 * 'fit') the largest standard scale that fits, so the printed scale is always a clean 1:N.
 */
export function chooseScale(
  area: { widthM: number; depthM: number },
  box: { widthMm: number; heightMm: number },
  requested: number | 'fit',
): ScaleChoice {
  if (requested !== 'fit' && fits(area, box, requested)) return { denominator: requested, note: null };
  const fitting = STANDARD_SCALES.find((d) => fits(area, box, d));
  const denominator = fitting ?? Math.ceil(Math.max((area.widthM * 1000) / box.widthMm, (area.depthM * 1000) / box.heightMm));
  const note = requested === 'fit' ? null : `1:${requested} does not fit this sheet; drawn at 1:${denominator}`;
  return { denominator, note };
}
