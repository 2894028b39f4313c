/** The positional row readers of the large collections agree with the named ones. */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type Row } from '../../../db/tables';
import type { EntityTable } from '../../../shared/model/schema';
import { sampleSmall } from '../../../shared/samples';

describe('table mapping', () => {
  it.each(Object.keys(COLLECTIONS).filter((t) => COLLECTIONS[t as EntityTable].fromValues) as EntityTable[])(
    '%s: fromValues reads columns in order and shares reference strings',
    (table) => {
      const spec = COLLECTIONS[table];
      const seen: unknown[] = [];
      for (const item of sampleSmall()[table] as unknown[]) {
        const row = spec.toRow(item as never);
        const values = spec.columns.map((c) => row[c]);
        const fromValues = spec.fromValues!(values, (v) => (seen.push(v), v));
        expect(fromValues).toStrictEqual(spec.fromRow(Object.fromEntries(spec.columns.map((c, i) => [c, values[i]])) as Row));
        expect(fromValues).toStrictEqual(item);
      }
      expect(seen.length).toBeGreaterThan(0);
    },
  );
});
