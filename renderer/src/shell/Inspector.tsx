import { useState } from 'react';
import { useFleet } from '../state/store';
import { align, rowOf, type Alignment } from '../layout/arrange';
import { formatQuantity } from '../../../shared/units';

/** Properties of the selected equipment, or of the hall when nothing is selected. */
export function Inspector() {
  const doc = useFleet((s) => s.document?.doc);
  const selection = useFleet((s) => s.selection);
  const hallId = useFleet((s) => s.selectedHallId);
  const apply = useFleet((s) => s.apply);
  if (!doc) return null;
  const units = doc.fleet.unitSystem;
  const selected = doc.placements.filter((p) => selection.has(p.id));
  const hall = doc.halls.find((h) => h.id === hallId);
  if (selected.length === 0 && hall) {
    return (
      <section className="inspector" aria-label="Inspector" data-testid="inspector">
        <h3>{hall.name}</h3>
        <dl>
          <dt>Footprint</dt><dd>{formatQuantity(hall.widthM, 'length', units)} × {formatQuantity(hall.depthM, 'length', units)}</dd>
          <dt>Power feed</dt><dd>{formatQuantity(hall.feedKw, 'power', units, 0)}</dd>
          <dt>Cooling</dt><dd>{hall.cooling.method}, {hall.cooling.unitCount} × {formatQuantity(hall.cooling.unitCapacityKw, 'heat', units, 0)} ({hall.cooling.redundancy})</dd>
          <dt>Floor limit</dt><dd>{formatQuantity(hall.floorLimitKgPerM2, 'floorLoad', units, 0)}</dd>
          <dt>PUE</dt><dd>{hall.pue.toFixed(2)}</dd>
          <dt>Use</dt><dd>{hall.currentUse}</dd>
        </dl>
      </section>
    );
  }
  if (selected.length !== 1) {
    const models = new Map(doc.models.map((m) => [m.id, m]));
    // Selection order is the order picked, so the first one picked is the anchor.
    const ordered = [...selection].map((id) => selected.find((p) => p.id === id)).filter((p): p is NonNullable<typeof p> => !!p);
    const run = (how: Alignment) => {
      const cmd = align(ordered, models, how);
      if (cmd) void apply(cmd, `align ${how}`);
    };
    return (
      <section className="inspector" aria-label="Inspector" data-testid="inspector">
        <h3>{selected.length} objects selected</h3>
        <div className="align-buttons" role="group" aria-label="Align on the first selected">
          {(['left', 'right', 'top', 'bottom', 'centre-x', 'centre-y'] as Alignment[]).map((how) => (
            <button key={how} onClick={() => run(how)} data-testid={`align-${how}`}>Align {how}</button>
          ))}
        </div>
      </section>
    );
  }
  return <PlacementInspector />;
}

function PlacementInspector() {
  const doc = useFleet((s) => s.document!.doc);
  const selection = useFleet((s) => s.selection);
  const apply = useFleet((s) => s.apply);
  const [rowCount, setRowCount] = useState(4);
  const [rowGapM, setRowGapM] = useState(0);
  const units = doc.fleet.unitSystem;
  const p = doc.placements.find((q) => selection.has(q.id))!;
  const model = doc.models.find((m) => m.id === p.modelId);
  const sources = doc.placements.filter((q) => q.hallId === p.hallId && q.id !== p.id && ['pdu', 'busway', 'transformer', 'ups'].includes(doc.models.find((m) => m.id === q.modelId)?.kind ?? ''));
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h3>{model?.name ?? p.modelId}</h3>
      <label>
        Label
        <input value={p.label} onChange={(e) => void apply({ type: 'update', table: 'placements', id: p.id, patch: { label: e.target.value } }, 'label')} data-testid="inspector-label" />
      </label>
      <dl>
        <dt>Position</dt><dd data-testid="inspector-position">{formatQuantity(p.xM, 'length', units, 2)}, {formatQuantity(p.yM, 'length', units, 2)}</dd>
        <dt>Rotation</dt><dd data-testid="inspector-rotation">{p.rotationDeg}°</dd>
        {model && (
          <>
            <dt>Power</dt><dd>{formatQuantity(model.powerKw, 'power', units)}</dd>
            <dt>Weight</dt><dd>{formatQuantity(model.weightKg, 'mass', units, 0)}</dd>
            <dt>Heat to liquid</dt><dd>{Math.round(model.heatToLiquidFraction * 100)} %</dd>
          </>
        )}
      </dl>
      <label>
        Fed from
        <select
          value={p.powerSourceId ?? ''}
          data-testid="inspector-source"
          onChange={(e) => void apply({ type: 'update', table: 'placements', id: p.id, patch: { powerSourceId: e.target.value || null } }, 'attach power')}
        >
          <option value="">(not attached)</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>{s.label || s.id}</option>
          ))}
        </select>
      </label>
      {model && (
        <div className="row-of" role="group" aria-label="Place a row">
          <label>Copies <input type="number" min={1} max={500} value={rowCount} onChange={(e) => setRowCount(Math.max(1, Math.min(500, Number(e.target.value))))} data-testid="row-count" /></label>
          <label>Gap (m) <input type="number" min={0} step={0.1} value={rowGapM} onChange={(e) => setRowGapM(Math.max(0, Number(e.target.value)))} data-testid="row-gap" /></label>
          <button onClick={() => void apply(rowOf(doc, p, model, rowCount, rowGapM), `row of ${rowCount}`)} data-testid="row-place">Place a row</button>
        </div>
      )}
    </section>
  );
}
