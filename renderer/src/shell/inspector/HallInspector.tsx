import { useFleet } from '../../state/store';
import { zoneProblem } from '../../layout/zones';
import { CEILING, COOLING_METHODS, SMALLEST, HALL_USES, REDUNDANCIES, type Hall, type Zone } from '../../../../shared/model/schema';
import { densityLimitKw, DEFAULT_DENSITY_LIMIT_KW } from '../../../../shared/model/cooling';
import { ChoiceField, NumberField, TextField } from '../fields';
import { HallActions } from './structure-actions';
import { RetrofitOptionsFields } from './RetrofitOptionsFields';

const asChoices = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value }));

/** The hall's envelope, feed and cooling plant, and its zones: the limits the checks hold the layout to. */
export function HallInspector({ hall }: { hall: Hall }) {
  const units = useFleet((s) => s.document!.doc.fleet.unitSystem);
  const zones = useFleet((s) => s.document!.doc.zones);
  const halls = useFleet((s) => s.document!.doc.halls);
  const siblings = halls.filter((h) => h.siteId === hall.siteId && h.id !== hall.id);
  const apply = useFleet((s) => s.apply);
  const set = (patch: Partial<Hall>, what: string) => void apply({ type: 'update', table: 'halls', id: hall.id, patch }, `${hall.name}: ${what}`);
  const setCooling = (patch: Partial<Hall['cooling']>, what: string) => set({ cooling: { ...hall.cooling, ...patch } }, what);
  const setWater = (patch: Partial<Hall['facilityWater']>, what: string) => set({ facilityWater: { ...hall.facilityWater, ...patch } }, what);
  const defaultDensity = DEFAULT_DENSITY_LIMIT_KW[hall.cooling.method];
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h3>{hall.name}</h3>
      <TextField
        label="Name"
        testId="hall-name"
        required
        value={hall.name}
        // Two halls of one site under one name could not be told apart in the tree, on the plan or in a plan's table.
        validate={(name) => (siblings.some((h) => h.name.toLowerCase() === name.toLowerCase()) ? `${name} is already the name of a hall on this site` : null)}
        onCommit={(name) => set({ name }, 'name')}
      />
      <div className="field-pair">
        <NumberField label="Width" testId="hall-width" quantity="length" units={units} value={hall.widthM} min={SMALLEST.hallLengthM} max={CEILING.hallLengthM} onCommit={(widthM) => set({ widthM }, 'width')} />
        <NumberField label="Depth" testId="hall-depth" quantity="length" units={units} value={hall.depthM} min={SMALLEST.hallLengthM} max={CEILING.hallLengthM} onCommit={(depthM) => set({ depthM }, 'depth')} />
      </div>
      <div className="field-pair">
        <NumberField label="On the site, x" testId="hall-site-x" quantity="length" units={units} value={hall.siteXM} min={-CEILING.coordinateM} max={CEILING.coordinateM} onCommit={(siteXM) => set({ siteXM }, 'position on the site')} />
        <NumberField label="On the site, y" testId="hall-site-y" quantity="length" units={units} value={hall.siteYM} min={-CEILING.coordinateM} max={CEILING.coordinateM} onCommit={(siteYM) => set({ siteYM }, 'position on the site')} />
      </div>
      <NumberField label="Power feed" testId="hall-feed" quantity="power" units={units} value={hall.feedKw} min={0} max={CEILING.powerKw} onCommit={(feedKw) => set({ feedKw }, 'power feed')} />
      <NumberField label="Floor limit" testId="hall-floor" quantity="floorLoad" units={units} value={hall.floorLimitKgPerM2} min={SMALLEST.floorLoadKgPerM2} max={CEILING.floorLoadKgPerM2} onCommit={(floorLimitKgPerM2) => set({ floorLimitKgPerM2 }, 'floor limit')} />
      <ChoiceField label="Cooling method" testId="hall-cooling-method" value={hall.cooling.method} choices={asChoices(COOLING_METHODS)} onCommit={(method) => setCooling({ method }, 'cooling method')} />
      <div className="field-pair">
        <NumberField label="Cooling units" testId="hall-cooling-count" integer value={hall.cooling.unitCount} min={0} max={10_000} onCommit={(unitCount) => setCooling({ unitCount }, 'cooling units')} />
        <NumberField label="Each" testId="hall-cooling-capacity" quantity="heat" units={units} value={hall.cooling.unitCapacityKw} min={0} max={CEILING.powerKw} onCommit={(unitCapacityKw) => setCooling({ unitCapacityKw }, 'cooling unit capacity')} />
      </div>
      <ChoiceField label="Redundancy (held back)" testId="hall-redundancy" value={hall.cooling.redundancy} choices={asChoices(REDUNDANCIES)} onCommit={(redundancy) => setCooling({ redundancy }, 'redundancy')} />
      <div className="field-pair">
        <NumberField label="Facility water units (chillers, dry coolers)" testId="hall-water-count" integer value={hall.facilityWater.unitCount} min={0} max={10_000} onCommit={(unitCount) => setWater({ unitCount }, 'facility water units')} />
        <NumberField label="Each" testId="hall-water-capacity" quantity="heat" units={units} value={hall.facilityWater.unitCapacityKw} min={0} max={CEILING.powerKw} onCommit={(unitCapacityKw) => setWater({ unitCapacityKw }, 'facility water unit capacity')} />
      </div>
      <ChoiceField label="Facility water redundancy" testId="hall-water-redundancy" value={hall.facilityWater.redundancy} choices={asChoices(REDUNDANCIES)} onCommit={(redundancy) => setWater({ redundancy }, 'facility water redundancy')} />
      <NumberField
        label={hall.densityLimitKwPerRack === null ? `Rack density limit, ${hall.cooling.method} default` : 'Rack density limit'}
        testId="hall-density"
        unitLabel="kW/rack"
        digits={1}
        value={densityLimitKw(hall)}
        min={0}
        minExclusive
        max={CEILING.rackKw}
        onCommit={(kw) => set({ densityLimitKwPerRack: kw }, 'rack density limit')}
      />
      {hall.densityLimitKwPerRack !== null && (
        <button onClick={() => set({ densityLimitKwPerRack: null }, 'rack density limit')} data-testid="hall-density-default">
          Use the {hall.cooling.method} default ({defaultDensity} kW/rack)
        </button>
      )}
      <div className="field-pair">
        <NumberField label="PUE" testId="hall-pue" digits={2} value={hall.pue} min={1} max={3} onCommit={(pue) => set({ pue }, 'PUE')} />
        <ChoiceField label="Use" testId="hall-use" value={hall.currentUse} choices={asChoices(HALL_USES)} onCommit={(currentUse) => set({ currentUse }, 'use')} />
      </div>
      <RetrofitOptionsFields hall={hall} />
      {zones.filter((z) => z.hallId === hall.id).map((z) => <ZoneFields key={z.id} zone={z} />)}
      <HallActions hallId={hall.id} siteId={hall.siteId} />
    </section>
  );
}

function ZoneFields({ zone }: { zone: Zone }) {
  const doc = useFleet((s) => s.document!.doc);
  const units = doc.fleet.unitSystem;
  const apply = useFleet((s) => s.apply);
  const set = (patch: Partial<Zone>, what: string) => void apply({ type: 'update', table: 'zones', id: zone.id, patch }, `${zone.name}: ${what}`);
  /** One edge of the zone's rectangle, refused where the zone would leave the hall or overlap another. */
  const edge = (label: string, field: 'xM' | 'yM' | 'widthM' | 'depthM', what: string) => (
    <NumberField
      label={label}
      testId={`zone-${field}-${zone.id}`}
      quantity="length"
      units={units}
      digits={2}
      value={zone[field]}
      validate={(v) => zoneProblem(doc, { ...zone, [field]: v }, units)}
      onCommit={(v) => set({ [field]: v }, what)}
    />
  );
  return (
    <fieldset className="zone-fields" data-testid={`zone-fields-${zone.id}`}>
      <legend>Cooling zone</legend>
      <TextField label="Name" testId={`zone-name-${zone.id}`} required value={zone.name} onCommit={(name) => set({ name }, 'name')} />
      <NumberField label="Air cooling" testId={`zone-air-${zone.id}`} quantity="heat" units={units} value={zone.airCoolingKw} min={0} max={CEILING.powerKw} onCommit={(airCoolingKw) => set({ airCoolingKw }, 'air cooling')} />
      <ChoiceField
        label="Cooling method"
        testId={`zone-method-${zone.id}`}
        value={zone.coolingMethod ?? ''}
        choices={[{ value: '', label: "(the hall's)" }, ...asChoices(COOLING_METHODS)]}
        onCommit={(method) => set({ coolingMethod: method === '' ? null : (method as Zone['coolingMethod']) }, 'zone cooling method')}
      />
      <div className="field-pair">
        {edge('From x', 'xM', 'position')}
        {edge('From y', 'yM', 'position')}
      </div>
      <div className="field-pair">
        {edge('Width', 'widthM', 'size')}
        {edge('Depth', 'depthM', 'size')}
      </div>
      <button onClick={() => void apply({ type: 'remove', table: 'zones', ids: [zone.id] }, `delete ${zone.name}`)} data-testid={`zone-delete-${zone.id}`}>
        Delete zone
      </button>
    </fieldset>
  );
}
