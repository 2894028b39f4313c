import { formatQuantity, kwToMw } from '../../../shared/units';
import type { Headroom } from '../../../shared/constraints';
import { useFleet } from '../state/store';

const KIND_LABEL: Record<Headroom['kind'], string> = {
  pdu: 'Power source',
  'zone-air': 'Zone air',
  'zone-liquid': 'Zone liquid',
  'hall-power': 'Hall feed',
  'hall-cooling': 'Hall cooling',
  'hall-liquid': 'Hall CDUs',
  'facility-water': 'Facility water',
  'site-interconnect': 'Site grid (IT × PUE)',
  'site-transformer': 'Site transformers',
};

/** Load against capacity for the selected sources, their zones, the hall and its site. */
export function HeadroomPanel() {
  const doc = useFleet((s) => s.document?.doc);
  const headroom = useFleet((s) => s.checks.headroom);
  const hallId = useFleet((s) => s.selectedHallId);
  const selection = useFleet((s) => s.selection);
  if (!doc || !hallId) return null;
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return null;
  const zoneIds = new Set(doc.zones.filter((z) => z.hallId === hallId).map((z) => z.id));
  const selectedSources = new Set([...selection].flatMap((id) => {
    const p = doc.placements.find((q) => q.id === id);
    return p ? [p.id, ...(p.powerSourceId ? [p.powerSourceId] : [])] : [];
  }));
  const shown = headroom.filter(
    (h) =>
      (h.kind === 'pdu' && selectedSources.has(h.id)) ||
      ((h.kind === 'zone-air' || h.kind === 'zone-liquid') && zoneIds.has(h.id)) ||
      ((h.kind === 'hall-power' || h.kind === 'hall-cooling') && h.id === hallId) ||
      ((h.kind === 'site-interconnect' || h.kind === 'site-transformer') && h.id === hall.siteId),
  );
  const units = doc.fleet.unitSystem;
  return (
    <section className="headroom" aria-label="Headroom" data-testid="headroom">
      <h3>Headroom</h3>
      {shown.map((h) => {
        const used = h.capacity > 0 ? Math.min(1, h.load / h.capacity) : 1;
        // A site's grid reads in MW, as in the tree and the site's inspector; a hall's in kW.
        const site = h.kind === 'site-interconnect' || h.kind === 'site-transformer';
        const amount = (kw: number) => (site ? formatQuantity(kwToMw(kw), 'largePower', units, 2) : formatQuantity(kw, h.kind.includes('cooling') || h.kind.startsWith('zone') ? 'heat' : 'power', units, 0));
        return (
          <div key={`${h.kind}:${h.id}`} className="headroom-row" data-testid={`headroom-${h.kind}-${h.id}`} data-headroom-kw={h.headroom}>
            <div className="headroom-label">
              <span>{KIND_LABEL[h.kind]}: {h.name}</span>
              <span className={h.headroom < 0 ? 'error' : 'muted'}>{h.headroom < 0 ? `over by ${amount(-h.headroom)}` : `${amount(h.headroom)} left`}</span>
            </div>
            <progress max={1} value={used} className={h.headroom < 0 ? 'over' : used > 0.9 ? 'tight' : ''} aria-label={`${amount(h.load)} of ${amount(h.capacity)}`} />
          </div>
        );
      })}
    </section>
  );
}
