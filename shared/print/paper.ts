/**
 * Paper sizes and drawing scales for site plans. ISO sizes are exact in mm; the US
 * sizes are exact in inches (Letter 8.5 × 11 in, Tabloid/ANSI B 11 × 17 in).
 */
import { INCHES_PER_FOOT, MM_PER_INCH, paperMm, type UnitSystem } from '../units';

export const PAPER_SIZES = {
  A4: { widthMm: 210, heightMm: 297 },
  A3: { widthMm: 297, heightMm: 420 },
  Letter: { widthMm: 8.5 * MM_PER_INCH, heightMm: 11 * MM_PER_INCH },
  Tabloid: { widthMm: 11 * MM_PER_INCH, heightMm: 17 * MM_PER_INCH },
} as const;

export type PaperName = keyof typeof PAPER_SIZES;
export type Orientation = 'portrait' | 'landscape';

export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperName[];
/** Metric drawing scales (1:N), the ones a user picks from and the only ones a drawing falls back to. */
export const METRIC_SCALES = [20, 25, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750, 1000, 1250, 1500, 2000, 2500, 5000, 10000] as const;
/**
 * US engineering scales, 1″ = N′ (1:12N): what a US contractor's scale rule reads, so a
 * drawing in US units is never at a ratio like 1:500 that no US rule measures.
 */
export const US_FEET_PER_INCH = [5, 10, 20, 30, 40, 50, 60, 100, 200, 300, 400, 500, 1000] as const;

export function scalesFor(units: UnitSystem): readonly number[] {
  return units === 'us' ? US_FEET_PER_INCH.map((ft) => ft * INCHES_PER_FOOT) : METRIC_SCALES;
}

/** A scale as the user's rule reads it: "1:500", or in US units "1″ = 40′" when it is a whole number of feet to the inch. */
export function scaleLabel(denominator: number, units: UnitSystem): string {
  return units === 'us' && denominator % INCHES_PER_FOOT === 0 ? `1″ = ${denominator / INCHES_PER_FOOT}′` : `1:${denominator}`;
}

/** The scale with its ratio where the label is not one: "1″ = 40′ (1:480)", "1:500". */
export function scaleLabelWithRatio(denominator: number, units: UnitSystem): string {
  const label = scaleLabel(denominator, units);
  return label === `1:${denominator}` ? label : `${label} (1:${denominator})`;
}

/** The paper a print starts on when the user has chosen none: Tabloid (ANSI B, 11 × 17 in) in US units, A3 in metric. */
export function defaultPaper(units: UnitSystem): PaperName {
  return units === 'us' ? 'Tabloid' : 'A3';
}

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
 * The scale to draw `area` at inside `box`: the requested one when it fits; else the
 * nearest of `scales` that fits, which is the largest drawing (smallest denominator)
 * among them, so the printed scale is always one the user could have picked. 'fit' asks
 * for that largest one directly.
 */
export function chooseScale(
  area: { widthM: number; depthM: number },
  box: { widthMm: number; heightMm: number },
  requested: number | 'fit',
  units: UnitSystem,
): ScaleChoice {
  if (requested !== 'fit' && fits(area, box, requested)) return { denominator: requested, note: null };
  const fitting = [...scalesFor(units)].sort((a, b) => a - b).find((d) => fits(area, box, d));
  const denominator = fitting ?? Math.ceil(Math.max((area.widthM * 1000) / box.widthMm, (area.depthM * 1000) / box.heightMm));
  const note = requested === 'fit' ? null : `${scaleLabel(requested, units)} does not fit this sheet; drawn at ${scaleLabel(denominator, units)}`;
  return { denominator, note };
}
