/**
 * Adding and removing sites and halls, and removing equipment, each as one command (one undo
 * step). A new site or hall starts with plausible figures the user then edits; a removed one
 * takes with it everything that lives in it (halls, zones, equipment, and the plans that
 * chose an option for it), and removed power gear leaves what it fed unfed, so the document
 * never points at what is gone.
 */
import type { Command } from '../commands/schema';
import { hall as hallOf, site as siteOf } from '../samples/parts';
import { idleOption, keepMiningOption, retrofitAiOption } from '../samples/economics';
import { freeId, nextFreeName } from './copy-names';
import type { FleetDoc, Hall, Site } from './schema';
import { countOf } from '../units';

/** A site with room for a few halls, a 20 MW interconnect and a typical US industrial power price. */
export function addSite(doc: FleetDoc): { command: Command; site: Site } {
  const site = siteOf({
    id: freeId('site', new Set(doc.sites.map((s) => s.id))),
    name: nextFreeName('Site', doc.sites.map((s) => s.name)),
    location: '',
    interconnectMw: 20,
    transformerCapacityMw: 20,
    powerPriceUsdPerMwh: 45,
    widthM: 200,
    depthM: 120,
  });
  return { command: { type: 'insert', entities: { table: 'sites', items: [site] } }, site };
}

const NEW_HALL = { widthM: 40, depthM: 20, gapM: 10 };

/**
 * Where a new hall goes on its site: the first free place, row by row from the north-west
 * corner, 10 m clear of the site's edges and of every other hall; east of the last hall
 * when the site has no such place left (its size is the user's, and the site rule then
 * says the hall sticks out). Before, every new hall went east of the last, and the small
 * sample's second one stood 40 m past its site's edge.
 */
function newHallPlace(site: Site | undefined, siblings: readonly Hall[]): { x: number; y: number } {
  const { widthM: w, depthM: d, gapM: gap } = NEW_HALL;
  const clear = (x: number, y: number) => siblings.every((h) => x >= h.siteXM + h.widthM + gap || x + w + gap <= h.siteXM || y >= h.siteYM + h.depthM + gap || y + d + gap <= h.siteYM);
  if (site) {
    // Candidate corners: the site's, and just past each hall to the east and to the south.
    const xs = [gap, ...siblings.map((h) => h.siteXM + h.widthM + gap)].sort((a, b) => a - b);
    const ys = [gap, ...siblings.map((h) => h.siteYM + h.depthM + gap)].sort((a, b) => a - b);
    for (const y of ys) for (const x of xs) if (x + w + gap <= site.widthM + 1e-9 && y + d + gap <= site.depthM + 1e-9 && clear(x, y)) return { x, y };
  }
  return { x: siblings.reduce((x, h) => Math.max(x, h.siteXM + h.widthM + gap), gap), y: gap };
}

/**
 * A 40 × 20 m air-cooled mining hall in the first free place on its site, with two options
 * for the optimizer: stay idle, or retrofit to the catalog's GB200 NVL72 racks (when the
 * fleet's catalog has them).
 */
export function addHall(doc: FleetDoc, siteId: string): { command: Command; hall: Hall } {
  const siblings = doc.halls.filter((h) => h.siteId === siteId);
  const place = newHallPlace(doc.sites.find((s) => s.id === siteId), siblings);
  const id = freeId(`${siteId}-h`, new Set(doc.halls.map((h) => h.id)));
  const hall = hallOf({
    id,
    siteId,
    name: nextFreeName('Hall', siblings.map((h) => h.name)),
    kind: 'building',
    siteXM: place.x,
    siteYM: place.y,
    widthM: NEW_HALL.widthM,
    depthM: NEW_HALL.depthM,
    floorLimitKgPerM2: 1200,
    feedKw: 2000,
    pue: 1.1,
    currentUse: 'mining',
    plant: { method: 'free-air', unitCount: 5, unitCapacityKw: 500 },
  });
  const rack = doc.models.find((m) => m.id === 'nvl72-gb200');
  // Keeping counts what the layout comes to hold (the optimizer reads the hall as it stands): without it
  // the search could not keep the miners laid out, and "as it is" would count the hall idle.
  const miner = doc.models.find((m) => m.hashrateThs > 0);
  const keep = miner ? [{ ...keepMiningOption(hall, miner, 0), name: 'Keep mining what the hall holds' }] : [];
  hall.retrofitOptions = [...keep, idleOption(hall), ...(rack ? [retrofitAiOption(hall, rack)] : [])];
  return { command: { type: 'insert', entities: { table: 'halls', items: [hall] } }, hall };
}

/** What removing these halls takes with them, as one batch, and a sentence saying so. */
function removeHalls(doc: FleetDoc, hallIds: ReadonlySet<string>): { commands: Command[]; what: string[] } {
  const placements = doc.placements.filter((p) => hallIds.has(p.hallId)).map((p) => p.id);
  const zones = doc.zones.filter((z) => hallIds.has(z.hallId)).map((z) => z.id);
  const plans = doc.plans.filter((p) => p.halls.some((h) => hallIds.has(h.hallId))).map((p) => p.id);
  const commands: Command[] = [];
  if (placements.length) commands.push({ type: 'remove', table: 'placements', ids: placements });
  if (zones.length) commands.push({ type: 'remove', table: 'zones', ids: zones });
  if (plans.length) commands.push({ type: 'remove', table: 'plans', ids: plans });
  if (hallIds.size) commands.push({ type: 'remove', table: 'halls', ids: [...hallIds] });
  const what = [placements.length && countOf(placements.length, 'placed object'), zones.length && countOf(zones.length, 'zone'), plans.length && countOf(plans.length, 'optimizer plan')].filter(
    (w): w is string => !!w,
  );
  return { commands, what };
}

const withWhat = (name: string, what: string[]): string => (what.length ? `${name} and its ${what.join(', ')}` : name);

/** The batch that removes a hall, its undo label, and what it takes in words ("Hall 2 and its 40 placed objects, 1 zone"). */
export function removeHall(doc: FleetDoc, hallId: string): { command: Command; label: string; description: string } {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) throw new Error(`No hall "${hallId}" to remove`);
  const { commands, what } = removeHalls(doc, new Set([hallId]));
  const label = `delete ${hall.name}`;
  return { command: { type: 'batch', label, commands }, label, description: withWhat(hall.name, what) };
}

export function removeSite(doc: FleetDoc, siteId: string): { command: Command; label: string; description: string } {
  const site = doc.sites.find((s) => s.id === siteId);
  if (!site) throw new Error(`No site "${siteId}" to remove`);
  const halls = doc.halls.filter((h) => h.siteId === siteId);
  const { commands, what } = removeHalls(doc, new Set(halls.map((h) => h.id)));
  commands.push({ type: 'remove', table: 'sites', ids: [siteId] });
  const label = `delete ${site.name}`;
  return { command: { type: 'batch', label, commands }, label, description: withWhat(site.name, [...(halls.length ? [countOf(halls.length, 'hall')] : []), ...what]) };
}

/**
 * The command that removes placements: what they fed (A or B) stays where it is, fed from
 * them no more, for the checks to name as unfed. Deleting a PDU is how its racks are moved
 * to another: refusing it while they hang from it left nothing to do but unhook each first.
 */
export function removePlacements(doc: Pick<FleetDoc, 'placements'>, ids: readonly string[]): Command {
  const gone = new Set(ids);
  const remove: Command = { type: 'remove', table: 'placements', ids: [...ids] };
  const unhooked: Command[] = doc.placements.flatMap((p): Command[] => {
    if (gone.has(p.id)) return [];
    const a = p.powerSourceId !== null && gone.has(p.powerSourceId);
    const b = p.powerSourceBId !== null && gone.has(p.powerSourceBId);
    return a || b ? [{ type: 'update', table: 'placements', id: p.id, patch: { ...(a && { powerSourceId: null }), ...(b && { powerSourceBId: null }) } }] : [];
  });
  return unhooked.length ? { type: 'batch', label: 'delete', commands: [...unhooked, remove] } : remove;
}
