/**
 * The options the optimizer rules out before it searches, and why: an engineer asking
 * "why not GB200s in Building C?" reads the answer here instead of guessing.
 */
import { useMemo } from 'react';
import type { FleetDoc } from '../../../shared/model/schema';
import { describeExclusion } from '../../../shared/optimizer/describe';
import { hallOptions, ruledOutOptions, type OptionIx } from '../../../shared/optimizer/model';

export function RuledOutOptions({ doc }: { doc: FleetDoc }) {
  const ruledOut = useMemo(() => {
    const models = new Map(doc.models.map((m) => [m.id, m]));
    const optionsOf = (hall: FleetDoc['halls'][number]): OptionIx[] => {
      try {
        // The layout sets only how many miners keeping keeps, never whether an option is ruled out.
        return hallOptions(hall, models, doc.fleet, []);
      } catch {
        return []; // A hall's broken option (a model the catalog lacks) is reported by the run itself.
      }
    };
    return ruledOutOptions(doc.halls.map((hall) => ({ hall, options: optionsOf(hall) })));
  }, [doc.halls, doc.models, doc.fleet]);
  if (!ruledOut.length) return null;
  return (
    <details className="ruled-out" data-testid="optimizer-ruled-out">
      <summary>Options ruled out before the search ({ruledOut.length})</summary>
      <ul>
        {ruledOut.map(({ hall, option }) => (
          <li key={`${hall.id}:${option.option.id}`}>
            {hall.name}, “{option.option.name}”: {describeExclusion(option.excluded!, doc.fleet.unitSystem)}
          </li>
        ))}
      </ul>
    </details>
  );
}
