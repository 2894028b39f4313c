import { useMemo, useState } from 'react';
import { useFleet } from '../../state/store';
import { rowEnd, rowEndM, rowOf, standsClear } from '../../layout/arrange';
import { runsAlongX } from '../../../../shared/geometry/reach';
import { CEILING, LABEL_MAX_LENGTH, ROTATIONS, type FleetDoc, type Placement } from '../../../../shared/model/schema';
import { feedsOf } from '../../../../shared/model/power-chain';
import { displayUnit, formatQuantity, plainNumber } from '../../../../shared/units';
import { sourcesThatCanFeed } from '../../../../shared/model/load';
import { shortName } from '../../../../shared/constraints/item';
import { ChoiceField, NumberField, TextField } from '../fields';

/** One placed object: where it stands, which way it faces, what feeds it, and its model's figures. */
export function PlacementInspector({ placementId }: { placementId: string }) {
  const doc = useFleet((s) => s.document!.doc);
  const apply = useFleet((s) => s.apply);
  const preview = useFleet((s) => s.preview);
  // As typed, so a field can be emptied and retyped; read when the row is placed.
  const [rowCountText, setRowCountText] = useState('4');
  /** In the user's length unit. */
  const [rowGapText, setRowGapText] = useState('0');
  const p = doc.placements.find((q) => q.id === placementId);
  // Walks the hall's sources: worked out when the document or the unit changes, not at every keystroke in the row fields.
  const sources = useMemo(() => (p ? feedChoices(doc, p) : []), [doc, p]);
  // The row goes on from its last unit (from its first, copies would stand on the row's own units): a walk of the hall, not redone at every keystroke.
  const gapM = displayUnit(doc.fleet.unitSystem, 'length').toStored(Number(rowGapText));
  const from = useMemo(() => {
    const m = p && doc.models.find((x) => x.id === p.modelId);
    return p && m && Number.isFinite(gapM) ? rowEnd(doc, p, m, gapM) : p;
  }, [doc, p, gapM]);
  if (!p || !from) return null;
  const units = doc.fleet.unitSystem;
  const model = doc.models.find((m) => m.id === p.modelId);
  const rowCount = Number(rowCountText);
  const rowGap = Number(rowGapText);
  const length = displayUnit(units, 'length');
  const hall = doc.halls.find((h) => h.id === p.hallId);
  // Past the wall the row runs to a copy could only stand outside the hall (and 1e308 m froze the editor building them).
  const alongX = runsAlongX(p.rotationDeg);
  const overshootM = model && hall && Number.isFinite(rowGap) ? rowEndM(from, model, rowCount, length.toStored(rowGap)) - (alongX ? hall.widthM : hall.depthM) : 0;
  const rowProblem =
    rowCountText.trim() === '' || !Number.isInteger(rowCount) || rowCount < 1 || rowCount > 500
      ? 'Copies to add: a whole number from 1 to 500'
      : rowGapText.trim() === '' || !Number.isFinite(rowGap) || rowGap < 0 || length.toStored(rowGap) > CEILING.hallLengthM
        ? `Gap: a length from 0 to ${plainNumber(length.fromStored(CEILING.hallLengthM), 0)} ${length.symbol}`
        : overshootM > 1e-6
          ? `The row would run ${formatQuantity(overshootM, 'length', units, 2)} past ${hall!.name}'s ${alongX ? 'east' : 'south'} wall: fewer copies or a smaller gap`
          : null;
  // Not a mistake in what was typed but where the row would go (right after a row is made, from its first unit): said, not alarmed.
  const rowBlocked = rowProblem === null && model !== undefined && !standsClear(preview, rowOf(doc, from, model, rowCount, length.toStored(rowGap)));
  const move = (xM: number, yM: number) => void apply({ type: 'move', moves: [{ id: p.id, xM, yM }] }, 'move 1 object');
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h3>{model?.name ?? p.modelId}</h3>
      {/* Feed lists, the feed schedule and Problems name units by label: two alike would read as one. */}
      <TextField
        label="Label"
        testId="inspector-label"
        required
        maxLength={LABEL_MAX_LENGTH}
        value={p.label}
        validate={(label) => (doc.placements.some((q) => q.hallId === p.hallId && q.id !== p.id && q.label === label) ? `${label} is already the label of another unit in ${hall?.name ?? 'this hall'}` : null)}
        onCommit={(label) => void apply({ type: 'update', table: 'placements', id: p.id, patch: { label } }, 'label')}
      />
      <div className="field-pair">
        <NumberField label="Centre x" testId="inspector-x" quantity="length" units={units} value={p.xM} min={-CEILING.coordinateM} max={CEILING.coordinateM} onCommit={(xM) => move(xM, p.yM)} />
        <NumberField label="Centre y" testId="inspector-y" quantity="length" units={units} value={p.yM} min={-CEILING.coordinateM} max={CEILING.coordinateM} onCommit={(yM) => move(p.xM, yM)} />
      </div>
      <ChoiceField
        label="Facing (front)"
        testId="inspector-rotation"
        value={p.rotationDeg}
        choices={ROTATIONS.map((deg) => ({ value: deg, label: `${deg}°` }))}
        onCommit={(rotationDeg) => void apply({ type: 'rotate', rotations: [{ id: p.id, rotationDeg }] }, 'rotate 1 object')}
      />
      <ChoiceField
        label="Fed from"
        testId="inspector-source"
        value={p.powerSourceId ?? ''}
        choices={[{ value: '', label: '(not attached)' }, ...sources.map((s) => ({ value: s.id, label: s.label || s.id }))]}
        onCommit={(id) => void apply({ type: 'update', table: 'placements', id: p.id, patch: { powerSourceId: id || null } }, 'attach power')}
      />
      <ChoiceField
        label="B feed (A/B, each carries it all)"
        testId="inspector-source-b"
        value={p.powerSourceBId ?? ''}
        choices={[{ value: '', label: '(none)' }, ...sources.filter((s) => s.id !== p.powerSourceId).map((s) => ({ value: s.id, label: s.label || s.id }))]}
        onCommit={(id) => void apply({ type: 'update', table: 'placements', id: p.id, patch: { powerSourceBId: id || null } }, 'attach B feed')}
      />
      {model && (
        <dl>
          <dt>Power</dt><dd>{formatQuantity(model.powerKw, 'power', units)}</dd>
          <dt>Weight</dt><dd>{formatQuantity(model.weightKg, 'mass', units, 0)}</dd>
          <dt>Footprint</dt><dd>{formatQuantity(model.widthM, 'length', units, 2)} × {formatQuantity(model.depthM, 'length', units, 2)}</dd>
          <dt>Heat to liquid</dt><dd>{Math.round(model.heatToLiquidFraction * 100)} %</dd>
        </dl>
      )}
      {model && (
        <div className="row-of" role="group" aria-label="Place a row">
          <label>Copies to add <input type="number" min={1} max={500} value={rowCountText} onChange={(e) => setRowCountText(e.target.value)} data-testid="row-count" /></label>
          <label>Gap ({length.symbol}) <input type="number" min={0} step={0.1} value={rowGapText} onChange={(e) => setRowGapText(e.target.value)} data-testid="row-gap" /></label>
          <button
            disabled={rowProblem !== null || rowBlocked}
            title={rowProblem ?? undefined}
            onClick={() => void apply(rowOf(doc, from, model, rowCount, length.toStored(rowGap)), from === p ? `row of ${rowCount + 1}` : `${rowCount} more after ${shortName(from, model)}`)}
            data-testid="row-place"
          >
            {rowProblem !== null || rowBlocked ? 'Make a row' : from === p ? `Make a row of ${rowCount + 1} with this one` : `Add ${rowCount} to its row, after ${shortName(from, model)}`}
          </button>
          {rowProblem && <span className="error" role="alert">{rowProblem}</span>}
          {rowBlocked && <span className="muted" data-testid="row-blocked">Equipment or its service space stands where this row would go: start a row from the end of a row, on free floor.</span>}
        </div>
      )}
    </section>
  );
}

/** The sources an edit accepts for `p`, and those it is fed from now even where none would choose them (a file may hold one): the checks say why. */
function feedChoices(doc: FleetDoc, p: Placement): Placement[] {
  const choices = new Map(sourcesThatCanFeed(doc, p).map((q) => [q.id, q]));
  for (const id of feedsOf(p)) {
    const current = doc.placements.find((q) => q.id === id);
    if (current) choices.set(id, current);
  }
  return [...choices.values()];
}
