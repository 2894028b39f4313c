import { useMemo } from 'react';
import type { FleetDoc, Placement, Plan } from '../../../shared/model/schema';
import { hallOptions } from '../../../shared/optimizer/model';
import { describeStart } from '../../../shared/optimizer/describe';

/** What a kept hall keeps, as the plan table writes it: the option and the units column. */
interface Kept {
  option: string;
  units: string;
}

/**
 * What each kept hall keeps, model by model ("120 × Shelf rack, 16 × GB200 NVL72"), as the
 * optimizer counted it: keeping follows the hall as it stands, so the keep option's name and
 * model can misname it. A hall keeping its option's model alone is left out (the count says
 * it); a hall where GPU racks stand (after Apply, 52 GB200 racks) keeps them as it stands,
 * not "Keep mining (Shelf rack, 20 × Antminer S21 XP)" beside 52.
 */
function keptByHall(doc: FleetDoc, plan: Plan): Map<string, Kept> {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const halls = new Map(doc.halls.map((h) => [h.id, h]));
  const placed = new Map<string, Placement[]>();
  for (const p of doc.placements) {
    const list = placed.get(p.hallId);
    if (list) list.push(p);
    else placed.set(p.hallId, [p]);
  }
  const texts = new Map<string, Kept>();
  for (const h of plan.halls) {
    const hall = halls.get(h.hallId);
    const option = hall?.retrofitOptions.find((o) => o.id === h.optionId);
    if (!hall || option?.kind !== 'keep-mining') continue;
    const kept = hallOptions(hall, models, doc.fleet, placed.get(hall.id) ?? []).find((o) => o.option.id === h.optionId)?.kept ?? [];
    if (kept.length === 0 || (kept.length === 1 && kept[0]!.model.id === option.modelId)) continue;
    const mining = kept.every((k) => k.model.gpuCount === 0);
    texts.set(hall.id, { option: mining ? option.name : 'Keep as it stands', units: kept.map((k) => `${k.units} × ${k.model.name}`).join(', ') });
  }
  return texts;
}

/** The plan hall by hall: the option chosen, when it starts and how many units it runs. */
export function PlanHallsTable({ plan, doc }: { plan: Plan; doc: FleetDoc }) {
  const kept = useMemo(() => keptByHall(doc, plan), [doc, plan]);
  return (
    <table className="plan-table" data-testid="optimizer-halls">
      <thead><tr><th>Hall</th><th>Option</th><th>Starts</th><th>Units</th></tr></thead>
      <tbody>
        {plan.halls.map((h) => {
          const hall = doc.halls.find((x) => x.id === h.hallId);
          const keeps = kept.get(h.hallId);
          return (
            <tr key={h.hallId}>
              <td>{hall?.name ?? h.hallId}</td>
              <td>{keeps?.option ?? hall?.retrofitOptions.find((o) => o.id === h.optionId)?.name ?? h.optionId}</td>
              <td>{h.startPeriod === null ? '' : describeStart(doc.fleet, hall?.retrofitOptions.find((o) => o.id === h.optionId), h.startPeriod)}</td>
              <td>{keeps?.units ?? h.units}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
