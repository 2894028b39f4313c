/**
 * Round axis ticks: steps of 1, 2 or 5 times a power of ten, from 0 to the first tick at
 * or above the largest value, so an axis reads 0, 10, 20, 30, 40 rather than 0, 16.3, 32.7.
 */
export interface Ticks {
  values: number[];
  /** The axis's top, the last tick: the value drawn at full height. */
  top: number;
  /** Decimals the step needs to be read (0.05 needs 2). */
  digits: number;
}

const STEPS = [1, 2, 5, 10];

export function roundTicks(max: number, atMost = 5): Ticks {
  if (!(max > 0) || !Number.isFinite(max)) return { values: [0, 1], top: 1, digits: 0 };
  const raw = max / (atMost - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.map((s) => s * power).find((s) => s >= raw * (1 - 1e-9))!;
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  // Counted in steps, not added up, so 0.1 + 0.2 never reads 0.30000000000000004.
  const count = Math.ceil(max / step - 1e-9);
  const values = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(digits)));
  return { values, top: values[values.length - 1]!, digits };
}
