/**
 * The options the optimizer rules out before it searches, and why: an engineer asking
 * "why not GB200s in Building C?" reads the answer here instead of guessing.
 */
import { useMemo } from 'react';
import type { FleetDoc } from '../../../shared/model/schema';
import { keepingMissing, ruledOutOf } from '../../../shared/optimizer/model';

export function RuledOutOptions({ doc }: { doc: FleetDoc }) {
  const { halls, models, fleet, placements } = doc;
  const ruled = useMemo(() => ruledOutOf({ halls, models, fleet }), [halls, models, fleet]);
  // Read from the layout only when a hall has no keep option: an edit then walks the placements once.
  const unkept = useMemo(() => keepingMissing({ halls, models, placements }), [halls, models, placements]);
  const ruledOut = [...ruled, ...unkept];
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
