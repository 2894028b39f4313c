import { useFleet } from '../../state/store';
import { CEILING, MONTH_PATTERN, type FleetMeta, type TitleBlock } from '../../../../shared/model/schema';
import { NumberField, TextField } from '../fields';

/** The fleet's own settings: who keeps it, the discount rate the optimizer uses, and the rules' settable figures. */
export function FleetInspector() {
  const fleet = useFleet((s) => s.document!.doc.fleet);
  const apply = useFleet((s) => s.apply);
  const set = (patch: Partial<FleetMeta>, what: string) => void apply({ type: 'set-fleet', fleet: patch }, `fleet ${what}`);
  const titleBlock = useFleet((s) => s.document!.doc.titleBlock);
  const setTitle = (patch: Partial<TitleBlock>, what: string) => void apply({ type: 'set-fleet', titleBlock: patch }, `title block ${what}`);
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
        label="Continuous-load derate (every power source)"
        testId="fleet-derate"
        unitLabel="% of rating"
        digits={1}
        value={fleet.continuousLoadDerate * 100}
        min={0}
        minExclusive
        max={100}
        onCommit={(pct) => set({ continuousLoadDerate: pct / 100 }, 'derate')}
      />
      <NumberField label="Service area counted in floor load, front and back" testId="fleet-service-depth" quantity="length" units={fleet.unitSystem} value={fleet.floorServiceAreaDepthM} min={0} max={CEILING.equipmentLengthM} onCommit={(floorServiceAreaDepthM) => set({ floorServiceAreaDepthM }, 'service area depth')} />
      <fieldset className="zone-fields" data-testid="title-block-fields">
        <legend>Printed title block</legend>
        <TextField label="Company" testId="title-company" value={titleBlock.company} onCommit={(company) => setTitle({ company }, 'company')} />
        <TextField label="Project number" testId="title-project" maxLength={100} value={titleBlock.projectNumber} onCommit={(projectNumber) => setTitle({ projectNumber }, 'project number')} />
        <div className="field-pair">
          <TextField label="Drawn by" testId="title-drawn-by" value={titleBlock.drawnBy} onCommit={(drawnBy) => setTitle({ drawnBy }, 'drawn by')} />
          <TextField label="Checked by" testId="title-checked-by" value={titleBlock.checkedBy} onCommit={(checkedBy) => setTitle({ checkedBy }, 'checked by')} />
        </div>
      </fieldset>
    </section>
  );
}
