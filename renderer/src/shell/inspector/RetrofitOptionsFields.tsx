/**
 * A hall's retrofit options: what the optimizer may turn it into, at what capex and lead
 * time, and the feed, cooling and unit count after. Each edit is one undo step of the
 * hall; an engineer asking "what if the conversion costs $80 M?" changes it here.
 */
import { useState } from 'react';
import { useFleet } from '../../state/store';
import { CEILING, COOLING_METHODS, OPTION_KINDS, type Hall, type OptionKind, type RetrofitOption } from '../../../../shared/model/schema';
import { deleteOptionCommand, hallFiguresFor, newRetrofitOption, OPTION_KIND_LABEL, plansChoosing } from '../../../../shared/model/retrofit-options';
import { countOf, formatQuantity, periodName } from '../../../../shared/units';
import { ChoiceField, NumberField, TextField } from '../fields';

export function RetrofitOptionsFields({ hall }: { hall: Hall }) {
  const doc = useFleet((s) => s.document!.doc);
  const apply = useFleet((s) => s.apply);
  const say = useFleet((s) => s.say);
  const [kindToAdd, setKindToAdd] = useState<OptionKind>('retrofit-ai');
  const setOptions = (retrofitOptions: RetrofitOption[], what: string) => void apply({ type: 'update', table: 'halls', id: hall.id, patch: { retrofitOptions } }, `${hall.name}: ${what}`);
  const add = () => {
    const option = newRetrofitOption(doc, hall, kindToAdd);
    if (typeof option === 'string') say('error', `No ${OPTION_KIND_LABEL[kindToAdd].toLowerCase()} option for ${hall.name}: ${option}`);
    else setOptions([...hall.retrofitOptions, option], `add option ${option.name}`);
  };
  return (
    <details className="retrofit-options" data-testid="retrofit-options">
      <summary>Retrofit options ({hall.retrofitOptions.length})</summary>
      {hall.retrofitOptions.map((option) => (
        <OptionFields key={option.id} hall={hall} option={option} setOptions={setOptions} />
      ))}
      <div className="field-pair">
        <ChoiceField label="New option" testId="option-add-kind" value={kindToAdd} choices={OPTION_KINDS.map((k) => ({ value: k, label: OPTION_KIND_LABEL[k] }))} onCommit={setKindToAdd} />
        <button onClick={add} data-testid="option-add">Add option</button>
      </div>
    </details>
  );
}

function OptionFields({ hall, option, setOptions }: { hall: Hall; option: RetrofitOption; setOptions: (options: RetrofitOption[], what: string) => void }) {
  const doc = useFleet((s) => s.document!.doc);
  const apply = useFleet((s) => s.apply);
  const set = (patch: Partial<RetrofitOption>, what: string) => setOptions(hall.retrofitOptions.map((o) => (o.id === option.id ? { ...o, ...patch } : o)), `${option.name}: ${what}`);
  const testId = (field: string) => `option-${field}-${option.id}`;
  const keeping = option.kind === 'keep-mining';
  const idle = option.kind === 'idle';
  const remove = () => {
    const plans = plansChoosing(doc, hall.id, option.id);
    const names = plans.map((p) => `“${p.name}”`).join(', ');
    if (plans.length && !window.confirm(`${countOf(plans.length, 'plan')} chose “${option.name}” (${names}): deleting the option deletes ${plans.length === 1 ? 'that plan' : 'those plans'} too. Undo brings it all back.`)) return;
    void apply(deleteOptionCommand(doc, hall, option.id), `${hall.name}: delete option ${option.name}${plans.length ? ` and ${countOf(plans.length, 'plan')}` : ''}`);
  };
  // Miners for mining options, GPU systems for the AI retrofit; idle installs nothing.
  const fits = (m: (typeof doc.models)[number]) => (option.kind === 'retrofit-ai' ? m.gpuCount > 0 : m.hashrateThs > 0);
  const modelChoices = option.kind === 'idle' ? [] : doc.models.filter((m) => fits(m) || m.id === option.modelId).map((m) => ({ value: m.id, label: m.name }));
  return (
    <fieldset className="option-fields" data-testid={`option-fields-${option.id}`}>
      <legend>{OPTION_KIND_LABEL[option.kind]}</legend>
      <TextField
        label="Name"
        testId={testId('name')}
        required
        value={option.name}
        validate={(name) => (hall.retrofitOptions.some((o) => o.id !== option.id && o.name.toLowerCase() === name.toLowerCase()) ? `${name} is already the name of an option of this hall` : null)}
        onCommit={(name) => set({ name }, 'name')}
      />
      {option.modelId !== null && !keeping && <ChoiceField label="Units of" testId={testId('model')} value={option.modelId} choices={modelChoices} onCommit={(modelId) => set({ modelId }, 'model')} />}
      {keeping ? (
        <>
          <p className="muted">Keeping runs the hall as it stands: its feed, cooling and PUE, and the miners and GPU racks its layout holds.</p>
          {/* The model and count count only until the hall has a layout: the layout's own units are what keeping runs. */}
          <div className="field-pair">
            {option.modelId !== null && <ChoiceField label="Model while the hall has no layout" testId={testId('model')} value={option.modelId} choices={modelChoices} onCommit={(modelId) => set({ modelId }, 'model')} />}
            <NumberField label="Units while the hall has no layout" testId={testId('units')} integer value={option.maxUnits} min={0} max={1_000_000} onCommit={(maxUnits) => set({ maxUnits }, 'units')} />
          </div>
        </>
      ) : (
        <>
          <div className="field-pair">
            <NumberField label="Conversion capex" unitLabel="$" testId={testId('capex')} currency digits={0} value={option.capexUsd} min={0} max={CEILING.usd} onCommit={(capexUsd) => set({ capexUsd }, 'capex')} />
            <NumberField label="Conversion downtime" unitLabel={`${periodName(doc.fleet.periodMonths)}s`} testId={testId('lead')} integer value={option.leadTimePeriods} min={0} max={120} onCommit={(leadTimePeriods) => set({ leadTimePeriods }, 'conversion downtime')} />
          </div>
          {idle ? (
            <p className="muted">Idling installs nothing and earns nothing: the hall stands empty from its start, so it has no feed, cooling or units to size.</p>
          ) : (
            <OptionSizing hall={hall} option={option} set={set} testId={testId} />
          )}
        </>
      )}
      <button onClick={remove} data-testid={testId('delete')}>
        Delete option
      </button>
    </fieldset>
  );
}

/** What an option that installs units comes to: its cooling, feed, PUE and units after, and the hall's own figures where they differ. */
function OptionSizing({ hall, option, set, testId }: { hall: Hall; option: RetrofitOption; set: (patch: Partial<RetrofitOption>, what: string) => void; testId: (field: string) => string }) {
  const doc = useFleet((s) => s.document!.doc);
  const units = doc.fleet.unitSystem;
  const hallFigures = hallFiguresFor(doc, hall, option);
  return (
    <>
      <ChoiceField label="Cooling after" testId={testId('cooling')} value={option.coolingMethod} choices={COOLING_METHODS.map((c) => ({ value: c, label: c }))} onCommit={(coolingMethod) => set({ coolingMethod }, 'cooling method')} />
      <div className="field-pair">
        <NumberField label="Feed after" testId={testId('feed')} quantity="power" units={units} value={option.feedKw} min={0} max={CEILING.powerKw} onCommit={(feedKw) => set({ feedKw }, 'feed')} />
        <NumberField label="Usable cooling after" testId={testId('usable-cooling')} quantity="heat" units={units} value={option.usableCoolingKw} min={0} max={CEILING.powerKw} onCommit={(usableCoolingKw) => set({ usableCoolingKw }, 'usable cooling')} />
      </div>
      {option.feedKw < hall.feedKw && (
        <p className="muted" data-testid={testId('feed-note')}>
          Less than the hall’s own feed of {formatQuantity(hall.feedKw, 'power', units, 0)}: the optimizer holds this option to {formatQuantity(option.feedKw, 'power', units, 0)}; Apply plan keeps the hall’s.
        </p>
      )}
      {hallFigures && (
        <p className="muted" data-testid={testId('hall-figures')}>
          The hall as it is now gives {formatQuantity(hallFigures.feedKw, 'power', units, 0)} of feed, {formatQuantity(hallFigures.usableCoolingKw, 'heat', units, 0)} of cooling and {countOf(hallFigures.maxUnits, 'unit')}.{' '}
          <button onClick={() => set(hallFigures, 'sized from the hall')} data-testid={testId('use-hall-figures')}>
            Use these
          </button>
        </p>
      )}
      <div className="field-pair">
        <NumberField label="PUE after" testId={testId('pue')} digits={2} value={option.pue} min={1} max={3} onCommit={(pue) => set({ pue }, 'PUE')} />
        {option.modelId !== null && <NumberField label="Units at most" testId={testId('units')} integer value={option.maxUnits} min={0} max={1_000_000} onCommit={(maxUnits) => set({ maxUnits }, 'units')} />}
      </div>
    </>
  );
}
