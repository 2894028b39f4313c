/**
 * A uniform-grid spatial index over rectangles: which objects lie in (or near) an area,
 * in time proportional to the cells it covers, not to the number of objects. Plain
 * arrays per cell and a per-search stamp to de-duplicate hits, so building it for
 * 100,000 items and asking for one item's neighbours allocate almost nothing. The
 * constraint checker's neighbour searches and the editor's hit-testing and culling use it.
 */
import type { Rect } from './footprint';

interface Entry<T> {
  item: T;
  rect: Rect;
  keys: number[];
  stamp: number;
}

export class SpatialIndex<T> {
  private readonly cells = new Map<number, Entry<T>[]>();
  private readonly entries = new Map<T, Entry<T>>();
  private stamp = 0;

  constructor(private readonly cellM: number) {}

  private keys(r: Rect): number[] {
    const x0 = Math.floor(r.minX / this.cellM);
    const x1 = Math.floor(r.maxX / this.cellM);
    const y0 = Math.floor(r.minY / this.cellM);
    const y1 = Math.floor(r.maxY / this.cellM);
    const out: number[] = [];
    // Cells are at most ±2^20 in each axis, enough for any hall at any sensible cell size.
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) out.push((cx + 1_048_576) * 2_097_152 + (cy + 1_048_576));
    return out;
  }

  insert(item: T, rect: Rect): void {
    this.remove(item);
    const entry: Entry<T> = { item, rect, keys: this.keys(rect), stamp: 0 };
    this.entries.set(item, entry);
    for (const k of entry.keys) {
      const cell = this.cells.get(k);
      if (cell) cell.push(entry);
      else this.cells.set(k, [entry]);
    }
  }

  remove(item: T): void {
    const entry = this.entries.get(item);
    if (!entry) return;
    this.entries.delete(item);
    for (const k of entry.keys) {
      const cell = this.cells.get(k)!;
      cell.splice(cell.indexOf(entry), 1);
      if (cell.length === 0) this.cells.delete(k);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Items other than `except` whose rectangle intersects `area` (edges touching count). */
  search(area: Rect, except?: T): T[] {
    const stamp = ++this.stamp;
    const found: T[] = [];
    const x0 = Math.floor(area.minX / this.cellM);
    const x1 = Math.floor(area.maxX / this.cellM);
    const y0 = Math.floor(area.minY / this.cellM);
    const y1 = Math.floor(area.maxY / this.cellM);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const cell = this.cells.get((cx + 1_048_576) * 2_097_152 + (cy + 1_048_576));
        if (!cell) continue;
        for (const e of cell) {
          if (e.stamp === stamp) continue;
          e.stamp = stamp;
          const r = e.rect;
          if (e.item !== except && r.minX <= area.maxX && area.minX <= r.maxX && r.minY <= area.maxY && area.minY <= r.maxY) found.push(e.item);
        }
      }
    }
    return found;
  }
}
