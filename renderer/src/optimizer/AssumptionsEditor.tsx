/**
 * What the optimizer solves against, editable where it is used: the price scenarios
 * (paths per period, with probabilities) and the limits (AI contract, capex budget and
 * GPU deliveries per period, MIP gap). Every change is one undoable document edit.
 */
import { countOf, periodLabel, periodName } from '../../../shared/units';
import { copyName, freeId } from '../../../shared/model/copy-names';
import { useFleet } from '../state/store';
import { CEILING, MAX_SCENARIOS, type FleetDoc, type PlanLimits, type Scenario } from '../../../shared/model/schema';
import { ChoiceField, NumberField, TextField } from '../shell/fields';

type PathKey = 'hashpriceUsdPerPhDay' | 'gpuRateUsdPerGpuHour' | 'gpuUtilizationFraction' | 'powerPriceFactor';

/** A path's display: the unit the user reads and how stored values map to it. */
const PATHS: { key: PathKey; label: string; unit: string; scale: number; max?: number }[] = [
  { key: 'hashpriceUsdPerPhDay', label: 'Hashprice', unit: '$/PH/day', scale: 1, max: CEILING.hashpriceUsdPerPhDay },
  { key: 'gpuRateUsdPerGpuHour', label: 'GPU lease rate', unit: '$/GPU-h', scale: 1, max: CEILING.gpuRateUsdPerGpuHour },
  { key: 'gpuUtilizationFraction', label: 'GPU utilization', unit: '%', scale: 100, max: 1 },
  { key: 'powerPriceFactor', label: 'Power price factor', unit: '×', scale: 1, max: CEILING.powerPriceFactor },
];

/** A path of `periods` values: a shorter stored path holds its last value to the horizon. */
const fullPath = (values: readonly number[], periods: number) => Array.from({ length: periods }, (_, t) => values[t] ?? values[values.length - 1] ?? 0);
const withValue = (values: readonly number[], periods: number, t: number, value: number) => fullPath(values, periods).map((v, i) => (i === t ? value : v));

/** Each period's name in the fleet's terms ("Q1 2027", or "period 1" without a start month). */
const periodLabels = (doc: FleetDoc): string[] => Array.from({ length: doc.fleet.horizonPeriods }, (_, t) => periodLabel(doc.fleet, t));

function PeriodHeader({ labels, first }: { labels: string[]; first: string }) {
  return (
    <thead>
      <tr>
        <th>{first}</th>
        {labels.map((label) => <th key={label}>{label}</th>)}
      </tr>
    </thead>
  );
}

interface PeriodRowProps {
  label: string;
  unit: string;
  testId: string;
  /** The periods' names, for each cell's label. */
  labels: string[];
  values: number[];
  scale: number;
  integer?: boolean;
  max?: number;
  onCommit: (t: number, stored: number) => void;
  /** Drops the whole row (a limit the user no longer wants). */
  onClear?: () => void;
}

function PeriodRow({ label, unit, testId, labels, values, scale, integer, max, onCommit, onClear }: PeriodRowProps) {
  return (
    <tr>
      <td>
        {label} ({unit})
        {onClear && <button className="link" onClick={onClear} aria-label={`No ${label.toLowerCase()} limit`} title="No limit" data-testid={`${testId}-clear`}>×</button>}
      </td>
      {values.map((v, t) => (
        <td key={t}>
          <NumberField
            compact
            label={`${label}, ${labels[t]}`}
            unitLabel={unit}
            testId={`${testId}-${t}`}
            digits={integer ? 0 : 3}
            integer={integer}
            value={v * scale}
            min={0}
            {...(max !== undefined ? { max: max * scale } : {})}
            onCommit={(shown) => onCommit(t, shown / scale)}
          />
        </td>
      ))}
    </tr>
  );
}

/** The periods a contract may start in; a start past the horizon (it was shortened) stays visible, for the user to move. */
function contractStarts(doc: FleetDoc): { value: number; label: string }[] {
  const starts = periodLabels(doc).map((label, t) => ({ value: t, label }));
  const start = doc.limits.contractedByPeriod;
  return start < starts.length ? starts : [...starts, { value: start, label: `${periodLabel(doc.fleet, start)}, after the horizon` }];
}

/** Terms from one period to the rest of the horizon (0 stands for "to the end of the horizon"); a stored term longer than that stays visible. */
function contractTerms(doc: FleetDoc): { value: number; label: string }[] {
  const left = Math.max(doc.fleet.horizonPeriods - doc.limits.contractedByPeriod, 1);
  const noun = periodName(doc.fleet.periodMonths);
  const terms = Array.from({ length: left - 1 }, (_, i) => ({ value: i + 1, label: countOf(i + 1, noun) }));
  const stored = doc.limits.contractTermPeriods ?? null;
  if (stored !== null && stored >= left) terms.push({ value: stored, label: countOf(stored, noun) });
  return [{ value: 0, label: 'to the end of the horizon' }, ...terms];
}

export function AssumptionsEditor({ doc }: { doc: FleetDoc }) {
  const apply = useFleet((s) => s.apply);
  const setLimits = (limits: Partial<PlanLimits>, what: string) => void apply({ type: 'set-fleet', limits }, what);
  const probability = doc.scenarios.reduce((sum, s) => sum + s.probability, 0);
  return (
    <details className="assumptions" data-testid="assumptions">
      <summary>Scenarios and limits</summary>
      <h3>Limits</h3>
      <div className="optimizer-controls">
        <NumberField label="Contracted AI" testId="limit-contract-mw" quantity="largePower" units={doc.fleet.unitSystem} value={doc.limits.contractedAiMw} min={0} max={CEILING.powerMw} onCommit={(contractedAiMw) => setLimits({ contractedAiMw }, 'contracted AI MW')} />
        <ChoiceField
          label="from"
          testId="limit-contract-period"
          value={doc.limits.contractedByPeriod}
          choices={contractStarts(doc)}
          onCommit={(contractedByPeriod) => setLimits({ contractedByPeriod }, 'contract start')}
        />
        <ChoiceField
          label="for"
          testId="limit-contract-term"
          value={doc.limits.contractTermPeriods ?? 0}
          choices={contractTerms(doc)}
          onCommit={(term) => setLimits({ contractTermPeriods: term === 0 ? null : term }, 'contract term')}
        />
        <NumberField label="MIP gap" testId="limit-gap" unitLabel="%" digits={2} value={doc.limits.mipGapFraction * 100} min={0} max={100} onCommit={(pct) => setLimits({ mipGapFraction: pct / 100 }, 'MIP gap')} />
      </div>
      <PerPeriodLimits doc={doc} setLimits={setLimits} />
      <h3>
        Price scenarios{' '}
        <span className={Math.abs(probability - 1) > 1e-6 ? 'error' : 'muted'} data-testid="scenario-probability-sum">
          probabilities add up to {(probability * 100).toFixed(1)} %{Math.abs(probability - 1) > 1e-6 ? ': the expected NPV needs 100 %' : ''}
        </span>
      </h3>
      {doc.scenarios.map((s) => <ScenarioEditor key={s.id} doc={doc} scenario={s} />)}
    </details>
  );
}

function PerPeriodLimits({ doc, setLimits }: { doc: FleetDoc; setLimits: (l: Partial<PlanLimits>, what: string) => void }) {
  const periods = doc.fleet.horizonPeriods;
  const labels = periodLabels(doc);
  const rows = [
    { key: 'capexBudgetUsdPerPeriod', label: 'Capex budget', unit: '$M', scale: 1e-6, fill: 100e6, integer: false, max: CEILING.usd },
    { key: 'gpuDeliveriesPerPeriod', label: 'GPU deliveries', unit: 'GPUs', scale: 1, fill: 1000, integer: true, max: CEILING.gpus },
  ] as const;
  return (
    <table className="period-table" data-testid="limits-per-period">
      <PeriodHeader labels={labels} first="Per period" />
      <tbody>
        {rows.map((row) => {
          const values = doc.limits[row.key];
          const limited = values.length > 0;
          return limited ? (
            <PeriodRow
              key={row.key}
              label={row.label}
              labels={labels}
              unit={row.unit}
              testId={`limit-${row.key}`}
              values={fullPath(values, periods)}
              scale={row.scale}
              integer={row.integer}
              max={row.max}
              onCommit={(t, v) => setLimits({ [row.key]: withValue(values, periods, t, row.integer ? Math.round(v) : v) }, `${row.label} in ${labels[t]}`)}
              onClear={() => setLimits({ [row.key]: [] }, `no ${row.label} limit`)}
            />
          ) : (
            <tr key={row.key}>
              <td>{row.label}</td>
              <td colSpan={periods}>
                no limit{' '}
                <button onClick={() => setLimits({ [row.key]: Array(periods).fill(row.fill) }, `limit ${row.label}`)} data-testid={`limit-${row.key}-add`}>Set a limit</button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ScenarioEditor({ doc, scenario }: { doc: FleetDoc; scenario: Scenario }) {
  const apply = useFleet((s) => s.apply);
  const periods = doc.fleet.horizonPeriods;
  const labels = periodLabels(doc);
  const set = (patch: Partial<Scenario>, what: string) => void apply({ type: 'update', table: 'scenarios', id: scenario.id, patch }, `${scenario.name}: ${what}`);
  const copy = () => {
    const id = freeId(scenario.id.replace(/-\d+$/, ''), new Set(doc.scenarios.map((s) => s.id)));
    const name = copyName(scenario.name, doc.scenarios.map((s) => s.name), 200);
    void apply({ type: 'insert', entities: { table: 'scenarios', items: [{ ...scenario, id, name, probability: 0 }] } }, `copy scenario ${scenario.name}`);
  };
  return (
    <div className="scenario" data-testid={`scenario-${scenario.id}`}>
      <div className="scenario-head">
        <TextField label="Scenario" testId={`scenario-name-${scenario.id}`} required value={scenario.name} onCommit={(name) => set({ name }, 'name')} />
        <NumberField label="Probability" testId={`scenario-probability-${scenario.id}`} unitLabel="%" digits={2} value={scenario.probability * 100} min={0} max={100} onCommit={(pct) => set({ probability: pct / 100 }, 'probability')} />
        <button
          onClick={copy}
          disabled={doc.scenarios.length >= MAX_SCENARIOS}
          title={doc.scenarios.length >= MAX_SCENARIOS ? `A fleet holds at most ${MAX_SCENARIOS} price scenarios` : undefined}
          data-testid={`scenario-copy-${scenario.id}`}
        >
          Copy
        </button>
        <button
          onClick={() => void apply({ type: 'remove', table: 'scenarios', ids: [scenario.id] }, `delete scenario ${scenario.name}`)}
          disabled={doc.scenarios.length === 1}
          title={doc.scenarios.length === 1 ? 'The optimizer needs at least one scenario' : undefined}
          data-testid={`scenario-delete-${scenario.id}`}
        >
          Delete
        </button>
      </div>
      <table className="period-table">
        <PeriodHeader labels={labels} first="Path" />
        <tbody>
          {PATHS.map((p) => (
            <PeriodRow
              key={p.key}
              label={p.label}
              labels={labels}
              unit={p.unit}
              testId={`scenario-${scenario.id}-${p.key}`}
              values={fullPath(scenario[p.key], periods)}
              scale={p.scale}
              {...(p.max !== undefined ? { max: p.max } : {})}
              onCommit={(t, v) => set({ [p.key]: withValue(scenario[p.key], periods, t, v) }, `${p.label} in ${labels[t]}`)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
