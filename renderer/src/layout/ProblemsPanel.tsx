import { useMemo } from 'react';
import { describeViolation, problemGroups, ruleLabel } from '../../../shared/constraints';
import { useFleet } from '../state/store';
import { countOf } from '../../../shared/units';

/** Every open violation, by rule; a click selects the offenders and brings them into view. */
export function ProblemsPanel() {
  const violations = useFleet((s) => s.checks.violations);
  const checking = useFleet((s) => s.checking);
  const units = useFleet((s) => s.document?.doc.fleet.unitSystem ?? 'metric');
  const focusOn = useFleet((s) => s.focusOn);
  const dropWouldBreak = useFleet((s) => s.dropWouldBreak);
  const groups = useMemo(() => problemGroups(violations), [violations]);
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h3>
        Problems <span className="muted">{countOf(errors, 'error')} · {countOf(violations.length - errors, 'warning')}</span>
      </h3>
      {dropWouldBreak.length > 0 && (
        <div className="drop-preview" role="status" data-testid="drop-preview">
          <h4 className="error">Dropped here, the move would break</h4>
          <ul>
            {dropWouldBreak.map((v) => (
              <li key={v.id} className={`problem ${v.severity}`}>
                {describeViolation(v, units)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {checking && <p className="muted" data-testid="problems-checking">Checking the fleet…</p>}
      {/* A warning (a spare asked for and missing, a facing) breaks no limit: it is listed below all the same. */}
      {!checking && errors === 0 && <p className="muted">Every limit holds.</p>}
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
