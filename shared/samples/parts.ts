/** Builders shared by the samples, so each sample states only what makes it different. */
import type { CoolingMethod, FleetDoc, FleetMeta, Hall, Redundancy, Site, TitleBlock } from '../model/schema';
import { defaultLimits, threeScenarios } from './economics';

export const QUARTERS_5Y = 20;

export function fleetMeta(name: string, horizonPeriods: number): FleetMeta {
  return {
    name,
    author: 'Fleet Planner sample',
    revision: 'A',
    unitSystem: 'metric',
    currency: 'USD',
    periodMonths: 3,
    horizonPeriods,
    // The sample economics start in the first quarter of 2027.
    startMonth: '2027-01',
    discountRatePctPerYear: 10,
    continuousLoadDerate: 0.8,
    floorServiceAreaDepthM: 0.5,
  };
}

export function titleBlock(projectNumber: string, notes: string): TitleBlock {
  return { company: 'Sample Mining Co.', drawnBy: 'Fleet Planner', checkedBy: '', projectNumber, notes };
}

type SiteBasics = Pick<Site, 'id' | 'name' | 'location' | 'interconnectMw' | 'transformerCapacityMw' | 'powerPriceUsdPerMwh' | 'widthM' | 'depthM'> &
  Partial<Site>;

export function site(basics: SiteBasics): Site {
  return {
    latitudeDeg: null,
    longitudeDeg: null,
    designDryBulbC: 35,
    demandResponse: { enabled: false, creditUsdPerMwh: 0, maxCurtailmentFraction: 0 },
    priceSeries: null,
    peakDemandChargeUsdPerKwMonth: 0,
    hedges: [],
    landHa: 10,
    fiber: true,
    ...basics,
  };
}

type HallBasics = Pick<Hall, 'id' | 'siteId' | 'name' | 'kind' | 'siteXM' | 'siteYM' | 'widthM' | 'depthM' | 'floorLimitKgPerM2' | 'feedKw' | 'pue' | 'currentUse'> & {
  plant: { method: CoolingMethod; unitCount: number; unitCapacityKw: number; redundancy?: Redundancy };
  /** Chillers / dry coolers on facility water; none unless the hall has CDUs. */
  facilityWater?: { unitCount: number; unitCapacityKw: number; redundancy?: Redundancy };
  densityLimitKwPerRack?: number | null;
};

export function hall(basics: HallBasics): Hall {
  const { plant, facilityWater, densityLimitKwPerRack, ...rest } = basics;
  return {
    ...rest,
    cooling: { redundancy: 'N+1', ...plant },
    facilityWater: { unitCount: 0, unitCapacityKw: 0, redundancy: 'N+1', ...facilityWater },
    densityLimitKwPerRack: densityLimitKwPerRack ?? null,
    retrofitOptions: [],
  };
}

/** Scenarios and limits every sample shares, over the given horizon. */
export function economics(horizonPeriods: number): Pick<FleetDoc, 'scenarios' | 'limits' | 'plans'> {
  return { scenarios: threeScenarios(horizonPeriods), limits: defaultLimits(horizonPeriods), plans: [] };
}
