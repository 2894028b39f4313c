/**
 * Labels on a printed plan, placed in sheet millimetres so that each is legible and none
 * overlaps another label, a piece of equipment it does not name, or leaves the drawing.
 * An item is named inside its rectangle when its label fits there at the minimum size
 * (turned along a tall item if that fits better); items that cannot be named one by one
 * and stand in a row of the same model get one label for the row ("BM1.1–20"), beside
 * the row where there is free floor.
 */

export interface RectMm {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A text centred on (x, y), drawn with dominant-baseline central; -90 reads bottom to top. */
export interface TextMm {
  text: string;
  x: number;
  y: number;
  size: number;
  rotate: 0 | -90;
}

/** What a label names: an item's rectangle on paper and the row it may share a label with. */
export interface LabelTarget {
  id: string;
  label: string;
  /** Items with the same rowKey and the same rectangle height and top stand in one row (same model, same facing). */
  rowKey: string;
  rect: RectMm;
}

/**
 * ISO 3098 lettering: 1.8 mm capitals are the smallest that print legibly. DejaVu Sans
 * capitals are 0.73 em, so the font size is 1.8 / 0.73 ≈ 2.47 mm.
 */
export const LABEL_MIN_CAP_MM = 1.8;
export const CAP_HEIGHT_EM = 0.73;
export const LABEL_MIN_MM = LABEL_MIN_CAP_MM / CAP_HEIGHT_EM;
export const LABEL_MAX_MM = 3.5;
/** Labels are mostly capitals and digits, wider than average text (DejaVu Sans digits are 0.636 em). */
export const LABEL_EM_PER_CHAR = 0.65;
/** A line's box is 1.2 em tall: ascenders and descenders included. */
const LINE_EM = 1.2;
/** Free paper kept between a label and what it does not name. */
const GAP_MM = 0.4;

export function textWidthMm(text: string, size: number): number {
  return text.length * LABEL_EM_PER_CHAR * size;
}

export function textBox(t: TextMm): RectMm {
  const along = textWidthMm(t.text, t.size);
  const across = t.size * LINE_EM;
  return t.rotate === 0 ? { x: t.x - along / 2, y: t.y - across / 2, w: along, h: across } : { x: t.x - across / 2, y: t.y - along / 2, w: across, h: along };
}

export function intersects(a: RectMm, b: RectMm): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const inside = (a: RectMm, b: RectMm): boolean => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const grow = (r: RectMm, by: number): RectMm => ({ x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by });

/** The largest size (capped) at which `text` fits a box `along` × `across` mm, or null below the legible minimum. */
function sizeToFit(text: string, along: number, across: number): number | null {
  const size = Math.min(LABEL_MAX_MM, (along - 2 * GAP_MM) / (LABEL_EM_PER_CHAR * text.length), (across - 2 * GAP_MM) / LINE_EM);
  return size >= LABEL_MIN_MM ? size : null;
}

/**
 * "BM1.1" … "BM1.20" → "BM1.1–20": the common start is said once, never cut inside a
 * number (so "R-12" … "R-19" stays "R-12–19"); identical labels become "20 × name". A range
 * its count does not fill says so: two units CDU 1 and CDU 3 are "CDU 1, 3" (CDU 2 stands
 * elsewhere), three of R1 … R9 "R1–9 (3 units)".
 */
export function rowLabel(first: string, last: string, count: number): string {
  if (first === last) return `${count} × ${first}`;
  let common = 0;
  while (common < first.length && first[common] === last[common]) common++;
  while (common > 0 && /\d/.test(first[common - 1]!)) common--;
  const from = Number(/\d+$/.exec(first)?.[0]);
  const to = Number(/\d+$/.exec(last)?.[0]);
  const filled = !(to - from + 1 > count);
  if (filled) return `${first}–${last.slice(common)}`;
  return count === 2 ? `${first}, ${last.slice(common)}` : `${first}–${last.slice(common)} (${count} units)`;
}

/** What labels of one series share: all but their last number ("BM1." of "BM1.20"; "CRAH" of itself). */
const seriesOf = (label: string): string => label.replace(/\d+$/, '');

/**
 * Items of one row: same rowKey, top and height, in x order, each less than its own width
 * from the previous one, and labelled in one series: busway runs BW1.1 and BW2.1 side by
 * side are two runs, which "BW1.1–2.1" would read as one.
 */
function rows(targets: LabelTarget[]): LabelTarget[][] {
  const byLine = new Map<string, LabelTarget[]>();
  for (const t of targets) {
    const key = `${t.rowKey}|${t.rect.y.toFixed(2)}|${t.rect.h.toFixed(2)}`;
    byLine.set(key, [...(byLine.get(key) ?? []), t]);
  }
  const out: LabelTarget[][] = [];
  for (const line of byLine.values()) {
    line.sort((a, b) => a.rect.x - b.rect.x);
    let run: LabelTarget[] = [line[0]!];
    for (const t of line.slice(1)) {
      const prev = run[run.length - 1]!;
      if (t.rect.x - (prev.rect.x + prev.rect.w) <= prev.rect.w && seriesOf(t.label) === seriesOf(prev.label)) run.push(t);
      else {
        out.push(run);
        run = [t];
      }
    }
    out.push(run);
  }
  return out;
}

/**
 * Places the labels of `targets` inside `outline` (the hall or site on paper), keeping
 * clear of `obstacles` (texts already drawn there, such as zone names).
 */
export function placeLabels(targets: LabelTarget[], outline: RectMm, obstacles: RectMm[]): TextMm[] {
  const taken: RectMm[] = [...obstacles];
  const placed: TextMm[] = [];
  const free = (t: TextMm, own: Set<string>): boolean => {
    const box = textBox(t);
    if (!inside(box, outline)) return false;
    const clear = grow(box, GAP_MM);
    return !taken.some((r) => intersects(clear, r)) && !targets.some((o) => !own.has(o.id) && intersects(clear, o.rect));
  };
  const accept = (t: TextMm): void => {
    placed.push(t);
    taken.push(textBox(t));
  };

  const unnamed: LabelTarget[] = [];
  for (const target of targets) {
    const { x, y, w, h } = target.rect;
    const flat = sizeToFit(target.label, w, h);
    const upright = h > w ? sizeToFit(target.label, h, w) : null;
    // Turned only when that prints larger: a label reads best horizontal.
    const text: TextMm | null =
      upright !== null && (flat === null || upright > flat)
        ? { text: target.label, x: x + w / 2, y: y + h / 2, size: upright, rotate: -90 }
        : flat !== null
          ? { text: target.label, x: x + w / 2, y: y + h / 2, size: flat, rotate: 0 }
          : null;
    // Its own rectangle holds it, so only labels and other items can be in the way.
    if (text && free(text, new Set([target.id]))) accept(text);
    else unnamed.push(target);
  }

  for (const row of rows(unnamed)) {
    const first = row[0]!;
    const last = row[row.length - 1]!;
    const text = row.length > 1 ? rowLabel(first.label, last.label, row.length) : first.label;
    const span: RectMm = { x: first.rect.x, y: first.rect.y, w: last.rect.x + last.rect.w - first.rect.x, h: first.rect.h };
    const size = LABEL_MIN_MM;
    const half = (size * LINE_EM) / 2;
    const halfW = textWidthMm(text, size) / 2;
    const cx = span.x + span.w / 2;
    const cy = span.y + span.h / 2;
    const d = GAP_MM * 2;
    const above = span.y - d - half;
    const below = span.y + span.h + d + half;
    // Inside the row when it is thick enough, else the free floor above, below, left or right
    // of it; above and below also flush with either end, for a row near the drawing's edge.
    const candidates: TextMm[] = [
      { text, x: cx, y: cy, size, rotate: 0 },
      ...[above, below].flatMap((y) => [cx, span.x + halfW, span.x + span.w - halfW].map((x): TextMm => ({ text, x, y, size, rotate: 0 }))),
      { text, x: span.x - d - halfW, y: cy, size, rotate: 0 },
      { text, x: span.x + span.w + d + halfW, y: cy, size, rotate: 0 },
    ];
    const own = new Set(row.map((t) => t.id));
    const fitsInside = span.h >= size * LINE_EM + 2 * GAP_MM && span.w >= 2 * halfW + 2 * GAP_MM;
    const spot = candidates.find((c, i) => (i > 0 || fitsInside) && free(c, own));
    if (spot) accept(spot);
  }
  return placed;
}
