/**
 * Scenario paths, plan limits and retrofit options for the samples, from the economics
 * section of REFERENCE.md. Period 0 is the first quarter of 2027.
 */
import { usableCoolingKw } from '../model/cooling';
import type { EquipmentModel, Hall, PlanLimits, RetrofitOption, Scenario } from '../model/schema';
import { m2ToFt2, KW_PER_MW } from '../units';

/** The next halving (about April 2028) falls in period 5 of a quarterly horizon from 2027. */
const HALVING_PERIOD = 5;
const HALVING_FACTOR = 0.55;

const cents = (v: number): number => Math.round(v * 100) / 100;

function path(periods: number, start: number, growthPerPeriod: number, floor = 0): number[] {
  return Array.from({ length: periods }, (_, t) => cents(Math.max(floor, start * (1 + growthPerPeriod) ** t)));
}

function hashprice(periods: number, start: number, growthPerPeriod: number): number[] {
  return path(periods, start, growthPerPeriod).map((v, t) => (t >= HALVING_PERIOD ? cents(v * HALVING_FACTOR) : v));
}

const flat = (periods: number, value: number): number[] => Array.from({ length: periods }, () => value);

/**
 * Where the scenarios start, with the published figure each comes from and its date, so a
 * user can tell a market price from our assumption. Hashprice is $/PH/day, the GPU rate
 * $/GPU-hour for Blackwell-class capacity.
 */
export const STARTING_PRICES = {
  hashpriceUsdPerPhDay: {
    bear: 38,
    base: 42,
    bull: 55,
    source: 'REFERENCE.md hashprice: ~$44/PH/day in Mar-Apr 2025, ~$38 in late 2025 (a five-year low); bear starts at the late-2025 low, base between the two, bull is our assumption of a rally',
  },
  gpuRateUsdPerGpuHour: {
    bear: 4.0,
    base: 4.5,
    bull: 5.0,
    source: 'REFERENCE.md GPU rental: GB200 ~$9 per superchip-hour (two GPUs, $4.50 a GPU), quoted with H100 at ~$2.35 in March 2026; bear and bull are our assumptions either side',
  },
} as const;

/**
 * Base / bear / bull, from STARTING_PRICES. Hashprice is cut at the halving; the GPU rate
 * falls as supply catches up.
 */
export function threeScenarios(periods: number): Scenario[] {
  return [
    {
      id: 'base',
      name: 'Base',
      probability: 0.5,
      hashpriceUsdPerPhDay: hashprice(periods, STARTING_PRICES.hashpriceUsdPerPhDay.base, 0.02),
      gpuRateUsdPerGpuHour: path(periods, STARTING_PRICES.gpuRateUsdPerGpuHour.base, -0.03, 2.5),
      gpuUtilizationFraction: flat(periods, 0.85),
      powerPriceFactor: flat(periods, 1),
    },
    {
      id: 'bear',
      name: 'Bear: hashprice at the lows, GPU glut',
      probability: 0.25,
      hashpriceUsdPerPhDay: hashprice(periods, STARTING_PRICES.hashpriceUsdPerPhDay.bear, -0.01),
      gpuRateUsdPerGpuHour: path(periods, STARTING_PRICES.gpuRateUsdPerGpuHour.bear, -0.05, 1.7),
      gpuUtilizationFraction: flat(periods, 0.7),
      powerPriceFactor: flat(periods, 1.1),
    },
    {
      id: 'bull',
      name: 'Bull: price rally, GPU scarcity',
      probability: 0.25,
      hashpriceUsdPerPhDay: hashprice(periods, STARTING_PRICES.hashpriceUsdPerPhDay.bull, 0.04),
      gpuRateUsdPerGpuHour: path(periods, STARTING_PRICES.gpuRateUsdPerGpuHour.bull, -0.015, 3.0),
      gpuUtilizationFraction: flat(periods, 0.92),
      powerPriceFactor: flat(periods, 0.95),
    },
  ];
}

/**
 * Five scenarios for the largest fleets' benchmarks: the three, and a mild bear and a mild
 * bull halfway between the base and each (hashprice, GPU rate, utilization and power price),
 * so the weights still add up to 1: 0.3, 0.15, 0.15, 0.2, 0.2.
 */
export function fiveScenarios(periods: number): Scenario[] {
  const [base, bear, bull] = threeScenarios(periods) as [Scenario, Scenario, Scenario];
  const halfway = (to: Scenario, id: string, name: string): Scenario => {
    const mid = (a: number[], b: number[]) => a.map((x, i) => (x + b[i]!) / 2);
    return {
      id,
      name,
      probability: 0.2,
      hashpriceUsdPerPhDay: mid(base.hashpriceUsdPerPhDay, to.hashpriceUsdPerPhDay),
      gpuRateUsdPerGpuHour: mid(base.gpuRateUsdPerGpuHour, to.gpuRateUsdPerGpuHour),
      gpuUtilizationFraction: mid(base.gpuUtilizationFraction, to.gpuUtilizationFraction),
      powerPriceFactor: mid(base.powerPriceFactor, to.powerPriceFactor),
    };
  };
  return [
    { ...base, probability: 0.3 },
    { ...bear, probability: 0.15 },
    { ...bull, probability: 0.15 },
    halfway(bear, 'mild-bear', 'Mild bear: halfway to the lows'),
    halfway(bull, 'mild-bull', 'Mild bull: halfway to the rally'),
  ];
}

export function defaultLimits(periods: number): PlanLimits {
  return {
    objective: 'expected',
    capexBudgetUsdPerPeriod: flat(periods, 250_000_000),
    // Sixteen NVL72 racks (1,152 GPUs) a quarter from the vendor allocation: enough, after
    // the year a conversion takes, to bring the 6 MW contract up on time.
    gpuDeliveriesPerPeriod: flat(periods, 1_152),
    contractedAiMw: 6,
    contractedByPeriod: 8,
    contractTermPeriods: null,
    timeLimitS: 60,
    mipGapFraction: 0.01,
  };
}

// REFERENCE.md: AI/HPC needs ~5000 ft² of floor per MW of IT, an AI-ready (Tier III)
// conversion costs $8-11 M per MW of IT, grid-to-IT runs 1.25-1.45, hyperscale AI PUE 1.1-1.2.
const AI_FT2_PER_MW = 5_000;
const AI_CONVERSION_USD_PER_MW = 9_500_000;
const AI_GRID_TO_IT = 1.35;
const AI_PUE = 1.2;
/** Conversion takes a year: permits, slab and electrical work, CDUs and dry coolers. */
const AI_LEAD_TIME_PERIODS = 4;

export function retrofitAiOption(hall: Pick<Hall, 'id' | 'widthM' | 'depthM'>, rack: EquipmentModel): RetrofitOption {
  const itMw = m2ToFt2(hall.widthM * hall.depthM) / AI_FT2_PER_MW;
  const itKw = itMw * KW_PER_MW;
  return {
    id: `${hall.id}-ai`,
    name: `Retrofit to ${rack.name}`,
    kind: 'retrofit-ai',
    coolingMethod: 'direct-to-chip',
    modelId: rack.id,
    capexUsd: Math.round(itMw * AI_CONVERSION_USD_PER_MW),
    leadTimePeriods: AI_LEAD_TIME_PERIODS,
    feedKw: Math.round(itKw * AI_GRID_TO_IT),
    usableCoolingKw: Math.round(itKw * 1.1),
    pue: AI_PUE,
    maxUnits: Math.floor(itKw / rack.powerKw),
  };
}

/** Keep the hall as it is: its current limits and unit count. */
export function keepMiningOption(hall: Hall, model: EquipmentModel, units: number): RetrofitOption {
  return {
    id: `${hall.id}-keep`,
    name: `Keep mining (${model.name})`,
    kind: 'keep-mining',
    coolingMethod: hall.cooling.method,
    modelId: model.id,
    capexUsd: 0,
    leadTimePeriods: 0,
    feedKw: hall.feedKw,
    usableCoolingKw: usableCoolingKw(hall),
    pue: hall.pue,
    maxUnits: units,
  };
}

export function idleOption(hall: Hall): RetrofitOption {
  return {
    id: `${hall.id}-idle`,
    name: 'Idle (curtail, sell power back)',
    kind: 'idle',
    coolingMethod: hall.cooling.method,
    modelId: null,
    capexUsd: 0,
    leadTimePeriods: 0,
    feedKw: hall.feedKw,
    usableCoolingKw: usableCoolingKw(hall),
    pue: hall.pue,
    maxUnits: 0,
  };
}
