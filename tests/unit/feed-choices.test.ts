import { describe, expect, it } from 'vitest';
import { problemsAfterEdit } from '../../shared/model/integrity';
import { sourcesThatCanFeed } from '../../shared/model/load';
import type { FleetDoc, Placement } from '../../shared/model/schema';
import { applyCommand } from '../../shared/commands/apply';
import { builtInModel } from '../../shared/catalog';
import { sampleSmall } from '../../shared/samples';

/** The small sample (PDU 1.1 → Busway 1 → two GB200 racks; the miners' runs Busway M… fed from nothing) with a transformer added. */
function withTransformer(): { doc: FleetDoc; tx: Placement } {
  const doc = sampleSmall();
  const model = builtInModel('xfmr-2500');
  const tx: Placement = { id: 'tx', hallId: 'sm-h1', modelId: model.id, xM: 10, yM: 12, rotationDeg: 0, powerSourceId: null, powerSourceBId: null, label: 'TX1' };
  if (!doc.models.some((m) => m.id === model.id)) doc.models.push(model);
  doc.placements.push(tx);
  return { doc, tx };
}

const ids = (ps: Placement[]) => ps.map((p) => p.id).sort();

describe('the sources a unit may be fed from, as an edit accepts them', () => {
  it('a transformer: none of the PDU or busways below its class; a PDU: the transformer or the miners\' run (a busway is of its class), not the busway it feeds', () => {
    const { doc, tx } = withTransformer();
    expect(sourcesThatCanFeed(doc, tx)).toEqual([]);
    const pdu = doc.placements.find((p) => p.modelId === 'pdu-400')!;
    expect(ids(sourcesThatCanFeed(doc, pdu))).toEqual(['sm-mbw1', 'tx']);
  });
  it('a rack: every source of its hall; a busway: not itself, and not a source it feeds', () => {
    const { doc } = withTransformer();
    const rack = doc.placements.find((p) => p.modelId === 'nvl72-gb200')!;
    const all = ids(doc.placements.filter((p) => ['pdu-400', 'busway-800', 'busway-1250', 'xfmr-2500'].includes(p.modelId)));
    expect(ids(sourcesThatCanFeed(doc, rack))).toEqual(all);
    // Busway 1 feeding a second busway: that one cannot feed Busway 1 back.
    const bw1 = doc.placements.find((p) => p.id === 'sm-bw1')!;
    const bw2: Placement = { ...bw1, id: 'bw2', label: 'Busway 2', yM: 9, powerSourceId: 'sm-bw1' };
    doc.placements.push(bw2);
    expect(ids(sourcesThatCanFeed(doc, bw1))).not.toContain('bw2');
    expect(ids(sourcesThatCanFeed(doc, bw1))).not.toContain('sm-bw1');
  });
  it('every choice offered is one the edit accepts', () => {
    const { doc } = withTransformer();
    for (const unit of doc.placements) {
      for (const source of sourcesThatCanFeed(doc, unit)) {
        const after = applyCommand(doc, { type: 'update', table: 'placements', id: unit.id, patch: { powerSourceId: source.id } }).doc;
        expect(problemsAfterEdit(doc, after), `${unit.label} from ${source.label}`).toEqual([]);
      }
    }
  });
});
