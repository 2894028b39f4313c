import { useMemo } from 'react';
import { describeViolation, type Violation } from '../../../shared/constraints';
import { useFleet } from '../state/store';
import { countOf } from '../../../shared/units';


interface ProblemLine {
  first: Violation;
  count: number;
  /** Every offender of the line, for a click to select them all. */
  objectIds: string[];
}

/** 23 racks of one model over the slab limit in one hall make one line, "23 alike, such as …", not 23. */
function problemLines(violations: readonly Violation[]): ProblemLine[] {
  const lines = new Map<string, ProblemLine>();
  for (const v of violations) {
    // Units of one model break a rule about one unit alike (density, floor load), wherever they stand; 'outside the hall' differs unit by unit.
    const key = v.modelId && v.rule !== 'outside-hall' ? `${v.rule}|${v.hallId}|${v.modelId}` : v.id;
    const line = lines.get(key);
    if (line) {
      line.count++;
      line.objectIds.push(...v.objectIds);
    } else {
      lines.set(key, { first: v, count: 1, objectIds: [...v.objectIds] });
    }
  }
  return [...lines.values()];
}

/** Every open violation; a click selects the offenders and brings them into view. */
export function ProblemsPanel() {
  const violations = useFleet((s) => s.checks.violations);
  const units = useFleet((s) => s.document?.doc.fleet.unitSystem ?? 'metric');
  const focusOn = useFleet((s) => s.focusOn);
  const lines = useMemo(() => problemLines(violations), [violations]);
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h3>
        Problems <span className="muted">{countOf(errors, 'error')} · {countOf(violations.length - errors, 'warning')}</span>
      </h3>
      {violations.length === 0 && <p className="muted">Every limit holds.</p>}
      <ul>
        {lines.map(({ first, count, objectIds }) => (
          <li key={first.id}>
            <button className={`problem ${first.severity}`} onClick={() => focusOn({ ...first, objectIds })} data-testid={`problem-${first.rule}`} data-count={count}>
              {count > 1 ? `${count} alike, such as ` : ''}
              {describeViolation(first, units)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
