import { describe, expect, it } from 'vitest';
import { buildModel, v } from '../../shared/optimizer/model';
import { sampleSmall } from '../../shared/samples';

describe('optimizer model', () => {
  it('an option that does what another does for more capex is never chosen, so it gets no variables', () => {
    const doc = sampleSmall();
    const hall = doc.halls[0]!;
    const ai = hall.retrofitOptions.find((o) => o.kind === 'retrofit-ai')!;
    hall.retrofitOptions = [...hall.retrofitOptions, { ...ai, id: 'ai-dear', name: 'Same racks, dearer builder', capexUsd: ai.capexUsd + 1 }, { ...ai, id: 'ai-twin', name: 'Same racks, same price' }];
    const built = buildModel(doc, 'expected');
    const names = (id: string) => built.halls[0]!.starts.filter((o) => o.option.id === id);
    expect(names(ai.id)).toHaveLength(1);
    expect(names('ai-dear')).toHaveLength(0);
    // Equal in every way: the first listed stays, its twin goes.
    expect(names('ai-twin')).toHaveLength(0);
    const dearIndex = hall.retrofitOptions.findIndex((o) => o.id === 'ai-dear');
    expect(built.lp.binaries.has(v.start(0, dearIndex, 0))).toBe(false);
    expect(built.lp.binaries.has(v.start(0, hall.retrofitOptions.indexOf(ai), 0))).toBe(true);

    // A cheaper copy takes over from the original.
    const cheaper = sampleSmall();
    cheaper.halls[0]!.retrofitOptions = [...cheaper.halls[0]!.retrofitOptions, { ...ai, id: 'ai-cheap', capexUsd: ai.capexUsd - 1 }];
    expect(buildModel(cheaper, 'expected').halls[0]!.starts.map((o) => o.option.id)).toContain('ai-cheap');
    expect(buildModel(cheaper, 'expected').halls[0]!.starts.map((o) => o.option.id)).not.toContain(ai.id);
  });
});
