/**
 * A site's view: its plan, or its single line (the power chain, SingleLineView).
 * The plan shows its halls where they stand, coloured by use, over a grid with rulers.
 * Click a hall to open its floor plan; drag it to move it on the site (snapped, checked
 * live, one undo step; Escape drops nothing).
 */
import { useRef, useState } from 'react';
import { useFleet } from '../state/store';
import { computeTotals } from '../../../shared/model/totals';
import { formatQuantity, type UnitSystem } from '../../../shared/units';
import { fitLabel } from '../../../shared/print/fit-label';
import type { Hall, Site } from '../../../shared/model/schema';
import { USE_COLOURS } from '../charts/use-colours';
import { useCommands } from '../commands/commands';
import { dragHallTo, hallDropCommand, siteSnapM, startHallDrag, type HallDrag, type SitePoint } from './site-drag';
import { niceLengthStepM } from './viewport';
import { SingleLineView } from './SingleLineView';

/** Dark on the light use colours, in either theme. */
const LABEL_INK = '#111';

export function SiteView({ siteId }: { siteId: string }) {
  const [shown, setShown] = useState<'plan' | 'single-line'>('plan');
  return (
    <div className="site-view" data-testid="site-view">
      <div className="view-tabs site-tabs" role="tablist" aria-label="Site view">
        <button role="tab" aria-pressed={shown === 'plan'} onClick={() => setShown('plan')} data-testid="site-tab-plan">Site plan</button>
        <button role="tab" aria-pressed={shown === 'single-line'} onClick={() => setShown('single-line')} data-testid="site-tab-single-line">Single line</button>
      </div>
      {shown === 'plan' ? <SitePlan siteId={siteId} /> : <SingleLineView key={siteId} siteId={siteId} />}
    </div>
  );
}

function SitePlan({ siteId }: { siteId: string }) {
  const doc = useFleet((s) => s.document?.doc);
  const selectHall = useFleet((s) => s.selectHall);
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<HallDrag | null>(null);
  const [dropBreaks, setDropBreaks] = useState(false);
  const endDrag = () => {
    setDrag(null);
    useFleet.getState().showDropPreview([]);
  };
  useCommands({ clearSelection: endDrag });
  const site = doc?.sites.find((s) => s.id === siteId);
  if (!doc || !site) return null;
  const units = doc.fleet.unitSystem;
  const halls = doc.halls.filter((h) => h.siteId === siteId);
  const siteSize = Math.max(site.widthM, site.depthM);
  const margin = siteSize * 0.06;

  /** The pointer in site metres, through the SVG's own transform. */
  const toSite = (event: { clientX: number; clientY: number }): SitePoint => {
    const svg = svgRef.current!;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM()!.inverse());
    return { xM: point.x, yM: point.y };
  };
  const hallOf = (id: string) => halls.find((h) => h.id === id)!;

  const onPointerDown = (event: React.PointerEvent, hall: Hall) => {
    if (event.button !== 0) return;
    svgRef.current!.setPointerCapture(event.pointerId);
    setDrag(startHallDrag(hall, toSite(event)));
    setDropBreaks(false);
  };
  const onPointerMove = (event: React.PointerEvent) => {
    if (!drag) return;
    const hall = hallOf(drag.hallId);
    const next = dragHallTo(drag, hall, toSite(event), siteSnapM(units));
    if (next.siteXM !== drag.siteXM || next.siteYM !== drag.siteYM) {
      const command = hallDropCommand(next, hall);
      const { preview, showDropPreview } = useFleet.getState();
      const breaks = command === null ? [] : preview(command);
      showDropPreview(breaks);
      setDropBreaks(breaks.length > 0);
    }
    setDrag(next);
  };
  const onPointerUp = () => {
    if (!drag) return;
    const hall = hallOf(drag.hallId);
    endDrag();
    const command = hallDropCommand(drag, hall);
    if (command) void useFleet.getState().apply(command, `${hall.name}: position on the site`);
    else if (!drag.moved) selectHall(hall.id);
  };

  return (
    <>
      <svg
        ref={svgRef}
        viewBox={`${-margin} ${-margin} ${site.widthM + 2 * margin} ${site.depthM + 2 * margin}`}
        preserveAspectRatio="xMidYMid meet"
        role="img"
        aria-label={`Site plan of ${site.name}`}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        data-drop-breaks={drag?.moved ? String(dropBreaks) : undefined}
      >
        <rect x={0} y={0} width={site.widthM} height={site.depthM} className="site-boundary" />
        <SiteGrid site={site} units={units} margin={margin} />
        {halls.map((h) => {
          const dragged = drag?.hallId === h.id ? drag : null;
          const x = dragged ? dragged.siteXM : h.siteXM;
          const y = dragged ? dragged.siteYM : h.siteYM;
          const t = computeTotals(doc, { hallId: h.id });
          const detail = `${t.itMw.toFixed(2)} MW · ${h.currentUse}`;
          // Inside the outline (the full name is in the tooltip).
          const name = fitLabel(h.name, h.widthM * 0.92, siteSize / 45, siteSize / 80);
          const line2 = fitLabel(detail, h.widthM * 0.92, siteSize / 60, siteSize / 90);
          return (
            <g
              key={h.id}
              className={`site-hall${dragged?.moved ? ' dragging' : ''}${dragged?.moved && dropBreaks ? ' breaks' : ''}`}
              onPointerDown={(e) => onPointerDown(e, h)}
              data-testid={`site-hall-${h.id}`}
              role="button"
              aria-label={`Open ${h.name}, or drag it to move it on the site`}
            >
              <title>{`${h.name}: ${detail}`}</title>
              <rect x={x} y={y} width={h.widthM} height={h.depthM} fill={USE_COLOURS[h.currentUse]} />
              <text x={x + h.widthM / 2} y={y + h.depthM / 2} textAnchor="middle" fontSize={name.size} fill={LABEL_INK}>
                {name.text}
              </text>
              <text x={x + h.widthM / 2} y={y + h.depthM / 2 + line2.size * 1.4} textAnchor="middle" fontSize={line2.size} fill={LABEL_INK}>
                {line2.text}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="muted site-caption">
        {site.name}: {formatQuantity(site.widthM, 'length', units, 0)} × {formatQuantity(site.depthM, 'length', units, 0)}, interconnect {formatQuantity(site.interconnectMw, 'largePower', units, 2)}, transformers {formatQuantity(site.transformerCapacityMw, 'largePower', units, 2)}. Click a hall to open its floor plan; drag it to move it.
      </p>
    </>
  );
}

/** A grid over the site and rulers along its top and left edges, in the user's units. */
function SiteGrid({ site, units, margin }: { site: Site; units: UnitSystem; margin: number }) {
  const siteSize = Math.max(site.widthM, site.depthM);
  // About 40 grid cells and 8 ruler labels across the longer side, on a 1-2-5 step.
  const gridM = niceLengthStepM(40 / siteSize, 1, units);
  const labelM = niceLengthStepM(8 / siteSize, 1, units);
  const ticks = (length: number) => Array.from({ length: Math.floor(length / labelM + 1e-9) + 1 }, (_, i) => i * labelM);
  const font = margin * 0.32;
  return (
    <g className="site-grid" aria-hidden="true">
      <defs>
        <pattern id={`site-grid-${site.id}`} width={gridM} height={gridM} patternUnits="userSpaceOnUse">
          <path d={`M ${gridM} 0 L 0 0 0 ${gridM}`} fill="none" className="site-grid-line" />
        </pattern>
      </defs>
      <rect x={0} y={0} width={site.widthM} height={site.depthM} fill={`url(#site-grid-${site.id})`} />
      {ticks(site.widthM).map((m) => (
        <g key={`x${m}`}>
          <line x1={m} y1={-margin * 0.15} x2={m} y2={0} className="site-ruler" />
          <text x={m} y={-margin * 0.3} fontSize={font} textAnchor="middle" className="site-ruler-text">{formatQuantity(m, 'length', units, 0)}</text>
        </g>
      ))}
      {ticks(site.depthM).map((m) => (
        <g key={`y${m}`}>
          <line x1={-margin * 0.15} y1={m} x2={0} y2={m} className="site-ruler" />
          {/* Turned along the edge, as on the hall rulers, so a long figure never runs off the plan. */}
          <text x={-margin * 0.3} y={m} fontSize={font} textAnchor="middle" transform={`rotate(-90 ${-margin * 0.3} ${m})`} className="site-ruler-text">{formatQuantity(m, 'length', units, 0)}</text>
        </g>
      ))}
    </g>
  );
}
