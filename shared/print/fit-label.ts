/**
 * Text fitting by estimate, shared by the pure print layout (shared/print/sheets.ts) and the
 * renderer (site plan, charts): the layout must know how wide a text is to keep it inside
 * its box, and shared code cannot import the renderer.
 */

/**
 * Labels that stay inside their box: smaller down to a readable minimum, then cut with an
 * ellipsis. Text width is estimated from the character count (a sans-serif character is
 * about 0.6 em wide, bold about 0.62), which is all an SVG built without a layout engine
 * can know.
 */
export function fitLabel(text: string, width: number, preferred: number, minimum: number, emPerChar = 0.6): { text: string; size: number } {
  const size = Math.max(minimum, Math.min(preferred, width / (emPerChar * Math.max(1, text.length))));
  // The epsilon keeps a text shrunk to fit exactly from being cut by rounding.
  const fits = Math.floor(width / (emPerChar * size) + 1e-9);
  return { text: text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`, size };
}

/** Splits a text in two at the space nearest its middle, for a label given two lines. */
export function splitInTwo(text: string): [string, string] {
  const middle = text.length / 2;
  let best = -1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  return best === -1 ? [text, ''] : [text.slice(0, best), text.slice(best + 1)];
}

/** A tree's level as a table writes it before a name: non-breaking spaces, then the branch mark of a level below the first. */
export const treeIndent = (depth: number): string => `${'\u00a0'.repeat(2 * depth)}${depth ? '└ ' : ''}`;
const TREE_INDENT = /^\u00a0*(?:└ )?/;

/**
 * Breaks a text into lines no wider than `width` at `size` (same width estimate as
 * fitLabel), at spaces; a word longer than a line is cut with an ellipsis. For table
 * cells whose every word matters (an open violation), where cutting would lose it. A text
 * indented as a tree's level goes on under its first word, so its level still shows.
 */
export function wrapText(text: string, width: number, size: number, emPerChar = 0.6): string[] {
  const perLine = Math.max(1, Math.floor(width / (emPerChar * size) + 1e-9));
  const found = TREE_INDENT.exec(text)![0];
  // An indent over half the line would leave its words no room: the text wraps as plain text.
  const lead = found.length < perLine / 2 ? found : '';
  const hanging = '\u00a0'.repeat(lead.length);
  const lines: string[] = [];
  const indent = () => (lines.length ? hanging : lead);
  let line = '';
  for (const word of text.slice(lead.length).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (indent().length + next.length <= perLine) line = next;
    else {
      if (line) lines.push(`${indent()}${line}`);
      const room = perLine - indent().length;
      line = word.length <= room ? word : `${word.slice(0, Math.max(1, room - 1))}…`;
    }
  }
  if (line) lines.push(`${indent()}${line}`);
  return lines;
}
