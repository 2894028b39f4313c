import { KIND_COLORS } from '../layout/palette-colors';
import { USE_COLOURS } from '../charts/use-colours';

/** How far the furthest shade of a kind goes towards black or white, and the widest step between two shades. */
const FURTHEST_SHADE = 0.7;
const WIDEST_STEP = 0.35;

const kindColour = (kind: string): string => (KIND_COLORS as Record<string, string>)[kind] ?? (USE_COLOURS as Record<string, string>)[kind] ?? '#999999';

/** The colour mixed towards black (amount < 0) or white (amount > 0) by |amount|. */
export function shade(hex: string, amount: number): string {
  const target = amount < 0 ? 0 : 255;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(c + (target - c) * Math.abs(amount)).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/**
 * One fill per legend entry, so that the legend tells apart what the drawing shows: the first
 * model of a kind in its kind's colour (as on screen), each further model of that kind a
 * distinct shade of it, darker and lighter by turns (two CDU models drew and keyed alike).
 */
export function swatchColours(entries: readonly { key: string; kind: string }[]): Map<string, string> {
  const keysByKind = new Map<string, string[]>();
  for (const { key, kind } of entries) {
    const keys = keysByKind.get(kind) ?? [];
    if (!keys.includes(key)) keys.push(key);
    keysByKind.set(kind, keys);
  }
  const out = new Map<string, string>();
  for (const [kind, keys] of keysByKind) {
    const step = Math.min(WIDEST_STEP, FURTHEST_SHADE / Math.max(1, Math.ceil((keys.length - 1) / 2)));
    keys.forEach((key, i) => out.set(key, shade(kindColour(kind), i === 0 ? 0 : (i % 2 ? -1 : 1) * Math.ceil(i / 2) * step)));
  }
  return out;
}
