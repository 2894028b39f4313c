import { describeViolation } from '../../../shared/constraints';
import { useFleet } from '../state/store';

/** Every open violation; a click selects the offenders and brings them into view. */
export function ProblemsPanel() {
  const violations = useFleet((s) => s.checks.violations);
  const units = useFleet((s) => s.document?.doc.fleet.unitSystem ?? 'metric');
  const focusOn = useFleet((s) => s.focusOn);
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h3>
        Problems <span className="muted">{errors} errors · {violations.length - errors} warnings</span>
      </h3>
      {violations.length === 0 && <p className="muted">Every limit holds.</p>}
      <ul>
        {violations.map((v) => (
          <li key={v.id}>
            <button className={`problem ${v.severity}`} onClick={() => focusOn(v)} data-testid={`problem-${v.rule}`} title={v.id}>
              {describeViolation(v, units)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
