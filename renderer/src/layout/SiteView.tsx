/** A site plan: its halls where they stand, coloured by use; click one to open its floor plan. */
import { useFleet } from '../state/store';
import { computeTotals } from '../../../shared/model/totals';
import { formatQuantity } from '../../../shared/units';
import { fitLabel } from '../../../shared/print/fit-label';
import { USE_COLOURS } from '../charts/use-colours';

/** Dark on the light use colours, in either theme. */
const LABEL_INK = '#111';

export function SiteView({ siteId }: { siteId: string }) {
  const doc = useFleet((s) => s.document?.doc);
  const selectHall = useFleet((s) => s.selectHall);
  const site = doc?.sites.find((s) => s.id === siteId);
  if (!doc || !site) return null;
  const units = doc.fleet.unitSystem;
  const halls = doc.halls.filter((h) => h.siteId === siteId);
  const siteSize = Math.max(site.widthM, site.depthM);
  const margin = siteSize * 0.04;
  return (
    <div className="site-view" data-testid="site-view">
      <svg viewBox={`${-margin} ${-margin} ${site.widthM + 2 * margin} ${site.depthM + 2 * margin}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label={`Site plan of ${site.name}`}>
        <rect x={0} y={0} width={site.widthM} height={site.depthM} className="site-boundary" />
        {halls.map((h) => {
          const t = computeTotals(doc, { hallId: h.id });
          const detail = `${t.itMw.toFixed(2)} MW · ${h.currentUse}`;
          // Inside the outline (the full name is in the tooltip).
          const name = fitLabel(h.name, h.widthM * 0.92, siteSize / 45, siteSize / 80);
          const line2 = fitLabel(detail, h.widthM * 0.92, siteSize / 60, siteSize / 90);
          return (
            <g key={h.id} className="site-hall" onClick={() => selectHall(h.id)} data-testid={`site-hall-${h.id}`} role="button" aria-label={`Open ${h.name}`}>
              <title>{`${h.name}: ${detail}`}</title>
              <rect x={h.siteXM} y={h.siteYM} width={h.widthM} height={h.depthM} fill={USE_COLOURS[h.currentUse]} />
              <text x={h.siteXM + h.widthM / 2} y={h.siteYM + h.depthM / 2} textAnchor="middle" fontSize={name.size} fill={LABEL_INK}>
                {name.text}
              </text>
              <text x={h.siteXM + h.widthM / 2} y={h.siteYM + h.depthM / 2 + line2.size * 1.4} textAnchor="middle" fontSize={line2.size} fill={LABEL_INK}>
                {line2.text}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="muted site-caption">{site.name}: {formatQuantity(site.widthM, 'length', units, 0)} × {formatQuantity(site.depthM, 'length', units, 0)}, interconnect {formatQuantity(site.interconnectMw, 'largePower', units, 2)}, transformers {formatQuantity(site.transformerCapacityMw, 'largePower', units, 2)}. Click a hall to open its floor plan.</p>
    </div>
  );
}
