/**
 * The capacity optimizer: objective and time limit, run and cancel with progress, and
 * the answer: economics, the plan per hall, what the limits are worth, sensitivity, or
 * for an infeasible model, which limits conflict.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { FleetDoc } from '../../../shared/model/schema';
import { countOf, formatQuantity, formatUsd, periodLabel, periodName } from '../../../shared/units';
import { useFleet } from '../state/store';
import { MwByUseChart, NpvByHallChart, SensitivityTable } from './charts';
import { AssumptionsEditor } from './AssumptionsEditor';
import { RuledOutOptions } from './RuledOutOptions';
import { PeriodEconomics } from './PeriodEconomics';
import { PlanHallsTable } from './PlanHallsTable';
import { useCommands } from '../commands/commands';
import { download } from '../shell/download';
import { NumberField } from '../shell/fields';
import { applyPlanCommand } from '../../../shared/optimizer/apply-plan';
import { contractPeriodsOf, describeContract, modelInputsHash } from '../../../shared/optimizer/model';
import { describeHallChange } from '../../../shared/optimizer/apply-summary';
import { describeDecisionIrr, describeFiguresBasis, describeIrr, describePayback, describePlanStatus, describeAppliedUnits, describeShortfall, describeWorseThanAsItIs, objectiveLabel } from '../../../shared/optimizer/describe';
import type { Violation } from '../../../shared/constraints';

/** The AI contract in one phrase, or why it cannot be planned for. */
function contractSummary(doc: FleetDoc): string {
  if (doc.limits.contractedAiMw <= 0) return 'no AI contract';
  const periods = contractPeriodsOf(doc);
  return periods ? `AI contract ${describeContract(doc, periods)}` : `an AI contract starting in ${periodLabel(doc.fleet, doc.limits.contractedByPeriod)}, after the horizon: move it into the horizon to plan for it`;
}

export function OptimizerPanel() {
  const doc = useFleet((s) => s.document?.doc);
  const [objective, setObjective] = useState<'expected' | 'worst-case'>(doc?.limits.objective ?? 'expected');
  const [timeLimitS, setTimeLimitS] = useState(doc?.limits.timeLimitS ?? 60);
  const run = useFleet((s) => s.optimizerRun);
  const { runOptimizer, stopOptimizer, cancelOptimizer } = useFleet.getState();
  const running = run?.running ?? false;
  const savedPlan = doc?.plans.at(-1);
  const inputsHash = useMemo(() => (doc ? modelInputsHash(doc) : ''), [doc]);
  const appliedUnits = useMemo(() => (doc ? describeAppliedUnits(doc) : null), [doc]);
  /** An LP file is being written: a second click would only write it twice. */
  const [exporting, setExporting] = useState(false);

  // The clock runs between the solver's reports, so a long search never looks frozen.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  const elapsedS = Math.max(0, (now - (run?.startedAtMs ?? now)) / 1000);

  const runHere = () => void runOptimizer({ objective, timeLimitS });
  useCommands({ runOptimizer: runHere, stopOptimizer: () => void stopOptimizer(), cancelOptimizer: () => void cancelOptimizer() });
  if (!doc) return null;
  const result = run?.answer;
  // Until a run here, the plan shown is the document's last saved one (a reopened file's), without the run's extras.
  const plan = run ? (result?.plan ?? (run.showSaved ? savedPlan : undefined)) : savedPlan;
  const shortfall = plan ? describeShortfall(plan, doc.limits.mipGapFraction) : null;
  const worseThanAsItIs = plan ? describeWorseThanAsItIs(plan) : null;
  const exportLp = async () => {
    setExporting(true);
    try {
      const { lp } = await api.invoke('optimizer.lp', { objective });
      download(new Blob([lp], { type: 'text/plain' }), doc.fleet.name, ` (${objectiveLabel(objective)}).lp`);
    } catch (e) {
      useFleet.getState().say('error', (e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const applyPlan = async () => {
    if (!plan) return;
    const { command, shortfalls, hallIds, unfed, changes } = applyPlanCommand(doc, plan);
    const models = new Map(doc.models.map((m) => [m.id, m]));
    const { say, apply } = useFleet.getState();
    if (!hallIds.length) {
      say('info', 'The plan keeps every hall mining as it is: nothing to place');
      return;
    }
    // Site limits and kept gear are the plan's and the engineer's: say how many problems the new layouts bring, in the halls or at their sites.
    const changed = new Set(hallIds);
    const sites = new Set(doc.halls.filter((h) => changed.has(h.id)).map((h) => h.siteId));
    const concerns = (v: Violation) => v.severity === 'error' && (v.hallId !== null ? changed.has(v.hallId) : v.siteId !== null && sites.has(v.siteId));
    const before = new Set(useFleet.getState().checks.violations.filter(concerns).map((v) => v.id));
    if (await apply(command, command.label)) {
      const fresh = useFleet.getState().checks.violations.filter((v) => concerns(v) && !before.has(v.id)).length;
      const parts = [
        `Plan applied to ${countOf(hallIds.length, 'hall')} (one step to undo)`,
        fresh ? `${countOf(fresh, 'new problem')} in them or at their sites: see Problems` : 'no new problem in them or at their sites',
        ...shortfalls,
        // Units too large for any catalog busway stay unfed (the checks flag them too): say so here.
        ...(unfed.count ? [`${countOf(unfed.count, 'new unit')} (${formatQuantity(unfed.kw, 'power', doc.fleet.unitSystem, 0)}) no catalog busway carries, not fed`] : []),
      ];
      // What it did, a line a hall.
      say('info', [parts.join('; '), ...changes.map((c) => describeHallChange(c, models, doc.fleet.unitSystem))].join('\n'), { aboutEdit: true });
    }
  };
  return (
    <section className="optimizer" aria-label="Capacity optimizer" data-testid="optimizer">
      <h2>Capacity optimizer</h2>
      <div className="optimizer-controls">
        <label>
          Objective
          <select value={objective} onChange={(e) => setObjective(e.target.value as typeof objective)} data-testid="optimizer-objective">
            <option value="expected">Expected NPV over the scenarios</option>
            <option value="worst-case">Worst scenario's NPV</option>
          </select>
        </label>
        {/* Refused at the field, saying why, like every other figure: 0 or 1e9 used to become 1 s or go through silently. */}
        <NumberField label="Time limit" unitLabel="s" testId="optimizer-time-limit" value={timeLimitS} min={1} max={3600} integer onCommit={setTimeLimitS} compact={false} />
        <button onClick={runHere} disabled={running} data-testid="optimizer-run">Run</button>
        <button onClick={() => void stopOptimizer()} disabled={!running || run?.stopping || !run?.hasPlan} title={run?.hasPlan || !running ? 'End the search now and keep the best plan it has found' : 'No plan found yet to keep: Cancel ends the search'} data-testid="optimizer-stop">Stop, keep best plan</button>
        <button onClick={() => void cancelOptimizer()} disabled={!running} title="Abandon this run; no plan is kept" data-testid="optimizer-cancel">Cancel</button>
        <button onClick={() => void exportLp()} disabled={exporting} title="The model exactly as the solver reads it (CPLEX LP format), for CBC, Gurobi or any MILP solver" data-testid="optimizer-export-lp">Export LP file</button>
        {running && <span className="muted" role="status" data-testid="optimizer-progress">{run?.stopping ? `stopping, keeping the best plan; ${run.progress}` : run?.progress} ({elapsedS.toFixed(0)} s)</span>}
      </div>
      <p className="muted">
        {countOf(doc.halls.length, 'hall')}, {countOf(doc.scenarios.length, 'scenario')} ({doc.scenarios.map((s) => `${s.name} ${Math.round(s.probability * 100)} %`).join(', ')}), {countOf(doc.fleet.horizonPeriods, periodName(doc.fleet.periodMonths))}; {contractSummary(doc)}.
      </p>
      {appliedUnits && <p className="warning" role="note" data-testid="optimizer-applied-units">{appliedUnits}</p>}
      <AssumptionsEditor doc={doc} />
      <RuledOutOptions doc={doc} />
      {run?.error && <p className="error" role="alert">{run.error}</p>}
      {plan && plan.status === 'infeasible' && (
        <div className="error" data-testid="optimizer-conflicts">
          <h3>No plan meets every limit</h3>
          <ul>{plan.conflicts.map((c) => <li key={c}>{c}</li>)}</ul>
        </div>
      )}
      {plan && plan.status !== 'infeasible' && (
        <>
          <div className="kpis" data-testid="optimizer-result">
            <div><span className="muted">{objectiveLabel(plan.objective)}</span><strong data-testid="optimizer-npv">{formatUsd(plan.npvUsd)}</strong></div>
            {/* The fleet's own cash flows count what already stands as free: the decision's, below, are what a retrofit returns. */}
            <div title="The whole fleet's cash flows, what already stands counted as paid for: the decision's IRR and payback below are what the plan's spending returns"><span className="muted">Fleet IRR (a year)</span><strong data-testid="optimizer-irr">{describeIrr(plan)}</strong></div>
            <div title="The whole fleet's cash flows, what already stands counted as paid for: the decision's IRR and payback below are what the plan's spending returns"><span className="muted">Fleet payback</span><strong data-testid="optimizer-payback">{describePayback(plan, doc.fleet.periodMonths)}</strong></div>
            <div className="kpi-sentence"><span className="muted">Status</span><strong data-testid="optimizer-status">{describePlanStatus(plan)}</strong></div>
            {result ? (
              <div><span className="muted">Model</span><strong>{countOf(result.stats.variables, 'variable')} · {(result.stats.solveMs / 1000).toFixed(1)} s</strong></div>
            ) : (
              <div data-testid="optimizer-saved"><span className="muted">Saved in the file</span><strong>{plan.createdAt ? plan.createdAt.slice(0, 16).replace('T', ' ') : plan.name}</strong></div>
            )}
          </div>
          {plan.decision && (
            <div className="kpis" data-testid="optimizer-decision" title={`Keeping every hall as it is: ${formatUsd(plan.decision.asItIsNpvUsd)} NPV`}>
              <div><span className="muted">Decision NPV, against keeping as it is</span><strong data-testid="decision-npv">{formatUsd(plan.decision.npvUsd)}</strong></div>
              <div><span className="muted">Decision IRR (a year)</span><strong data-testid="decision-irr">{describeDecisionIrr(plan.decision)}</strong></div>
              <div><span className="muted">Decision payback</span><strong data-testid="decision-payback">{describePayback(plan.decision, doc.fleet.periodMonths)}</strong></div>
            </div>
          )}
          {shortfall && <p className="warning" role="note" data-testid="optimizer-shortfall">{shortfall}</p>}
          {worseThanAsItIs && <p className="warning" role="note" data-testid="optimizer-worse-than-as-it-is">{worseThanAsItIs}</p>}
          {/* The document's copy of the plan, which an apply updates; a plan from an older file knows no inputs. */}
          {doc.plans.find((p) => p.id === plan.id)?.madeForInputs?.includes(inputsHash) === false && (
            <p className="warning" role="note" data-testid="optimizer-stale">
              The fleet has changed since this plan was made (its scenarios, limits, halls, options or miners): run again to bring it up to date.
            </p>
          )}
          <button onClick={() => void applyPlan()} data-testid="optimizer-apply">Apply plan to the layout</button>
          <MwByUseChart periods={plan.periods} fleet={doc.fleet} />
          <NpvByHallChart
            basis={describeFiguresBasis(plan, doc.scenarios)}
            halls={plan.halls.filter((h) => h.npvUsd !== undefined).map((h) => ({ name: doc.halls.find((x) => x.id === h.hallId)?.name ?? h.hallId, npvUsd: h.npvUsd! }))}
          />
          <PlanHallsTable plan={plan} doc={doc} />
          <PeriodEconomics plan={plan} fleet={doc.fleet} scenarios={doc.scenarios} halls={doc.halls} />
          <h3>What the limits are worth</h3>
          {/* Unpriced limits may still leave the contract's cost to list. */}
          {plan.bindingLimitsUnpriced && <p className="muted" data-testid="optimizer-unpriced">{plan.bindingLimitsUnpriced}</p>}
          {plan.bindingLimits.length > 0 ? <BindingLimits key={plan.id} limits={plan.bindingLimits} /> : !plan.bindingLimitsUnpriced && <p className="muted">No limit binds once the plan's choices are made.</p>}
          {result?.sensitivity ? <SensitivityTable s={result.sensitivity} /> : !result && <p className="muted">Run again to see how its NPV moves with hashprice and GPU rates.</p>}
        </>
      )}
    </section>
  );
}

/** Most worth first, 12 at a time: a campus with its grid tight binds every quarter, and the list must not hide that. */
const FIRST_LIMITS = 12;

function BindingLimits({ limits }: { limits: readonly { limit: string; description: string }[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? limits : limits.slice(0, FIRST_LIMITS);
  return (
    <>
      <ul data-testid="optimizer-binding">{shown.map((b) => <li key={b.limit}>{b.description}</li>)}</ul>
      {limits.length > FIRST_LIMITS && (
        <button type="button" className="link" data-testid="optimizer-binding-toggle" onClick={() => setAll(!all)}>
          {all ? `Show the ${FIRST_LIMITS} worth most` : `Show all ${limits.length} binding limits (${limits.length - FIRST_LIMITS} more)`}
        </button>
      )}
    </>
  );
}
