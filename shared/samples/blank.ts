import { builtInCatalog } from '../catalog';
import type { FleetDoc } from '../model/schema';
import { economics, fleetMeta, QUARTERS_5Y, titleBlock } from './parts';

/** A new, empty fleet: the built-in catalog and default economics, no sites yet. */
export function blankFleet(): FleetDoc {
  return {
    fleet: fleetMeta('Untitled fleet', QUARTERS_5Y),
    sites: [],
    halls: [],
    zones: [],
    models: builtInCatalog(),
    placements: [],
    ...economics(QUARTERS_5Y),
    titleBlock: { ...titleBlock('', ''), company: '', drawnBy: '' },
  };
}
