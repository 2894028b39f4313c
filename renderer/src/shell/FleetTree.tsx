import { useMemo } from 'react';
import { useFleet } from '../state/store';
import { computeTotals, formatHashrate, type Totals } from '../../../shared/model/totals';
import { countOf } from '../../../shared/units';
import { byName } from '../../../shared/model/order';
import type { Hall } from '../../../shared/model/schema';
import { AddSiteButton } from './inspector/structure-actions';

/**
 * What a hall produces, by what stands in it: GPUs where only GPU systems stand, hashrate
 * where only miners do, and where both stand (an AI hall part-way through its retrofit is
 * not "648 PH/s") whichever its use says; an empty hall says so (or, to host AI, that it
 * has no GPUs yet), not "0 TH/s".
 */
function hallOutput(t: Totals, use: Hall['currentUse']): string {
  if (t.gpuCount === 0 && t.hashrateThs === 0) return use === 'ai' ? countOf(0, 'GPU') : 'empty';
  const gpus = t.hashrateThs === 0 || (t.gpuCount > 0 && use === 'ai');
  return gpus ? countOf(t.gpuCount, 'GPU') : formatHashrate(t.hashrateThs);
}

/**
 * The hall's whole name and all it produces, for the tooltip: the tree cuts long names, and a
 * hall part-way through its retrofit shows only its GPUs there, though its miners still hash.
 */
function hallTitle(name: string, t: Totals, use: Hall['currentUse']): string {
  const both = t.gpuCount > 0 && t.hashrateThs > 0;
  return `${name}: ${both ? `${countOf(t.gpuCount, 'GPU')} and ${formatHashrate(t.hashrateThs)}` : hallOutput(t, use)}`;
}

/** Fleet → sites → halls; arrow keys move through halls, Enter/click opens one. */
export function FleetTree() {
  const document = useFleet((s) => s.document);
  const selectedHallId = useFleet((s) => s.selectedHallId);
  const selectedSiteId = useFleet((s) => s.selectedSiteId);
  const selectHall = useFleet((s) => s.selectHall);
  const selectSite = useFleet((s) => s.selectSite);
  const selectFleet = useFleet((s) => s.selectFleet);
  const doc = document?.doc;

  const sites = useMemo(
    () =>
      (doc?.sites ?? [])
        .slice()
        .sort(byName)
        .map((site) => ({
          site,
          halls: doc!.halls.filter((h) => h.siteId === site.id).sort(byName),
          totals: computeTotals(doc!, { siteId: site.id }),
        })),
    [doc],
  );
  if (!doc) return null;
  const hallOrder = sites.flatMap((s) => s.halls.map((h) => h.id));

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = selectedHallId ? hallOrder.indexOf(selectedHallId) : -1;
    const next = hallOrder[Math.max(0, Math.min(hallOrder.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) selectHall(next);
  };

  return (
    <nav className="fleet-tree" aria-label="Fleet tree" onKeyDown={onKeyDown}>
      <button className={`tree-fleet${!selectedSiteId && !selectedHallId ? ' selected' : ''}`} onClick={selectFleet} title="Fleet settings" data-testid="tree-fleet">
        {doc.fleet.name}
      </button>
      <ul role="tree">
        {sites.map(({ site, halls, totals }) => (
          <li key={site.id} role="treeitem" aria-expanded="true" aria-selected={selectedSiteId === site.id && !selectedHallId}>
            <button
              className={`tree-site${selectedSiteId === site.id && !selectedHallId ? ' selected' : ''}`}
              data-testid={`tree-site-${site.id}`}
              onClick={() => selectSite(site.id)}
              title={`${site.location} · interconnect ${site.interconnectMw} MW`}
            >
              <span className="tree-name">{site.name}</span>
              <span className="tree-meta">{totals.itMw.toFixed(2)} MW</span>
            </button>
            <ul role="group">
              {halls.map((hall) => {
                const hallTotals = computeTotals(doc, { hallId: hall.id });
                return (
                  <li key={hall.id} role="treeitem" aria-selected={hall.id === selectedHallId}>
                    <button
                      className={`tree-hall${hall.id === selectedHallId ? ' selected' : ''}`}
                      data-testid={`tree-hall-${hall.id}`}
                      onClick={() => selectHall(hall.id)}
                      title={hallTitle(hall.name, hallTotals, hall.currentUse)}
                    >
                      <span className={`use-dot use-${hall.currentUse}`} aria-hidden="true" />
                      <span className="tree-name">{hall.name}</span>
                      <span className="tree-meta">{hallOutput(hallTotals, hall.currentUse)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <AddSiteButton />
    </nav>
  );
}
