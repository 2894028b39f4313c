/**
 * The options the optimizer rules out before it searches, and why: an engineer asking
 * "why not GB200s in Building C?" reads the answer here instead of guessing.
 */
import { useMemo } from 'react';
import type { FleetDoc } from '../../../shared/model/schema';
import { hallOptions, ruledOutOptions } from '../../../shared/optimizer/model';

export function RuledOutOptions({ doc }: { doc: FleetDoc }) {
  const ruledOut = useMemo(() => {
    const models = new Map(doc.models.map((m) => [m.id, m]));
    try {
      return ruledOutOptions(doc.halls.map((hall) => ({ hall, options: hallOptions(hall, models, doc.fleet) })));
    } catch {
      return []; // A broken option (a model the catalog lacks) is reported by the run itself.
    }
  }, [doc.halls, doc.models, doc.fleet]);
  if (!ruledOut.length) return null;
  return (
    <details className="ruled-out" data-testid="optimizer-ruled-out">
      <summary>Options ruled out before the search ({ruledOut.length})</summary>
      <ul>
        {ruledOut.map(({ hall, option }) => (
          <li key={`${hall.id}:${option.option.id}`}>
            {hall.name}, “{option.option.name}”: {option.excluded}
          </li>
        ))}
      </ul>
    </details>
  );
}
