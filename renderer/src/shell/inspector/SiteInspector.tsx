import { useFleet } from '../../state/store';
import { CEILING, SMALLEST, type Site } from '../../../../shared/model/schema';
import { NumberField, TextField } from '../fields';
import { SiteActions } from './structure-actions';
import { SiteEnergyFields } from './SiteEnergyFields';

/** The site's grid connection, transformers and power price: the limits and costs every hall shares. */
export function SiteInspector({ site }: { site: Site }) {
  const units = useFleet((s) => s.document!.doc.fleet.unitSystem);
  const sites = useFleet((s) => s.document!.doc.sites);
  const apply = useFleet((s) => s.apply);
  const set = (patch: Partial<Site>, what: string) => void apply({ type: 'update', table: 'sites', id: site.id, patch }, `${site.name}: ${what}`);
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h3>{site.name}</h3>
      <TextField
        label="Name"
        testId="site-name"
        required
        value={site.name}
        validate={(name) => (sites.some((s) => s.id !== site.id && s.name.toLowerCase() === name.toLowerCase()) ? `${name} is already the name of a site in this fleet` : null)}
        onCommit={(name) => set({ name }, 'name')}
      />
      <TextField label="Location" testId="site-location" value={site.location} onCommit={(location) => set({ location }, 'location')} />
      {/* The land the halls stand on: a campus larger than a new site's 200 m × 120 m is drawn and checked to its real size. */}
      <div className="field-pair">
        <NumberField label="Width" testId="site-width" quantity="length" units={units} value={site.widthM} min={SMALLEST.siteLengthM} max={CEILING.siteLengthM} onCommit={(widthM) => set({ widthM }, 'width')} />
        <NumberField label="Depth" testId="site-depth" quantity="length" units={units} value={site.depthM} min={SMALLEST.siteLengthM} max={CEILING.siteLengthM} onCommit={(depthM) => set({ depthM }, 'depth')} />
      </div>
      <NumberField label="Grid interconnect" testId="site-interconnect" quantity="largePower" units={units} value={site.interconnectMw} min={0} max={CEILING.powerMw} onCommit={(interconnectMw) => set({ interconnectMw }, 'interconnect')} />
      <NumberField label="Transformer capacity" testId="site-transformers" quantity="largePower" units={units} value={site.transformerCapacityMw} min={0} max={CEILING.powerMw} onCommit={(transformerCapacityMw) => set({ transformerCapacityMw }, 'transformer capacity')} />
      <NumberField label="Power price" testId="site-power-price" unitLabel="$/MWh" digits={2} value={site.powerPriceUsdPerMwh} min={0} max={CEILING.priceUsdPerMwh} onCommit={(powerPriceUsdPerMwh) => set({ powerPriceUsdPerMwh }, 'power price')} />
      <SiteEnergyFields site={site} set={set} />
      <NumberField label="Design dry-bulb" testId="site-dry-bulb" quantity="temperature" units={units} value={site.designDryBulbC} min={-60} max={60} onCommit={(designDryBulbC) => set({ designDryBulbC }, 'design dry-bulb')} />
      <SiteActions siteId={site.id} />
    </section>
  );
}
