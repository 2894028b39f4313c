/** What every benchmark shares: timing, medians and the JSON line it prints per figure. */

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Median of `runs` timed calls after one untimed warm-up. */
export function measure(fn: () => void, runs = 7): number {
  fn();
  return median(Array.from({ length: runs }, () => time(fn)));
}

export interface Figure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  reference: string;
  referenceValue: number;
  goal: string;
  pass: boolean;
}

export function report(f: Figure): void {
  const round = (v: number): number => (Math.abs(v) >= 10 ? Math.round(v * 10) / 10 : Math.round(v * 10000) / 10000);
  console.log(JSON.stringify({ ...f, value: round(f.value), referenceValue: round(f.referenceValue), ratio: Math.round((f.value / f.referenceValue) * 1000) / 1000 }));
}
