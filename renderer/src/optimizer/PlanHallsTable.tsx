import { useMemo } from 'react';
import type { FleetDoc, Placement, Plan } from '../../../shared/model/schema';
import { hallOptions } from '../../../shared/optimizer/model';
import { periodLabel } from '../../../shared/units';

/**
 * What a kept hall keeps, model by model ("120 × Shelf rack, 16 × GB200 NVL72"), as the
 * optimizer counted it: keeping follows the hall as it stands, so one model's name beside
 * the total would misname the rest.
 */
function keptText(doc: FleetDoc, hallId: string, optionId: string, placed: readonly Placement[]): string | null {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall || hall.retrofitOptions.find((o) => o.id === optionId)?.kind !== 'keep-mining') return null;
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const kept = hallOptions(hall, models, doc.fleet, placed).find((o) => o.option.id === optionId)?.kept ?? [];
  return kept.length > 1 ? kept.map((k) => `${k.units} × ${k.model.name}`).join(', ') : null;
}

/** The plan hall by hall: the option chosen, when it starts and how many units it runs. */
export function PlanHallsTable({ plan, doc }: { plan: Plan; doc: FleetDoc }) {
  const placedByHall = useMemo(() => {
    const byHall = new Map<string, Placement[]>();
    for (const p of doc.placements) {
      const list = byHall.get(p.hallId);
      if (list) list.push(p);
      else byHall.set(p.hallId, [p]);
    }
    return byHall;
  }, [doc.placements]);
  return (
    <table className="plan-table" data-testid="optimizer-halls">
      <thead><tr><th>Hall</th><th>Option</th><th>Starts</th><th>Units</th></tr></thead>
      <tbody>
        {plan.halls.map((h) => {
          const hall = doc.halls.find((x) => x.id === h.hallId);
          return (
            <tr key={h.hallId}>
              <td>{hall?.name ?? h.hallId}</td>
              <td>{hall?.retrofitOptions.find((o) => o.id === h.optionId)?.name ?? h.optionId}</td>
              <td>{h.startPeriod === null ? '' : periodLabel(doc.fleet, h.startPeriod)}</td>
              <td>{keptText(doc, h.hallId, h.optionId, placedByHall.get(h.hallId) ?? []) ?? h.units}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
