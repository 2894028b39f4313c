/** A site plan: its halls where they stand, coloured by use; click one to open its floor plan. */
import { useFleet } from '../state/store';
import { computeTotals } from '../../../shared/model/totals';
import { formatQuantity } from '../../../shared/units';

const USE_FILL = { mining: '#e0a030', ai: '#3f9d5b', idle: '#adb5bd' } as const;

export function SiteView({ siteId }: { siteId: string }) {
  const doc = useFleet((s) => s.document?.doc);
  const selectHall = useFleet((s) => s.selectHall);
  const site = doc?.sites.find((s) => s.id === siteId);
  if (!doc || !site) return null;
  const units = doc.fleet.unitSystem;
  const halls = doc.halls.filter((h) => h.siteId === siteId);
  const margin = Math.max(site.widthM, site.depthM) * 0.04;
  return (
    <div className="site-view" data-testid="site-view">
      <svg viewBox={`${-margin} ${-margin} ${site.widthM + 2 * margin} ${site.depthM + 2 * margin}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label={`Site plan of ${site.name}`}>
        <rect x={0} y={0} width={site.widthM} height={site.depthM} className="site-boundary" />
        {halls.map((h) => {
          const t = computeTotals(doc, { hallId: h.id });
          return (
            <g key={h.id} className="site-hall" onClick={() => selectHall(h.id)} data-testid={`site-hall-${h.id}`} role="button" aria-label={`Open ${h.name}`}>
              <rect x={h.siteXM} y={h.siteYM} width={h.widthM} height={h.depthM} fill={USE_FILL[h.currentUse]} />
              <text x={h.siteXM + h.widthM / 2} y={h.siteYM + h.depthM / 2} textAnchor="middle" fontSize={Math.max(site.widthM, site.depthM) / 45}>
                {h.name}
              </text>
              <text x={h.siteXM + h.widthM / 2} y={h.siteYM + h.depthM / 2 + Math.max(site.widthM, site.depthM) / 35} textAnchor="middle" fontSize={Math.max(site.widthM, site.depthM) / 60}>
                {t.itMw.toFixed(2)} MW · {h.currentUse}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="muted site-caption">{site.name}: {formatQuantity(site.widthM, 'length', units, 0)} × {formatQuantity(site.depthM, 'length', units, 0)}, interconnect {formatQuantity(site.interconnectMw, 'largePower', units, 2)}, transformers {formatQuantity(site.transformerCapacityMw, 'largePower', units, 2)}. Click a hall to open its floor plan.</p>
    </div>
  );
}
