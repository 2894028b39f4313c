/**
 * The printed single line drawn: the power chain's rows (shared/power/chain.ts, as they are)
 * as a one-line diagram, from the grid at the left to the row groups at the right, one
 * column per level. Each node is a box with its name, what it is, its rating and limit,
 * and its load and how much of the limit it uses; a B feed is a dashed wire and every
 * wire is lettered A or B; an overloaded node has a heavy border and says so in words, so
 * a black-and-white print shows it. What does not fit a sheet is folded (a source's row
 * groups into one box, then alike sources side by side into one) and the sheet says how
 * many; halls still too many for one sheet go on over more sheets, the site's levels
 * repeated on each. Pure layout in millimetres, like the rest of the sheets.
 */
import { largest } from '../arrays';
import { countedOnceText, formatChainAmount, utilizationText, type ChainRow, type FeedLetter } from '../power/chain';
import { countOf, type UnitSystem } from '../units';
import { wrapText } from './fit-label';
import type { LineMm, SheetArea } from './sheets';

export const SINGLE_LINE_FONT_MM = 2.2;
/** A sans-serif character is about 0.6 em wide, bold about 0.62; the estimate the rest of the sheets use. */
const EM_PER_CHAR = 0.62;
const LINE_MM = SINGLE_LINE_FONT_MM * 1.25;
const PAD_MM = 1;
/** Clear between two boxes above each other. */
const V_GAP_MM = 2.5;
/** Between two columns: the wire, its bus and its feed letter. */
const H_GAP_MM = 10;
const MAX_COLUMN_MM = 62;

/** A line of text in a node, from its left end; y is the baseline. */
export interface BoxText {
  text: string;
  x: number;
  y: number;
  bold: boolean;
}

export interface SingleLineBox {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: BoxText[];
  overloaded: boolean;
  /** Stands for several rows of the chain: drawn shaded. */
  folded: boolean;
  /** A source drawn again under its second feed, its branch drawn under the first: a dashed border. */
  repeat: boolean;
}

/** A wire as a polyline from the feeding node to the fed one; B feeds are dashed. */
export interface SingleLineWire {
  points: [number, number][];
  feed: FeedLetter | null;
}

export interface FeedMark {
  text: FeedLetter;
  x: number;
  y: number;
}

export interface SingleLineDrawing {
  /** Title and notes (how much is folded, which halls this sheet holds), at the top of the sheet. */
  header: LineMm[];
  /** The key: a line for A, a dashed line for B, a heavy box for over the limit; its left end and baseline. */
  key: { x: number; y: number };
  nodes: SingleLineBox[];
  wires: SingleLineWire[];
  feedMarks: FeedMark[];
  foldedRowGroups: number;
  foldedSources: number;
}

/** One box of the diagram before it is placed: its lines of text and what it feeds. */
interface Tree {
  key: string;
  title: string;
  lines: string[];
  feed: FeedLetter | null;
  overloaded: boolean;
  folded: boolean;
  repeat: boolean;
  children: Tree[];
  /** The rows it stands for, to fold it further. */
  rows: ChainRow[];
}

/** The rows, in the chain's depth-first order, as a tree. */
function treeOf(rows: ChainRow[], units: UnitSystem): Tree[] {
  const roots: Tree[] = [];
  const stack: { depth: number; node: Tree }[] = [];
  for (const r of rows) {
    const node = rowNode(r, units);
    while (stack.length && stack.at(-1)!.depth >= r.depth) stack.pop();
    (stack.at(-1)?.node.children ?? roots).push(node);
    stack.push({ depth: r.depth, node });
  }
  return roots;
}

/** A label with its figure and unit ("Load 417.4 kVA", "86 %") held on one line when a box's text wraps. */
const figure = (text: string): string => text.replace(/ /g, '\u00a0');

function rowNode(r: ChainRow, units: UnitSystem): Tree {
  const labelled = (label: string, v: number) => figure(`${label} ${formatChainAmount(r, v, units)}`);
  const lines = [r.equipment];
  if (r.level === 'loads') lines.push(r.source === null ? `NOT FED: ${figure(formatChainAmount(r, r.load, units))}` : labelled('Load', r.load));
  else {
    if (r.rating !== null) lines.push(`${labelled('Rating', r.rating)}${r.capacity !== null && r.capacity !== r.rating ? `, ${labelled('limit', r.capacity)}` : ''}`);
    lines.push(r.capacity === null ? 'No load figure (a loop)' : `${labelled('Load', r.load)}, ${figure(utilizationText(r))}`);
    if (r.overloaded && r.capacity !== null) lines.push(`OVERLOADED by ${figure(formatChainAmount(r, r.load - r.capacity, units))}`);
    const once = countedOnceText(r, units);
    if (once) lines.push(once);
  }
  if (r.repeat) lines.push('Its branch is drawn under its other feed');
  return { key: r.key, title: r.name, lines, feed: r.feed, overloaded: r.overloaded, folded: false, repeat: r.repeat, children: [], rows: [r] };
}

const isLoads = (t: Tree) => t.rows.every((r) => r.level === 'loads');

/** Row groups of one feed letter as one box: how many, how many units, what they draw in all. */
function foldedLoads(rows: ChainRow[], parentKey: string, units: UnitSystem): Tree {
  const first = rows[0]!;
  const load = rows.reduce((t, r) => t + r.load, 0);
  const unitCount = rows.reduce((t, r) => t + r.ids.length, 0);
  return {
    key: `folded-loads:${parentKey}:${first.feed}`,
    title: `${countOf(rows.length, 'row group')} (folded)`,
    lines: [countOf(unitCount, 'unit'), figure(`Load ${formatChainAmount(first, load, units)}`)],
    feed: first.feed,
    overloaded: false,
    folded: true,
    repeat: false,
    children: [],
    rows,
  };
}

/** Load rows as boxes: one where there is one of a feed letter, else one folded box per letter. */
function loadBoxes(rows: ChainRow[], parentKey: string, units: UnitSystem): Tree[] {
  const byFeed = new Map<FeedLetter | null, ChainRow[]>();
  for (const r of rows) byFeed.set(r.feed, [...(byFeed.get(r.feed) ?? []), r]);
  return [...byFeed.values()].map((g) => (g.length > 1 ? foldedLoads(g, parentKey, units) : rowNode(g[0]!, units)));
}

/** A node's row groups folded to one box per feed letter, wherever it has more than one. */
function foldLoads(t: Tree, units: UnitSystem): Tree {
  const loads = t.children.filter(isLoads);
  const others = t.children.filter((c) => !isLoads(c)).map((c) => foldLoads(c, units));
  if (loads.length <= 1) return { ...t, children: [...others, ...loads] };
  return { ...t, children: [...others, ...loadBoxes(loads.flatMap((l) => l.rows), t.key, units)] };
}

/** Children that fold together share this: sources of one model on one feed letter that feed only row groups. */
function foldKey(c: Tree): string | null {
  const r = c.rows[0];
  return r && !c.folded && !c.repeat && r.level === 'source' && c.children.every(isLoads) ? `${r.equipment}|${c.feed}` : null;
}

interface Run {
  parent: Tree;
  key: string;
  size: number;
}

/** The longest run of alike sources under one parent anywhere in the branch, if any has two or more. */
function longestRun(t: Tree): Run | null {
  const sizes = new Map<string, number>();
  for (const c of t.children) {
    const key = foldKey(c);
    if (key) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  let best: Run | null = null;
  for (const [key, size] of sizes) if (size > 1 && (!best || size > best.size)) best = { parent: t, key, size };
  for (const c of t.children) {
    const run = longestRun(c);
    if (run && (!best || run.size > best.size)) best = run;
  }
  return best;
}

/** The run as one box where its first source stood: how many, their rating, the tightest, how many are over their limit; their row groups under it. */
function foldRun(t: Tree, run: Run, units: UnitSystem): Tree {
  if (t !== run.parent) return { ...t, children: t.children.map((c) => foldRun(c, run, units)) };
  const group = t.children.filter((c) => foldKey(c) === run.key);
  return { ...t, children: t.children.flatMap((c) => (foldKey(c) !== run.key ? [c] : c === group[0] ? [foldedSources(group, units)] : [])) };
}

const boxCount = (t: Tree): number => 1 + t.children.reduce((n, c) => n + boxCount(c), 0);

/** The branch folded one step further: its row groups first, then its longest run of alike sources; null when nothing is left to fold. */
function foldFurther(t: Tree, units: UnitSystem): Tree | null {
  const loadsFolded = foldLoads(t, units);
  if (boxCount(loadsFolded) < boxCount(t)) return loadsFolded;
  const run = longestRun(t);
  return run ? foldRun(t, run, units) : null;
}

function foldedSources(group: Tree[], units: UnitSystem): Tree {
  const rows = group.map((g) => g.rows[0]!);
  const first = rows[0]!;
  const tightest = rows.reduce((a, b) => ((b.utilization ?? 0) > (a.utilization ?? 0) ? b : a));
  const over = rows.filter((r) => r.overloaded).length;
  const loadRows = group.flatMap((g) => g.children.flatMap((c) => c.rows));
  const lines = [
    first.equipment,
    ...(first.rating !== null ? [figure(`Rating ${formatChainAmount(first, first.rating, units)} each`)] : []),
    `Tightest ${tightest.name}: ${figure(utilizationText(tightest))}`,
    ...(over ? [`OVERLOADED: ${over} of ${group.length}`] : []),
  ];
  const node: Tree = { key: `folded-sources:${first.key}`, title: `${group.length} × ${first.name} – ${rows.at(-1)!.name}`, lines, feed: first.feed, overloaded: over > 0, folded: true, repeat: false, children: [], rows };
  return { ...node, children: loadBoxes(loadRows, node.key, units) };
}

/** Boxes placed left to right by depth and top to bottom in the chain's order; each parent level with its first child. */
interface Placed {
  nodes: SingleLineBox[];
  wires: SingleLineWire[];
  feedMarks: FeedMark[];
}

function depthOf(t: Tree): number {
  return 1 + Math.max(0, largest(t.children.map(depthOf)));
}

/** Lines no wider than the box; a label parts from its figure ("Rating" / "3,000 kVA") only where together they are wider than the box. */
function wrapInBox(text: string, width: number): string[] {
  const wrap = (s: string) => wrapText(s, width - 2 * PAD_MM, SINGLE_LINE_FONT_MM, EM_PER_CHAR);
  const lines = wrap(text);
  return lines.some((l) => l.endsWith('…')) ? wrap(text.replace(/\u00a0(?=[-\d])/g, ' ')) : lines;
}

function linesOf(t: Tree, width: number): { text: string; bold: boolean }[] {
  const wrap = (s: string, bold: boolean) => wrapInBox(s, width).map((text) => ({ text, bold }));
  return [...wrap(t.title, true), ...t.lines.flatMap((l) => wrap(l, l.startsWith('OVERLOADED') || l.startsWith('NOT FED')))];
}

const boxHeight = (lines: number): number => 2 * PAD_MM + lines * LINE_MM;

/** How tall a branch is drawn `columnW` wide: its box, or its children's branches one under another, whichever is taller. */
function heights(columnW: number): (t: Tree) => number {
  const known = new WeakMap<Tree, number>();
  const height = (t: Tree): number => {
    let h = known.get(t);
    if (h === undefined) {
      const below = t.children.reduce((sum, c, i) => sum + (i ? V_GAP_MM : 0) + height(c), 0);
      h = Math.max(boxHeight(linesOf(t, columnW).length), below);
      known.set(t, h);
    }
    return h;
  };
  return height;
}

function place(roots: Tree[], left: number, top: number, columnW: number): Placed {
  const out: Placed = { nodes: [], wires: [], feedMarks: [] };
  const visit = (t: Tree, depth: number, y: number): { bottom: number; mid: number } => {
    const x = left + depth * (columnW + H_GAP_MM);
    const lines = linesOf(t, columnW);
    const h = boxHeight(lines.length);
    out.nodes.push({
      key: t.key,
      x,
      y,
      w: columnW,
      h,
      lines: lines.map((l, i) => ({ ...l, x: x + PAD_MM, y: y + PAD_MM + (i + 0.8) * LINE_MM })),
      overloaded: t.overloaded,
      folded: t.folded,
      repeat: t.repeat,
    });
    const mid = y + Math.min(h / 2, PAD_MM + LINE_MM);
    let cy = y;
    let bottom = y + h;
    const mids: number[] = [];
    const busX = x + columnW + H_GAP_MM / 2;
    for (const c of t.children) {
      const child = visit(c, depth + 1, cy);
      mids.push(child.mid);
      const childLeft = busX + H_GAP_MM / 2;
      out.wires.push({ points: [[busX, child.mid], [childLeft, child.mid]], feed: c.feed });
      if (c.feed) out.feedMarks.push({ text: c.feed, x: childLeft - 2.6, y: child.mid - 0.8 });
      cy = child.bottom + V_GAP_MM;
      bottom = Math.max(bottom, child.bottom);
    }
    if (mids.length) out.wires.push({ points: [[x + columnW, mid], [busX, mid], [busX, Math.max(mid, largest(mids))]], feed: null });
    return { bottom, mid };
  };
  let y = top;
  for (const r of roots) y = visit(r, 0, y).bottom + V_GAP_MM;
  return out;
}

/** The site's levels above its halls, with the halls given. */
function withHalls(site: Tree, halls: Tree[]): Tree {
  return { ...site, children: site.children.map((t) => ({ ...t, children: halls })) };
}

const HEADER_TITLE_MM = 4;
const HEADER_NOTE_MM = 2.6;
const NOTE_LINE_MM = HEADER_NOTE_MM * 1.3;
/** From the key's baseline to the top of the boxes. */
const KEY_H_MM = 4;

/** A hall whose branch is too tall for a sheet even folded: one box says so, and where its rows are listed. */
function tooTall(hall: Tree): Tree {
  const below = hall.children.flatMap(function all(t: Tree): ChainRow[] {
    return [...t.rows, ...t.children.flatMap(all)];
  });
  const sources = below.filter((r) => r.level === 'source').length;
  const groups = below.filter((r) => r.level === 'loads').length;
  const box: Tree = { key: `too-tall:${hall.key}`, title: 'Too many to draw', lines: [`${countOf(sources, 'source')}, ${countOf(groups, 'row group')}: see the Single line table`], feed: null, overloaded: false, folded: true, repeat: false, children: [], rows: below };
  return { ...hall, children: [box] };
}

/**
 * The drawings of `rows` (one site's chain, the interconnect first), titled `title` (the
 * site's name, or the site's and the hall's on a hall sheet), for sheets whose
 * content is `area`: one sheet when the chain fits it, folded as little as it needs, else
 * one per run of halls that fits.
 */
export function singleLineDrawings(rows: ChainRow[], title: string, area: SheetArea, units: UnitSystem): SingleLineDrawing[] {
  const interconnect = treeOf(rows, units)[0];
  if (!interconnect) return [];
  const columns = depthOf(interconnect);
  const columnW = Math.min(MAX_COLUMN_MM, (area.right - area.left - (columns - 1) * H_GAP_MM) / columns);
  const width = area.right - area.left;
  // The title on as many lines as a long hall name needs (the continued sheets' is the longest), then the notes.
  const titleLines = (continued: boolean) => wrapText(`Single line: ${title}${continued ? ' (continued)' : ''}`, width, HEADER_TITLE_MM, EM_PER_CHAR);
  const notesTop = area.top + titleLines(true).length * HEADER_TITLE_MM * 1.25 + 2;
  const keyY = (noteLines: number) => notesTop + (noteLines + 1) * NOTE_LINE_MM;
  const drawing = (run: Tree[], notes: string[], continued: boolean) => {
    const noteLines = notes.flatMap((n) => wrapText(n, width, HEADER_NOTE_MM, 0.6));
    const placed = place([withHalls(interconnect, run)], area.left, keyY(noteLines.length) + KEY_H_MM, columnW);
    const header = [
      ...titleLines(continued).map((text, j) => ({ text, x: area.left, y: area.top + HEADER_TITLE_MM + j * HEADER_TITLE_MM * 1.25, size: HEADER_TITLE_MM, bold: true })),
      ...noteLines.map((text, j) => ({ text, x: area.left, y: notesTop + (j + 1) * NOTE_LINE_MM, size: HEADER_NOTE_MM, bold: false })),
    ];
    return { header, key: { x: area.left, y: keyY(noteLines.length) }, placed };
  };
  // Room is held for three lines of notes while choosing what to fold: the longest wraps to two on a narrow sheet, and the halls' line.
  const height = heights(columnW);
  const bottom = (halls: Tree[]) => keyY(3) + KEY_H_MM + height(withHalls(interconnect, halls));
  const fits = (halls: Tree[]) => bottom(halls) <= area.bottom + 1e-9;
  const given = interconnect.children[0]?.children ?? [];
  const halls = foldToFit(given, (t) => foldFurther(t, units), fits, height).map((h) => (fits([h]) ? h : tooTall(h)));
  // Halls in runs that fit a sheet, the site's two levels over each.
  const runs: Tree[][] = [];
  for (const hall of halls) {
    const run = runs.at(-1);
    if (run && fits([...run, hall])) run.push(hall);
    else runs.push([hall]);
  }
  if (!runs.length) runs.push([]);
  const folded = halls.map(countFolded).reduce((a, b) => ({ rowGroups: a.rowGroups + b.rowGroups, sources: a.sources + b.sources }), { rowGroups: 0, sources: 0 });
  return runs.map((run, i) => {
    const notes = [
      folded.rowGroups || folded.sources
        ? `Folded to fit: ${countOf(folded.rowGroups, 'row group')} and ${countOf(folded.sources, 'source')} are drawn in shaded boxes that stand for several ("folded", "n ×"); the Single line table lists each.`
        : 'Every source and row group is drawn; the Single line table lists the same rows.',
      ...(runs.length > 1 ? [`Halls ${halls.indexOf(run[0]!) + 1}–${halls.indexOf(run.at(-1)!) + 1} of ${halls.length} (drawing ${i + 1} of ${runs.length}).`] : []),
    ];
    const { header, key, placed } = drawing(run, notes, i > 0);
    return { header, key, nodes: placed.nodes, wires: placed.wires, feedMarks: placed.feedMarks, foldedRowGroups: folded.rowGroups, foldedSources: folded.sources };
  });
}

/**
 * The halls folded as little as lets them fit together: the tallest hall that can still be
 * folded is folded one step further (its row groups, then its longest run of alike
 * sources) until all fit or nothing is left to fold.
 */
function foldToFit(halls: Tree[], further: (t: Tree) => Tree | null, fit: (halls: Tree[]) => boolean, height: (t: Tree) => number): Tree[] {
  const shown = [...halls];
  const done = new Set<number>();
  while (!fit(shown) && done.size < shown.length) {
    const open = shown.map((h, i) => i).filter((i) => !done.has(i));
    const tallest = open.reduce((a, b) => (height(shown[b]!) > height(shown[a]!) ? b : a));
    const next = further(shown[tallest]!);
    if (next) shown[tallest] = next;
    else done.add(tallest);
  }
  return shown;
}

/** How many row groups and sources of the chain the folded boxes stand for. */
function countFolded(t: Tree): { rowGroups: number; sources: number } {
  const own = !t.folded ? { rowGroups: 0, sources: 0 } : { rowGroups: t.rows.filter((r) => r.level === 'loads').length, sources: t.rows.filter((r) => r.level === 'source').length };
  return t.children.map(countFolded).reduce((a, b) => ({ rowGroups: a.rowGroups + b.rowGroups, sources: a.sources + b.sources }), own);
}
