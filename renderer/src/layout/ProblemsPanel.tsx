import { useMemo } from 'react';
import { describeViolation, ruleLabel, ruleSpec, type RuleId, type Violation } from '../../../shared/constraints';
import { useFleet } from '../state/store';
import { countOf } from '../../../shared/units';

interface ProblemLine {
  first: Violation;
  count: number;
  /** Every offender of the line, for a click to select them all. */
  objectIds: string[];
}

interface ProblemGroup {
  rule: RuleId;
  severity: Violation['severity'];
  /** Violations of the rule (a line of alike units counts each). */
  count: number;
  lines: ProblemLine[];
}

/**
 * The open violations by rule, errors first, each rule with its count; within a rule, 23
 * racks of one model over the slab limit in one hall make one line, "23 alike, such as …".
 */
function problemGroups(violations: readonly Violation[]): ProblemGroup[] {
  const groups = new Map<RuleId, ProblemGroup & { byKey: Map<string, ProblemLine> }>();
  for (const v of violations) {
    let group = groups.get(v.rule);
    if (!group) groups.set(v.rule, (group = { rule: v.rule, severity: v.severity, count: 0, lines: [], byKey: new Map() }));
    group.count++;
    // Units of one model break a rule about one unit alike wherever they stand (the registry says which rules).
    const key = v.modelId && ruleSpec(v.rule).alikeByModel ? `${v.hallId}|${v.modelId}` : v.id;
    const line = group.byKey.get(key);
    if (line) {
      line.count++;
      line.objectIds.push(...v.objectIds);
    } else {
      const fresh = { first: v, count: 1, objectIds: [...v.objectIds] };
      group.byKey.set(key, fresh);
      group.lines.push(fresh);
    }
  }
  const rank = (g: ProblemGroup) => (g.severity === 'error' ? 0 : 1);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.count - a.count).map(({ byKey: _lines, ...g }) => g);
}

/** Every open violation, by rule; a click selects the offenders and brings them into view. */
export function ProblemsPanel() {
  const violations = useFleet((s) => s.checks.violations);
  const checking = useFleet((s) => s.checking);
  const units = useFleet((s) => s.document?.doc.fleet.unitSystem ?? 'metric');
  const focusOn = useFleet((s) => s.focusOn);
  const groups = useMemo(() => problemGroups(violations), [violations]);
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h3>
        Problems <span className="muted">{countOf(errors, 'error')} · {countOf(violations.length - errors, 'warning')}</span>
      </h3>
      {checking && <p className="muted" data-testid="problems-checking">Checking the fleet…</p>}
      {!checking && violations.length === 0 && <p className="muted">Every limit holds.</p>}
      {groups.map((g) => (
        <div key={g.rule} className="problem-group" data-testid={`problem-group-${g.rule}`} data-count={g.count}>
          <h4 className={g.severity}>
            {ruleLabel(g.rule)} <span className="muted">({g.count})</span>
          </h4>
          <ul>
            {g.lines.map(({ first, count, objectIds }) => (
              <li key={first.id}>
                <button className={`problem ${first.severity}`} onClick={() => focusOn({ ...first, objectIds })} data-testid={`problem-${first.rule}`} data-count={count}>
                  {count > 1 ? `${count} alike, such as ` : ''}
                  {describeViolation(first, units)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
