/** A fleet holds at most MAX_SCENARIOS price scenarios: an edit past it is refused in words, the document unchanged. */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/commands/apply';
import { MAX_SCENARIOS } from '../../../shared/model/schema';
import { sampleCampus } from '../../../shared/samples';

const copies = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ ...sampleCampus().scenarios[0]!, id: `extra-${from + i}`, name: `Extra ${from + i}` }));

describe('the number of price scenarios', () => {
  it(`adds scenarios up to ${MAX_SCENARIOS} and refuses one more, saying how many it would make`, () => {
    const doc = sampleCampus();
    const room = MAX_SCENARIOS - doc.scenarios.length;
    const full = applyCommand(doc, { type: 'insert', entities: { table: 'scenarios', items: copies(0, room) } }).doc;
    expect(full.scenarios).toHaveLength(MAX_SCENARIOS);
    expect(() => applyCommand(full, { type: 'insert', entities: { table: 'scenarios', items: copies(room, 1) } })).toThrow(
      'A fleet holds at most 50 price scenarios, and this would make 51: remove some first',
    );
    expect(full.scenarios).toHaveLength(MAX_SCENARIOS);
  });
});
