import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../shared/model/integrity';
import { placementNamer } from '../../../shared/model/placement-names';
import { sampleSmall } from '../../../shared/samples';

describe('placements named in messages', () => {
  it('by label, then with model, then hall, and by id only where nothing else tells them apart', () => {
    const doc = sampleSmall();
    const pdu = doc.placements.find((p) => p.id === 'sm-pdu01-01')!;
    const hall2 = { ...doc.halls[0]!, id: 'h2', name: 'Hall Two' };
    doc.halls.push(hall2);
    doc.placements.push(
      { ...pdu, id: 'p-other-hall', hallId: 'h2' },
      { ...pdu, id: 'p-twin-1', hallId: 'h2', label: '' },
      { ...pdu, id: 'p-twin-2', hallId: 'h2', label: '' },
      { ...pdu, id: 'p-lone', label: '', modelId: 'busway-1250' },
    );
    const name = placementNamer(doc);
    const byId = (id: string) => name(doc.placements.find((p) => p.id === id)!);
    const pduName = doc.models.find((m) => m.id === 'pdu-400')!.name;
    const hall1 = doc.halls[0]!.name;
    expect(byId('sm-bw1')).toBe('Busway 1');
    expect(byId('sm-m01-02')).toBe(`1.2 (${doc.models.find((m) => m.id === 'rack-s21xp')!.name})`);
    expect([byId('sm-pdu01-01'), byId('p-other-hall')]).toEqual([`1.1 (${pduName} in ${hall1})`, `1.1 (${pduName} in Hall Two)`]);
    expect(byId('p-lone')).toBe(`the ${doc.models.find((m) => m.id === 'busway-1250')!.name}`);
    expect([byId('p-twin-1'), byId('p-twin-2')]).toEqual([`a ${pduName} in Hall Two (id "p-twin-1")`, `a ${pduName} in Hall Two (id "p-twin-2")`]);
    // The first names walk the placements for their label, later ones count every label once: the same names either way.
    const forward = doc.placements.map(placementNamer(doc));
    const backward = [...doc.placements].reverse().map(placementNamer(doc)).reverse();
    expect(backward).toEqual(forward);
    // A file being read (placements it walks from the disk, not a list) is counted, never walked per name.
    const reading = { ...doc, placements: { [Symbol.iterator]: () => doc.placements[Symbol.iterator]() } };
    expect(doc.placements.map(placementNamer(reading))).toEqual(forward);
  });

  it('a loop of sources reads by their labels, not internal ids', () => {
    const doc = sampleSmall();
    const busway = doc.placements.find((p) => p.id === 'sm-bw1')!;
    doc.placements.push(
      { ...busway, id: 'p-ilzxe0vr', label: 'BW1', powerSourceId: 'p-twixoi61' },
      { ...busway, id: 'p-twixoi61', label: 'BW2', powerSourceId: 'p-ilzxe0vr' },
    );
    expect(checkIntegrity(doc).map((p) => p.message)).toEqual(['power sources form a loop: BW1 → BW2 → BW1']);
  });
});
