import { countOf, formatUsd } from '../../../shared/units';
import { describeDecisionIrr, describeFiguresBasis, describePayback, describePlanStatus, describeAppliedUnits, describeShortfall, describeStart, describeWorseThanAsItIs } from '../../../shared/optimizer/describe';
import { lpFileOf } from '../../../shared/optimizer/run';
import { keepingMissing, ruledOutOf } from '../../../shared/optimizer/model';
import { OptimizerService } from '../../backend/optimizer/service';
import { checkFleetName, checkOutput, readFleet, writeOutput } from './document-common';
import { applyCommand } from '../../../shared/commands/apply';
import { checkFleet, countViolations } from '../../../shared/constraints';
import { describeHallChange } from '../../../shared/optimizer/apply-summary';
import { applyPlanCommand } from '../../../shared/optimizer/apply-plan';
import { writeFleetFile } from '../../../db/fleet-file';
import type { FleetDoc, Plan } from '../../../shared/model/schema';
import { exactlyPositional, EXIT_OK, fail, parseArgs, UsageError, type CliCommand } from '../cli-kit';

/** A decimal number as a person writes one: "20", "2.5", ".5", "1e3". */
const DECIMAL = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const usage = 'fleetplan optimize FILE [--json] [--time-limit S] [--objective expected|worst-case] [--contract-cost] [--write-lp OUT.lp] [--apply OUT.fleet] [--force]';

/** The fleet with the plan laid out, as the app's Apply plan lays it, written to `out`; what the checks say of it. */
function writeApplied(doc: FleetDoc, plan: Plan, out: string): { halls: number; errors: number; shortfalls: string[]; changes: string[] } {
  const withPlan = { ...doc, plans: [...doc.plans, plan] };
  const { command, hallIds, shortfalls, changes } = applyPlanCommand(withPlan, plan);
  const applied = applyCommand(withPlan, command).doc;
  writeFleetFile(applied, out);
  const models = new Map(doc.models.map((m) => [m.id, m]));
  return { halls: hallIds.length, errors: countViolations(checkFleet(applied).violations).errors, shortfalls, changes: changes.map((c) => describeHallChange(c, models, doc.fleet.unitSystem)) };
}

/**
 * Solved as the app solves: in the optimizer worker, with the sites' bound on a thread of
 * its own. The worker loads HiGHS while this thread reads the fleet.
 */
export const optimizeCommand: CliCommand = {
  name: 'optimize',
  summary: 'Find the best mining/AI mix and retrofit schedule (HiGHS); --contract-cost also works out what the AI contract costs (a second search, up to as long as the first), --write-lp saves the exact model solved, --apply the fleet with the plan laid out',
  usage,
  async run(args, io, host) {
    let service: OptimizerService | null = null;
    try {
      const parsed = parseArgs(args, ['time-limit', 'write-lp', 'objective', 'apply'], ['json', 'force', 'contract-cost']);
      const [file] = exactlyPositional(parsed, ['FILE'], usage) as [string];
      const lpOut = parsed.options.get('write-lp');
      if (typeof lpOut === 'string') checkOutput(lpOut, file, parsed.options.has('force'));
      const applyOut = parsed.options.get('apply');
      if (typeof applyOut === 'string') {
        // Never over the fleet read, whatever --force says; never to stdout (it is a database).
        if (applyOut === '-') throw new UsageError('--apply: a fleet is written to a .fleet file, not to standard output');
        checkFleetName(applyOut);
        checkOutput(applyOut, file, parsed.options.has('force'));
      }
      const timeLimit = parsed.options.get('time-limit');
      // Decimal only: Number() also reads "0x10" as 16, "0b11" as 3 and "" as 0.
      const timeLimitS = timeLimit === undefined ? undefined : DECIMAL.test(String(timeLimit)) ? Number(timeLimit) : NaN;
      if (timeLimitS !== undefined && !(timeLimitS > 0)) throw new UsageError(`--time-limit: "${String(timeLimit)}" is not a positive number of seconds`);
      // The document's own time limit stops at an hour; 1e999 reads as Infinity, which HiGHS refuses.
      if (timeLimitS !== undefined && timeLimitS > 3600) throw new UsageError(`--time-limit: "${String(timeLimit)}" is more than an hour (3600 s)`);
      const objective = parsed.options.get('objective') ?? undefined;
      if (objective !== undefined && objective !== 'expected' && objective !== 'worst-case') throw new UsageError(`--objective: "${String(objective)}" is not expected or worst-case`);
      if (!host) throw new Error('the optimizer worker was not given to the command line');
      service = new OptimizerService(host.optimizerWorkerPath());
      service.warm();
      const { doc } = readFleet(file);
      const chosen = objective ?? doc.limits.objective;
      const result = await service.solve(doc, { objective: chosen, timeLimitS: timeLimitS ?? doc.limits.timeLimitS, mipGap: doc.limits.mipGapFraction, planId: 'cli', now: new Date().toISOString(), contractCost: parsed.options.has('contract-cost') });
      if (typeof lpOut === 'string') await writeOutput(lpOut, lpFileOf(doc, chosen), io);
      const laidOut = typeof applyOut === 'string' && result.plan.status !== 'infeasible' ? writeApplied(doc, result.plan, applyOut) : null;
      const ruledOut = [...ruledOutOf(doc), ...keepingMissing(doc)];
      if (parsed.options.has('json')) {
        io.stdout.write(`${JSON.stringify({ plan: result.plan, sensitivity: result.sensitivity, stats: result.stats, ruledOut }, null, 2)}\n`);
        return EXIT_OK;
      }
      const { plan } = result;
      const lines = [`${file}: ${describePlanStatus(plan)}; ${plan.objective} NPV ${formatUsd(plan.npvUsd)} (${countOf(result.stats.variables, 'variable')}, ${countOf(result.stats.rows, 'limit')}, ${(result.stats.solveMs / 1000).toFixed(1)} s)`];
      const shortfall = describeShortfall(plan, doc.limits.mipGapFraction);
      if (shortfall) lines.push(`  ${shortfall}`);
      if (plan.objective === 'worst-case') lines.push(`  figures by hall ${describeFiguresBasis(plan, doc.scenarios)}`);
      const { decision } = plan;
      if (decision) lines.push(`  against keeping everything as it is (${formatUsd(decision.asItIsNpvUsd)}): NPV ${formatUsd(decision.npvUsd)}, IRR ${describeDecisionIrr(decision)}, payback ${describePayback(decision, doc.fleet.periodMonths)}`);
      const worse = describeWorseThanAsItIs(plan);
      if (worse) lines.push(`  caution: ${worse}`);
      const applied = describeAppliedUnits(doc);
      if (applied) lines.push(`  caution: ${applied}`);
      for (const r of ruledOut) lines.push(`  ruled out before the search: ${r.text}`);
      for (const c of plan.conflicts) lines.push(`  conflict: ${c}`);
      for (const h of plan.halls) {
        const hall = doc.halls.find((x) => x.id === h.hallId);
        const option = hall?.retrofitOptions.find((o) => o.id === h.optionId);
        lines.push(`  ${hall?.name ?? h.hallId}: ${option?.name ?? h.optionId}${h.startPeriod !== null ? ` from ${describeStart(doc.fleet, option, h.startPeriod)}` : ''}, ${h.units} units`);
      }
      for (const b of plan.bindingLimits.slice(0, 8)) lines.push(`  binding: ${b.description}`);
      if (plan.bindingLimitsUnpriced) lines.push(`  ${plan.bindingLimitsUnpriced}`);
      if (laidOut) {
        lines.push(`  applied to ${countOf(laidOut.halls, 'hall')} in ${String(applyOut)}: ${laidOut.errors ? `${countOf(laidOut.errors, 'error')} against the limits` : 'every limit holds'}${laidOut.shortfalls.map((s) => `; ${s}`).join('')}`);
        for (const change of laidOut.changes) lines.push(`    ${change}`);
      }
      io.stdout.write(`${lines.join('\n')}\n`);
      return plan.status === 'infeasible' ? 1 : EXIT_OK;
    } catch (error) {
      return fail(io, error, args);
    } finally {
      // The plan is out already; a worker that did not end cleanly is still worth saying.
      const exitCode = await service?.close();
      if (exitCode) io.stderr.write(`fleetplan: the optimizer worker ended with exit code ${exitCode}\n`);
    }
  },
};
