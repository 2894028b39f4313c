import { useMemo } from 'react';
import { computeTotals, formatHashrate } from '../../../shared/model/totals';
import { useFleet } from '../state/store';
import { countOf, type UnitSystem } from '../../../shared/units';

export function StatusBar() {
  const doc = useFleet((s) => s.document?.doc);
  const dirty = useFleet((s) => s.document?.dirty ?? false);
  const inFile = useFleet((s) => s.document?.path != null);
  const apply = useFleet((s) => s.apply);
  const totals = useMemo(() => (doc ? computeTotals(doc) : null), [doc]);
  if (!doc || !totals) return <footer className="status-bar" />;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="total-it">IT {totals.itMw.toFixed(2)} MW</span>
      {/* What the fleet produces: hashrate where it mines, GPUs where it hosts AI, not "0 TH/s" beside them. */}
      {(totals.hashrateThs > 0 || totals.gpuCount === 0) && <span data-testid="total-hashrate">{formatHashrate(totals.hashrateThs)}</span>}
      {totals.gpuCount > 0 && <span data-testid="total-gpus">{countOf(totals.gpuCount, 'GPU')}</span>}
      <span>{countOf(totals.placements, 'object')}</span>
      <span>{countOf(doc.sites.length, 'site')} · {countOf(doc.halls.length, 'hall')}</span>
      <span className="spacer" />
      {/* A sample or a new fleet is in no file yet: "Saved" would say nothing could be lost. */}
      <span data-testid="save-state">{dirty ? 'Unsaved changes' : inFile ? 'Saved' : 'Not saved to a file yet'}</span>
      <label>
        Units{' '}
        <select
          value={doc.fleet.unitSystem}
          onChange={(e) => void apply({ type: 'set-fleet', fleet: { unitSystem: e.target.value as UnitSystem } }, 'units')}
          data-testid="unit-system"
        >
          <option value="metric">metric (m, kW, kg/m²)</option>
          <option value="us">US (ft, tons, lb/ft²)</option>
        </select>
      </label>
    </footer>
  );
}
