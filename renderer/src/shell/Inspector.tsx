import { useEffect, useRef } from 'react';
import { useFleet } from '../state/store';
import { align, type Alignment } from '../layout/arrange';
import { powerSourcesInHall } from '../../../shared/model/load';
import { ChoiceField } from './fields';
import { selectionTotals, type SelectionTotals } from '../../../shared/model/totals';
import { formatQuantity } from '../../../shared/units';
import { FleetInspector } from './inspector/FleetInspector';
import { HallInspector } from './inspector/HallInspector';
import { PlacementInspector } from './inspector/PlacementInspector';
import { SiteInspector } from './inspector/SiteInspector';

/** The inspector's scrolling pane: when what it shows changes it starts at the top, with the title and first fields, not where the last one was scrolled to. */
export function InspectorPane() {
  const pane = useRef<HTMLDivElement>(null);
  const selection = useFleet((s) => s.selection);
  const hallId = useFleet((s) => s.selectedHallId);
  const siteId = useFleet((s) => s.selectedSiteId);
  useEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [selection, hallId, siteId]);
  return (
    <div className="right-inspector" ref={pane} data-testid="inspector-pane">
      <Inspector />
    </div>
  );
}

/** Properties of what is selected: the equipment picked on the plan, else the hall, else the site. */
function Inspector() {
  const doc = useFleet((s) => s.document?.doc);
  const selection = useFleet((s) => s.selection);
  const hallId = useFleet((s) => s.selectedHallId);
  const siteId = useFleet((s) => s.selectedSiteId);
  if (!doc) return null;
  const selected = doc.placements.filter((p) => selection.has(p.id));
  // Keyed by what is shown, so a half-typed value never carries over to the next selection.
  if (selected.length === 1) return <PlacementInspector key={selected[0]!.id} placementId={selected[0]!.id} />;
  if (selected.length > 1) return <SelectionInspector />;
  const hall = doc.halls.find((h) => h.id === hallId);
  if (hall) return <HallInspector key={hall.id} hall={hall} />;
  const site = doc.sites.find((s) => s.id === siteId);
  return site ? <SiteInspector key={site.id} site={site} /> : <FleetInspector />;
}

function SelectionInspector() {
  const doc = useFleet((s) => s.document!.doc);
  const selection = useFleet((s) => s.selection);
  const apply = useFleet((s) => s.apply);
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const byId = new Map(doc.placements.filter((p) => selection.has(p.id)).map((p) => [p.id, p]));
  // Selection order is the order picked, so the first one picked is the anchor.
  const ordered = [...selection].map((id) => byId.get(id)).filter((p): p is NonNullable<typeof p> => !!p);
  const run = (how: Alignment) => {
    const cmd = align(ordered, models, how);
    if (cmd) void apply(cmd, `align ${how}`);
  };
  // Box-select an area and feed it all from one source: how a power zone is drawn.
  const hallId = ordered[0]?.hallId;
  const sources = hallId ? powerSourcesInHall(doc, hallId) : [];
  // What Feed all acts on, and whose feed it shows: the selected units, not the sources among them that feed the
  // others (a box round a row takes its busway run too, which stays fed from its PDU).
  const feeding = new Set(ordered.map((p) => p.powerSourceId));
  const fedHere = ordered.filter((p) => !feeding.has(p.id) && p.hallId === hallId);
  const feedAll = (sourceId: string) => {
    const fed = fedHere.filter((p) => p.id !== sourceId);
    void apply({ type: 'batch', label: `feed ${fed.length} objects`, commands: fed.map((p) => ({ type: 'update', table: 'placements', id: p.id, patch: { powerSourceId: sourceId || null } })) }, `feed ${fed.length} objects`);
  };
  const sharedFeed = shared(fedHere.map((p) => p.powerSourceId ?? ''));
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h3>{ordered.length} objects selected</h3>
      <SelectionTotalsList totals={selectionTotals(ordered, models)} />
      {sources.length > 0 && (
        <ChoiceField
          label="Feed all from"
          testId="selection-source"
          value={sharedFeed ?? '(mixed)'}
          choices={[
            ...(sharedFeed === null ? [{ value: '(mixed)', label: '(several)' }] : []),
            { value: '', label: '(not attached)' },
            ...sources.map((s) => ({ value: s.id, label: s.label || s.id })),
          ]}
          onCommit={(id) => id !== '(mixed)' && feedAll(id)}
        />
      )}
      <div className="align-buttons" role="group" aria-label="Align on the first selected">
        {(['left', 'right', 'top', 'bottom', 'centre-x', 'centre-y'] as Alignment[]).map((how) => (
          <button key={how} onClick={() => run(how)} data-testid={`align-${how}`}>Align {how}</button>
        ))}
      </div>
    </section>
  );
}

/** What the selection adds up to, in the user's units. */
function SelectionTotalsList({ totals }: { totals: SelectionTotals }) {
  const units = useFleet((s) => s.document!.doc.fleet.unitSystem);
  const rows: [string, string][] = [
    ['Power', formatQuantity(totals.powerKw, 'power', units, 1)],
    ['Apparent power', formatQuantity(totals.apparentKva, 'apparentPower', units, 1)],
    ['Heat to liquid', formatQuantity(totals.liquidHeatKw, 'heat', units, 1)],
    ['Heat to air', formatQuantity(totals.airHeatKw, 'heat', units, 1)],
    ['Weight', formatQuantity(totals.weightKg, 'mass', units, 0)],
  ];
  return (
    <dl className="selection-totals" data-testid="selection-totals">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The value every item has, or null when they differ. */
function shared<T>(values: readonly T[]): T | null {
  return values.every((v) => v === values[0]) ? (values[0] ?? null) : null;
}
