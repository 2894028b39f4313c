/**
 * The options the optimizer rules out before it searches, and why: an engineer asking
 * "why not GB200s in Building C?" reads the answer here instead of guessing.
 */
import { useMemo } from 'react';
import type { FleetDoc } from '../../../shared/model/schema';
import { ruledOutOf } from '../../../shared/optimizer/model';

export function RuledOutOptions({ doc }: { doc: FleetDoc }) {
  const { halls, models, fleet, placements } = doc;
  const ruledOut = useMemo(() => ruledOutOf({ halls, models, fleet, placements }), [halls, models, fleet, placements]);
  if (!ruledOut.length) return null;
  return (
    <details className="ruled-out" data-testid="optimizer-ruled-out">
      <summary>Options ruled out before the search ({ruledOut.length})</summary>
      <ul>
        {ruledOut.map((r) => (
          <li key={`${r.hallId}:${r.optionId}`}>{r.text}</li>
        ))}
      </ul>
    </details>
  );
}
