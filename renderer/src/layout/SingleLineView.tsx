/**
 * A site's single line: its power chain as a tree, from the grid interconnect through the
 * transformers, each hall's feed and its sources (switchboards, skids, UPSs, busways, PDUs)
 * down to the rows of units they feed, with each level's load against the limit the
 * checks hold it to and a bar of how much of it is used. The rows are the printed single
 * line's (shared/power/chain.ts), over the live checks' headroom, so the figures are the
 * Headroom panel's. Clicking a node shows it selected on its hall's plan.
 */
import { useMemo, useState } from 'react';
import { countedOnceText, formatChainAmount, powerChainRows, utilizationText, type ChainRow } from '../../../shared/power/chain';
import { hallFloors, rowGroupOf } from '../../../shared/print/build-tables';
import { formatQuantity, type UnitSystem } from '../../../shared/units';
import { useFleet } from '../state/store';

/** Past this many rows a chain opens folded to its halls (each source within folded too), so a site of thousands of busway runs stays quick. */
const UNFOLDED_ROWS = 300;

/** Rows with rows under them (the next row is deeper), by key. */
function branches(rows: ChainRow[]): Set<string> {
  return new Set(rows.filter((r, i) => (rows[i + 1]?.depth ?? -1) > r.depth).map((r) => r.key));
}

/** The rows not under a folded branch. */
function unfolded(rows: ChainRow[], folded: ReadonlySet<string>): ChainRow[] {
  const shown: ChainRow[] = [];
  let hideBelow = Infinity;
  for (const r of rows) {
    if (r.depth > hideBelow) continue;
    hideBelow = folded.has(r.key) ? r.depth : Infinity;
    shown.push(r);
  }
  return shown;
}

export function SingleLineView({ siteId }: { siteId: string }) {
  const doc = useFleet((s) => s.document?.doc);
  const headroom = useFleet((s) => s.checks.headroom);
  const showOnPlan = useFleet((s) => s.showOnPlan);
  const site = doc?.sites.find((s) => s.id === siteId);
  const rows = useMemo(() => {
    if (!doc || !site) return [];
    const halls = doc.halls.filter((h) => h.siteId === siteId);
    // Load groups are the rows the units stand in, as on the printed single line.
    return powerChainRows(doc, site, halls, headroom, rowGroupOf(hallFloors(doc, halls)));
  }, [doc, site, siteId, headroom]);
  const withBranches = useMemo(() => branches(rows), [rows]);
  const [folded, setFolded] = useState<ReadonlySet<string> | null>(null);
  if (!doc || !site) return null;
  const foldedNow = folded ?? new Set(rows.length > UNFOLDED_ROWS ? rows.filter((r) => (r.level === 'hall' || r.level === 'source') && withBranches.has(r.key)).map((r) => r.key) : []);
  const toggle = (key: string) => {
    const next = new Set(foldedNow);
    if (!next.delete(key)) next.add(key);
    setFolded(next);
  };
  const units = doc.fleet.unitSystem;
  const derate = `${(doc.fleet.continuousLoadDerate * 100).toFixed(0)} %`;
  return (
    <div className="single-line" data-testid="single-line">
      <p className="muted single-line-caption">
        Each level's load against the limit the checks hold it to: a source's kVA (kW / power factor) against its rating × {derate} continuous load, a hall's feed and the site in kW (the site's IT × PUE). A unit on two feeds counts in full on each, and once on a source both its feeds lead to. Click a node to show it on its hall's plan.
      </p>
      <ul className="single-line-tree" aria-label={`Single line of ${site.name}`}>
        {unfolded(rows, foldedNow).map((r) => (
          <ChainNode key={r.key} row={r} units={units} branch={withBranches.has(r.key)} folded={foldedNow.has(r.key)} onToggle={() => toggle(r.key)} onShow={() => r.hallId && showOnPlan(r.hallId, r.level === 'hall' ? [] : r.ids)} />
        ))}
      </ul>
    </div>
  );
}

interface NodeProps {
  row: ChainRow;
  units: UnitSystem;
  branch: boolean;
  folded: boolean;
  onToggle(): void;
  onShow(): void;
}

function ChainNode({ row: r, units, branch, folded, onToggle, onShow }: NodeProps) {
  const amount = (v: number) => formatChainAmount(r, v, units);
  const over = r.overloaded;
  const figures =
    r.level === 'loads'
      ? `${formatQuantity(r.drawKw ?? 0, 'power', units, 1)} · ${formatQuantity(r.drawKva ?? 0, 'apparentPower', units, 1)}`
      : r.capacity === null
        ? 'in a loop: no load'
        : `${amount(r.load)} of ${amount(r.capacity)}`;
  return (
    <li className={`single-line-node level-${r.level}${over ? ' over' : ''}`} data-testid={`single-line-${r.key}`} data-utilization={r.utilization ?? undefined}>
      <span className="single-line-what" style={{ paddingLeft: `${r.depth * 16}px` }} title={[`${r.name}: ${r.equipment}`, countedOnceText(r, units)].filter(Boolean).join('; ')}>
        <span className="single-line-fold">
          {branch && (
            <button className="link" onClick={onToggle} aria-expanded={!folded} aria-label={`${folded ? 'Unfold' : 'Fold'} ${r.name}`}>
              {folded ? '▸' : '▾'}
            </button>
          )}
        </span>
        {r.hallId ? (
          <button className="link single-line-name" onClick={onShow} title={`Show ${r.name} on the plan of its hall`}>
            {r.name}
          </button>
        ) : (
          <strong className="single-line-name">{r.name}</strong>
        )}
        {r.feed && <span className="single-line-feed" title={`On its ${r.feed} feed`}>{r.feed}</span>}
        <span className="muted single-line-equipment">
          {r.equipment}
          {r.repeat ? ' (its branch is listed under its other feed)' : ''}
          {r.rating !== null && r.capacity !== null && r.rating !== r.capacity ? `, rated ${amount(r.rating)}` : ''}
          {r.countedOnce > 0 && `; ${countedOnceText(r, units)}`}
        </span>
      </span>
      <span className="single-line-figures">{figures}</span>
      {r.utilization !== null ? (
        <>
          <progress max={1} value={Math.min(1, r.utilization)} className={over ? 'over' : r.utilization > 0.9 ? 'tight' : ''} aria-label={`${r.name}: ${figures}`} />
          <span className={`single-line-used${over ? ' error' : ''}`}>{over ? `${utilizationText(r)}, over by ${amount(r.load - r.capacity!)}` : utilizationText(r)}</span>
        </>
      ) : (
        <span className="single-line-bar-space" />
      )}
    </li>
  );
}
