import { builtInCatalog } from '../catalog';
import type { FleetDoc } from '../model/schema';
import { economics, fleetMeta, QUARTERS_5Y, titleBlock } from './parts';

/** A new, empty fleet: the built-in catalog and the default market scenarios, no sites, no contract, no author yet. */
export function blankFleet(): FleetDoc {
  return {
    fleet: { ...fleetMeta('Untitled fleet', QUARTERS_5Y), author: '' },
    sites: [],
    halls: [],
    zones: [],
    models: builtInCatalog(),
    placements: [],
    ...economics(QUARTERS_5Y),
    // No AI contract until the user has one: a blank fleet promises nothing.
    limits: { ...economics(QUARTERS_5Y).limits, contractedAiMw: 0 },
    titleBlock: { ...titleBlock('', ''), company: '', drawnBy: '' },
  };
}
