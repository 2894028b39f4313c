import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../../shared/io/json-pieces';
import { toWireDoc } from '../../../shared/ipc/placement-columns';
import { generateFleet } from '../../../shared/samples';

const joined = (value: unknown, batch?: number): string => [...jsonPieces(value, batch)].join('');

describe('JSON in pieces', () => {
  it('joins to exactly JSON.stringify of any JSON value, lists split at any batch size', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 5 }), (value, batch) => {
        expect(joined(value, batch)).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON.stringify leaves out and writes what it writes as null', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Number.NaN, -0, Infinity, 1, 2, 3], d: new Date(0), e: { f: [1, 2, 3, 4] } };
    expect(joined(value, 2)).toBe(JSON.stringify(value));
  });

  it('writes a fleet of 20,000 placements as columns in pieces of at most one batch of a column', () => {
    const wire = { id: 1, ok: true, result: { doc: toWireDoc(generateFleet({ placements: 20_000, seed: 2 })) } };
    const pieces = [...jsonPieces(wire, 1000)];
    expect(pieces.join('')).toBe(JSON.stringify(wire));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(JSON.stringify(wire).length / 10);
  });
});
