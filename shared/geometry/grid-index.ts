/**
 * A uniform-grid spatial index over rectangles: which objects lie in (or near) an area,
 * in time proportional to the cells it covers, not to the number of objects. Used for
 * hit-testing and culling in the layout editor.
 */
import type { Rect } from './footprint';

export class GridIndex<T> {
  private readonly cells = new Map<number, Set<T>>();
  private readonly rects = new Map<T, Rect>();

  constructor(private readonly cellM: number) {}

  private key(cx: number, cy: number): number {
    // Cells are at most ±2^20 in each axis, enough for any site at any sensible cell size.
    return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  }

  private forCells(r: Rect, visit: (key: number) => void): void {
    const x0 = Math.floor(r.minX / this.cellM);
    const x1 = Math.floor(r.maxX / this.cellM);
    const y0 = Math.floor(r.minY / this.cellM);
    const y1 = Math.floor(r.maxY / this.cellM);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(this.key(cx, cy));
  }

  insert(item: T, rect: Rect): void {
    this.remove(item);
    this.rects.set(item, rect);
    this.forCells(rect, (k) => {
      let cell = this.cells.get(k);
      if (!cell) this.cells.set(k, (cell = new Set()));
      cell.add(item);
    });
  }

  remove(item: T): void {
    const rect = this.rects.get(item);
    if (!rect) return;
    this.rects.delete(item);
    this.forCells(rect, (k) => this.cells.get(k)?.delete(item));
  }

  /** Items whose rectangle intersects `area` (edges touching count). */
  search(area: Rect): T[] {
    const found = new Set<T>();
    this.forCells(area, (k) => {
      for (const item of this.cells.get(k) ?? []) {
        const r = this.rects.get(item)!;
        if (r.minX <= area.maxX && area.minX <= r.maxX && r.minY <= area.maxY && area.minY <= r.maxY) found.add(item);
      }
    });
    return [...found];
  }

  get size(): number {
    return this.rects.size;
  }
}
