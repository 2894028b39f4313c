/** Window size and position kept between runs, pulled back onto a screen that still exists. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

const MIN_W = 960;
const MIN_H = 600;

/** The saved bounds if at least 100 × 100 px of them lie on one of the displays, else null (centre a default window). */
export function restoreBounds(saved: unknown, displays: Bounds[]): WindowState | null {
  if (!saved || typeof saved !== 'object') return null;
  const s = saved as Partial<WindowState>;
  const b = s.bounds;
  if (!b || ![b.x, b.y, b.width, b.height].every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  const bounds = { x: b.x, y: b.y, width: Math.max(MIN_W, b.width), height: Math.max(MIN_H, b.height) };
  const visible = displays.some((d) => {
    const w = Math.min(bounds.x + bounds.width, d.x + d.width) - Math.max(bounds.x, d.x);
    const h = Math.min(bounds.y + bounds.height, d.y + d.height) - Math.max(bounds.y, d.y);
    return w >= 100 && h >= 100;
  });
  return visible ? { bounds, maximized: s.maximized === true } : null;
}

/** A .fleet path among command-line arguments (double-click on Windows and Linux passes it so). */
export function fleetFileFromArgv(argv: readonly string[]): string | null {
  return [...argv].reverse().find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.fleet')) ?? null;
}
