/**
 * Which content an open document holds, as far as undo and redo can tell. An edit that
 * is exactly the inverse of the last one brings back the content before it; one that
 * repeats the edit last undone brings back the content after it; anything else is new
 * content. So undoing back to what was saved reads as saved again, and the title loses
 * its unsaved mark. Edits compare as canonical JSON: the renderer builds its undo from its
 * own copy of the document, whose objects may list their keys in another order.
 */
import type { Command } from '../../../shared/commands/schema';
import { canonicalJson } from '../../../shared/io/canonical-json';

interface Step {
  forward: string;
  inverse: string;
  before: number;
  after: number;
}

/** As deep as the renderer's undo history: older steps can no longer be undone there. */
const DEPTH = 500;

export class EditTrail {
  private readonly done: Step[] = [];
  private undone: Step[] = [];

  constructor(private current: number) {}

  /** The content now held: equal numbers mean equal documents. */
  get content(): number {
    return this.current;
  }

  /** Records an applied edit and its inverse; `fresh` names the content if it is new. */
  record(forward: Command, inverse: Command, fresh: number): void {
    const json = canonicalJson(forward);
    const last = this.done.at(-1);
    if (last && last.inverse === json) {
      this.undone.push(this.done.pop()!);
      this.current = last.before;
      return;
    }
    const next = this.undone.at(-1);
    if (next && next.forward === json) {
      this.done.push(this.undone.pop()!);
      this.current = next.after;
      return;
    }
    this.undone = [];
    this.done.push({ forward: json, inverse: canonicalJson(inverse), before: this.current, after: fresh });
    if (this.done.length > DEPTH) this.done.shift();
    this.current = fresh;
  }
}
