import { useFleet } from '../state/store';
import { modelEditPatch } from '../../../shared/catalog/edit';
import { CEILING, SMALLEST, COOLING_METHODS, EQUIPMENT_KINDS, type EquipmentModel } from '../../../shared/model/schema';
import { ChoiceField, NumberField, TextField } from '../shell/fields';

const asChoices = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value }));

/** One catalog model's figures, in the user's units; each change is one undo step. */
export function ModelEditor({ model }: { model: EquipmentModel }) {
  const units = useFleet((s) => s.document!.doc.fleet.unitSystem);
  const apply = useFleet((s) => s.apply);
  const set = (patch: Partial<EquipmentModel>, what: string) => void apply({ type: 'update', table: 'models', id: model.id, patch: modelEditPatch(model, patch) }, `${model.name}: ${what}`);
  const toggleCooling = (method: EquipmentModel['compatibleCooling'][number], on: boolean) => {
    const next = on ? [...model.compatibleCooling, method] : model.compatibleCooling.filter((c) => c !== method);
    if (next.length) set({ compatibleCooling: COOLING_METHODS.filter((c) => next.includes(c)) }, 'compatible cooling');
  };
  const length = { quantity: 'length', units, digits: 3 } as const;
  return (
    <section className="model-editor inspector" aria-label="Model" data-testid="model-editor">
      <h3>{model.name}</h3>
      <p className="muted" data-testid="model-source">{model.builtIn ? 'Built-in' : 'This fleet\'s own'} · {model.source || 'no source given'}</p>
      <TextField label="Name" testId="model-name" required value={model.name} onCommit={(name) => set({ name }, 'name')} />
      <div className="field-pair">
        <TextField label="Vendor" testId="model-vendor" value={model.vendor} onCommit={(vendor) => set({ vendor }, 'vendor')} />
        <ChoiceField label="Kind" testId="model-kind" value={model.kind} choices={asChoices(EQUIPMENT_KINDS)} onCommit={(kind) => set({ kind }, 'kind')} />
      </div>
      <div className="field-pair">
        <NumberField label="Width" testId="model-width" {...length} value={model.widthM} min={0} minExclusive max={CEILING.equipmentLengthM} onCommit={(widthM) => set({ widthM }, 'width')} />
        <NumberField label="Depth" testId="model-depth" {...length} value={model.depthM} min={0} minExclusive max={CEILING.equipmentLengthM} onCommit={(depthM) => set({ depthM }, 'depth')} />
        <NumberField label="Height" testId="model-height" {...length} value={model.heightM} min={0} max={CEILING.equipmentLengthM} onCommit={(heightM) => set({ heightM }, 'height')} />
        <NumberField label="Weight" testId="model-weight" quantity="mass" units={units} value={model.weightKg} min={0} max={CEILING.massKg} onCommit={(weightKg) => set({ weightKg }, 'weight')} />
        <NumberField label="Power" testId="model-power" quantity="power" units={units} value={model.powerKw} min={0} max={CEILING.powerKw} onCommit={(powerKw) => set({ powerKw }, 'power')} />
        <NumberField label="Power factor" testId="model-power-factor" digits={3} value={model.powerFactor} min={SMALLEST.powerFactor} max={1} onCommit={(powerFactor) => set({ powerFactor }, 'power factor')} />
        <NumberField label="Heat to liquid" testId="model-liquid" unitLabel="%" digits={1} value={model.heatToLiquidFraction * 100} min={0} max={100} onCommit={(pct) => set({ heatToLiquidFraction: pct / 100 }, 'heat to liquid')} />
        <NumberField label="Clearance front" testId="model-clear-front" {...length} value={model.clearanceFrontM} min={0} max={CEILING.equipmentLengthM} onCommit={(clearanceFrontM) => set({ clearanceFrontM }, 'front clearance')} />
        <NumberField label="Clearance back" testId="model-clear-back" {...length} value={model.clearanceBackM} min={0} max={CEILING.equipmentLengthM} onCommit={(clearanceBackM) => set({ clearanceBackM }, 'back clearance')} />
        <NumberField label="Hashrate" testId="model-hashrate" unitLabel="TH/s" digits={1} value={model.hashrateThs} min={0} max={CEILING.hashrateThs} onCommit={(hashrateThs) => set({ hashrateThs }, 'hashrate')} />
        <NumberField label="GPUs" testId="model-gpus" integer value={model.gpuCount} min={0} max={CEILING.gpus} onCommit={(gpuCount) => set({ gpuCount }, 'GPU count')} />
        <NumberField label="Electrical rating" testId="model-rating" quantity="apparentPower" units={units} value={model.ratingKva} min={0} max={CEILING.powerKw} onCommit={(ratingKva) => set({ ratingKva }, 'rating')} />
        <NumberField label="Cooling capacity" testId="model-cooling-capacity" quantity="heat" units={units} value={model.coolingCapacityKw} min={0} max={CEILING.powerKw} onCommit={(coolingCapacityKw) => set({ coolingCapacityKw }, 'cooling capacity')} />
        <NumberField label="Capex" testId="model-capex" unitLabel="USD" currency digits={0} value={model.capexUsd} min={0} max={CEILING.usd} onCommit={(capexUsd) => set({ capexUsd }, 'capex')} />
        <ChoiceField label="Mounting" testId="model-mounting" value={model.mounting} choices={asChoices(['floor', 'overhead'] as const)} onCommit={(mounting) => set({ mounting }, 'mounting')} />
      </div>
      <fieldset className="cooling-methods">
        <legend>Runs under</legend>
        {COOLING_METHODS.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={model.compatibleCooling.includes(c)} disabled={model.compatibleCooling.length === 1 && model.compatibleCooling[0] === c} onChange={(e) => toggleCooling(c, e.target.checked)} data-testid={`model-cooling-${c}`} /> {c}
          </label>
        ))}
      </fieldset>
      <TextField label="Source" testId="model-source-text" maxLength={500} value={model.source} onCommit={(source) => set({ source }, 'source')} />
    </section>
  );
}
