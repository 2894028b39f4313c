import { describe, expect, it } from 'vitest';
import { fromPlacementColumns, fromWireDoc, placementColumnsProblem, toPlacementColumns, toWireDoc, WireDocSchema } from '../../../shared/ipc/placement-columns';
import { PlacementSchema, type Placement } from '../../../shared/model/schema';
import { generateFleet, sampleSmall } from '../../../shared/samples';

const rack = (id: string, over: Partial<Placement> = {}): Placement => ({ id, hallId: 'h1', modelId: 'm1', xM: 1.5, yM: -2.25, rotationDeg: 90, powerSourceId: null, powerSourceBId: null, label: id, ...over });

describe('placements as columns', () => {
  it('sends each repeated id once and gives back the same placements, in order, nulls kept', () => {
    const placements = [rack('a'), rack('b', { hallId: 'h2', powerSourceId: 'a', powerSourceBId: 'c', rotationDeg: 270 }), rack('c', { powerSourceId: 'a', label: '' })];
    const columns = toPlacementColumns(placements);
    expect(columns.hallId).toEqual({ values: ['h1', 'h2'], index: [0, 1, 0] });
    expect(columns.powerSourceId).toEqual({ values: ['a'], index: [-1, 0, 0] });
    expect(columns.powerSourceBId).toEqual({ values: ['c'], index: [-1, 0, -1] });
    expect(fromPlacementColumns(columns)).toEqual(placements);
    expect(placementColumnsProblem(columns)).toBeNull();
  });

  it('round-trips whole fleets through JSON, each placement still what the model schema accepts', () => {
    for (const doc of [sampleSmall(), generateFleet({ placements: 5000, seed: 3 })]) {
      const wire = JSON.parse(JSON.stringify(toWireDoc(doc)));
      expect(WireDocSchema.safeParse(wire).success).toBe(true);
      const back = fromWireDoc(wire);
      expect(back).toEqual(doc);
      for (const p of back.placements) PlacementSchema.parse(p);
    }
    expect(fromPlacementColumns(toPlacementColumns([]))).toEqual([]);
  });

  it('refuses columns that are not placements, naming the column and the entry', () => {
    const good = () => JSON.parse(JSON.stringify(toPlacementColumns([rack('a'), rack('b', { powerSourceId: 'a' })])));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case spoils the columns in its own way
    const cases: [(c: Record<string, any>) => void, string][] = [
      [(c) => c.xM.pop(), 'xM has 1 entries for 2 placements'],
      [(c) => (c.yM[1] = null), 'yM[1] is not valid'],
      [(c) => (c.xM[0] = 100_000.001), 'xM[0] is not valid'],
      [(c) => (c.rotationDeg[0] = 45), 'rotationDeg[0] is not valid'],
      [(c) => (c.id[1] = ''), 'id[1] is not valid'],
      [(c) => (c.id[1] = 'x'.repeat(65)), 'id[1] is not valid'],
      [(c) => (c.label[0] = 'x'.repeat(101)), 'label[0] is not valid'],
      [(c) => (c.hallId.index[1] = 1), 'hallId.index[1] is not valid'],
      [(c) => (c.hallId.index[1] = -1), 'hallId.index[1] is not valid'],
      [(c) => (c.powerSourceId.index[1] = 0.5), 'powerSourceId.index[1] is not valid'],
      [(c) => (c.modelId.values = 'm1'), 'modelId.values is not a list'],
      [(c) => delete c.powerSourceBId, 'powerSourceBId is not an id column'],
      [(c) => (c.colour = []), 'unknown column "colour"'],
    ];
    for (const [spoil, problem] of cases) {
      const columns = good();
      spoil(columns);
      expect(placementColumnsProblem(columns)).toBe(problem);
    }
    // Exactly on the coordinate ceiling is a coordinate.
    const edge = good();
    edge.xM[0] = 100_000;
    edge.yM[1] = -100_000;
    expect(placementColumnsProblem(edge)).toBeNull();
    expect(placementColumnsProblem(null)).toBe('placements are not columns');
    expect(placementColumnsProblem({ id: 'a' })).toBe('id is not a list');
  });
});
