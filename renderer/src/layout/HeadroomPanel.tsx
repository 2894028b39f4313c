import { formatQuantity, kwToMw } from '../../../shared/units';
import { HEADROOM_SPECS, type Headroom } from '../../../shared/constraints';
import { withSourcesAbove } from '../../../shared/model/power-chain';
import { useFleet } from '../state/store';

/** Load against capacity for the selected units' power chain, the zones, the hall (feed, plant, CDUs, facility water) and its site. */
export function HeadroomPanel() {
  const doc = useFleet((s) => s.document?.doc);
  const headroom = useFleet((s) => s.checks.headroom);
  const hallId = useFleet((s) => s.selectedHallId);
  const selection = useFleet((s) => s.selection);
  if (!doc || !hallId) return null;
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return null;
  const zoneIds = new Set(doc.zones.filter((z) => z.hallId === hallId).map((z) => z.id));
  // The selected units' sources and every source above them, A and B: each level of their power chain.
  const byId = new Map(doc.placements.map((p) => [p.id, p]));
  const chain = withSourcesAbove(selection, (id) => byId.get(id));
  const shown = headroom.filter(
    (h) =>
      (h.kind === 'power-source' && chain.has(h.id)) ||
      ((h.kind === 'zone-air' || h.kind === 'zone-liquid') && zoneIds.has(h.id)) ||
      ((h.kind === 'hall-power' || h.kind === 'hall-cooling' || h.kind === 'hall-liquid' || h.kind === 'facility-water') && h.id === hallId) ||
      ((h.kind === 'site-interconnect' || h.kind === 'site-transformer') && h.id === hall.siteId),
  );
  const units = doc.fleet.unitSystem;
  return (
    <section className="headroom" aria-label="Headroom" data-testid="headroom">
      <h3>Headroom</h3>
      {shown.map((h: Headroom) => {
        const used = h.capacity > 0 ? Math.min(1, h.load / h.capacity) : 1;
        // A site's grid reads in MW, as in the tree and the site's inspector; the rest in their own unit (kVA for a source).
        const site = h.kind === 'site-interconnect' || h.kind === 'site-transformer';
        const amount = (v: number) => (site ? formatQuantity(kwToMw(v), 'largePower', units, 2) : formatQuantity(v, h.quantity, units, 0));
        return (
          <div key={`${h.kind}:${h.id}`} className="headroom-row" data-testid={`headroom-${h.kind}-${h.id}`} data-headroom-kw={h.headroom}>
            <div className="headroom-label">
              <span>{HEADROOM_SPECS[h.kind].label}: {h.name}</span>
              <span className={h.headroom < 0 ? 'error' : 'muted'}>{h.headroom < 0 ? `over by ${amount(-h.headroom)}` : `${amount(h.headroom)} left`}</span>
            </div>
            <progress max={1} value={used} className={h.headroom < 0 ? 'over' : used > 0.9 ? 'tight' : ''} aria-label={`${amount(h.load)} of ${amount(h.capacity)}`} />
          </div>
        );
      })}
    </section>
  );
}
