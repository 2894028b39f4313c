import { it, expect } from 'vitest';
import { sampleSmall } from '../shared/samples';
import { buildModel } from '../shared/optimizer/model';
it('infra only', () => {
  const doc = sampleSmall();
  const hall = doc.halls[0]!;
  const keep = hall.retrofitOptions.find((o) => o.kind === 'keep-mining')!;
  const inHall = doc.placements.filter((p) => p.hallId === hall.id);
  console.log('models in hall', [...new Set(inHall.map((p) => p.modelId))], 'keep model', keep.modelId, 'keep maxUnits', keep.maxUnits);
  const other = doc.placements.find((p) => p.hallId === hall.id && p.modelId !== keep.modelId);
  doc.placements = doc.placements.filter((p) => p.hallId !== hall.id || p === other);
  console.log('kept placements', doc.placements.filter((p) => p.hallId === hall.id).map((p) => p.modelId));
  console.log('keep maxUnits now', buildModel(doc, 'expected').halls[0]!.keep?.maxUnits);
});
