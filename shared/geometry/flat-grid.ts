/**
 * A read-only uniform grid over rectangles, built in one go from flat coordinates: the
 * full constraint check's neighbour search. Where SpatialIndex keeps objects and hash maps
 * so single items can move, this keeps cell contents in two typed arrays (counting sort:
 * counts, then offsets, then item numbers), so indexing 100,000 rectangles allocates a few
 * arrays instead of hundreds of thousands of objects. It answers the same question as
 * SpatialIndex.search: which rectangles touch an area, edges included.
 */

/** Cells per item at most (plus a few), so a huge hall with few items cannot blow up memory. */
const MAX_CELLS_PER_ITEM = 4;

export class FlatGrid {
  /** Item numbers found by the last `near` call, in [0, count). */
  found = new Int32Array(64);
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;
  private readonly stamps: Int32Array;
  private stamp = 0;
  private readonly nx: number;
  private readonly ny: number;
  private readonly cellM: number;

  /**
   * `rects` holds `count` rectangles as minX, minY, maxX, maxY. Cells cover `bounds` (the hall);
   * rectangles beyond it fall in the edge cells, which costs time but never a miss.
   */
  constructor(
    private readonly rects: Float64Array,
    count: number,
    private readonly originX: number,
    private readonly originY: number,
    widthM: number,
    depthM: number,
    cellM: number,
  ) {
    const w = Number.isFinite(widthM) ? Math.max(widthM, 0) : 0;
    const d = Number.isFinite(depthM) ? Math.max(depthM, 0) : 0;
    let size = cellM;
    const budget = MAX_CELLS_PER_ITEM * count + 64;
    while ((Math.floor(w / size) + 1) * (Math.floor(d / size) + 1) > budget) size *= 2;
    this.cellM = size;
    this.nx = Math.floor(w / size) + 1;
    this.ny = Math.floor(d / size) + 1;
    this.stamps = new Int32Array(count);
    const cellCount = this.nx * this.ny;
    const counts = new Int32Array(cellCount + 1);
    for (let i = 0; i < count; i++) {
      const x0 = this.cx(rects[4 * i]!);
      const x1 = this.cx(rects[4 * i + 2]!);
      const y0 = this.cy(rects[4 * i + 1]!);
      const y1 = this.cy(rects[4 * i + 3]!);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) counts[x * this.ny + y + 1]!++;
    }
    for (let c = 0; c < cellCount; c++) counts[c + 1]! += counts[c]!;
    this.cellStart = counts;
    const next = counts.slice(0, cellCount);
    this.cellItems = new Int32Array(counts[cellCount]!);
    for (let i = 0; i < count; i++) {
      const x0 = this.cx(rects[4 * i]!);
      const x1 = this.cx(rects[4 * i + 2]!);
      const y0 = this.cy(rects[4 * i + 1]!);
      const y1 = this.cy(rects[4 * i + 3]!);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) this.cellItems[next[x * this.ny + y]!++] = i;
    }
  }

  // Clamping is monotonic, so a rectangle and an area that touch always share a cell;
  // NaN lands in cell 0 and then fails the exact test, as it fails SpatialIndex's.
  private cx(x: number): number {
    const c = Math.floor((x - this.originX) / this.cellM);
    return c >= 0 ? (c < this.nx ? c : this.nx - 1) : 0;
  }

  private cy(y: number): number {
    const c = Math.floor((y - this.originY) / this.cellM);
    return c >= 0 ? (c < this.ny ? c : this.ny - 1) : 0;
  }

  /**
   * Items other than `except` whose rectangle touches the area (edges included), each once:
   * returns how many, written to `found`.
   */
  near(minX: number, minY: number, maxX: number, maxY: number, except: number): number {
    const stamp = ++this.stamp;
    const r = this.rects;
    let n = 0;
    const x0 = this.cx(minX);
    const x1 = this.cx(maxX);
    const y0 = this.cy(minY);
    const y1 = this.cy(maxY);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const cell = x * this.ny + y;
        for (let k = this.cellStart[cell]!, end = this.cellStart[cell + 1]!; k < end; k++) {
          const i = this.cellItems[k]!;
          if (this.stamps[i] === stamp) continue;
          this.stamps[i] = stamp;
          if (i !== except && r[4 * i]! <= maxX && minX <= r[4 * i + 2]! && r[4 * i + 1]! <= maxY && minY <= r[4 * i + 3]!) {
            if (n === this.found.length) {
              const grown = new Int32Array(n * 2);
              grown.set(this.found);
              this.found = grown;
            }
            this.found[n++] = i;
          }
        }
      }
    }
    return n;
  }
}
