import { useFleet } from '../../state/store';
import { CEILING, MONTH_PATTERN, type FleetMeta } from '../../../../shared/model/schema';
import { NumberField, TextField } from '../fields';

/** The fleet's own settings: who keeps it, the discount rate the optimizer uses, and the rules' settable figures. */
export function FleetInspector() {
  const fleet = useFleet((s) => s.document!.doc.fleet);
  const apply = useFleet((s) => s.apply);
  const set = (patch: Partial<FleetMeta>, what: string) => void apply({ type: 'set-fleet', fleet: patch }, `fleet ${what}`);
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h3>Fleet settings</h3>
      <TextField label="Name" testId="fleet-name" required value={fleet.name} onCommit={(name) => set({ name }, 'name')} />
      <div className="field-pair">
        <TextField label="Author" testId="fleet-author" value={fleet.author} onCommit={(author) => set({ author }, 'author')} />
        <TextField label="Revision" testId="fleet-revision" maxLength={40} value={fleet.revision} onCommit={(revision) => set({ revision }, 'revision')} />
      </div>
      <TextField
        label="Period 1 starts (YYYY-MM)"
        testId="fleet-start-month"
        maxLength={7}
        value={fleet.startMonth ?? ''}
        // Periods then read as dates in the optimizer (Q1 2027); the samples' economics start in January 2027.
        validate={(text) => (MONTH_PATTERN.test(text) ? null : 'Period 1 starts: a month as YYYY-MM, such as 2027-01')}
        onCommit={(startMonth) => set({ startMonth }, 'start month')}
      />
      <NumberField label="Discount rate" testId="fleet-discount" unitLabel="% a year" digits={2} value={fleet.discountRatePctPerYear} min={0} max={100} onCommit={(discountRatePctPerYear) => set({ discountRatePctPerYear }, 'discount rate')} />
      <NumberField
        label="PDU/busway continuous-load derate"
        testId="fleet-derate"
        unitLabel="% of rating"
        digits={1}
        value={fleet.continuousLoadDerate * 100}
        min={0}
        minExclusive
        max={100}
        onCommit={(pct) => set({ continuousLoadDerate: pct / 100 }, 'derate')}
      />
      <NumberField label="Service area counted in floor load, front and back" testId="fleet-service-depth" quantity="length" units={fleet.unitSystem} digits={2} value={fleet.floorServiceAreaDepthM} min={0} max={CEILING.equipmentLengthM} onCommit={(floorServiceAreaDepthM) => set({ floorServiceAreaDepthM }, 'service area depth')} />
    </section>
  );
}
