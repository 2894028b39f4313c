/**
 * The fleet model: one schema for the document in memory, the JSON export, the ipc
 * contract and the validation on open. Lengths are metres, real power kW (MW where the
 * field says so), electrical ratings kVA (apparent power), mass kg, money USD; positions are hall coordinates in metres with
 * the origin at the hall's north-west corner, x east, y south.
 */
import { z } from 'zod';

/** An id's longest: the columns the renderer is sent check the same figure. */
export const ID_MAX_LENGTH = 64;
const id = z.string().min(1).max(ID_MAX_LENGTH);
const finite = z.number().finite();
const nonNegative = finite.nonnegative();
const positive = finite.positive();
const fraction = finite.min(0).max(1);

/**
 * Ceilings far above any real site (the largest mining campuses are a few km across and
 * draw under 2 GW), low enough that a slip like 1e12 is refused where it is typed rather
 * than stored, drawn and priced. The inspector's fields use the same figures.
 */
export const CEILING = {
  siteLengthM: 20_000,
  hallLengthM: 2_000,
  equipmentLengthM: 100,
  coordinateM: 100_000,
  powerKw: 10_000_000,
  powerMw: 10_000,
  floorLoadKgPerM2: 100_000,
  massKg: 1_000_000,
  /** Past any rack: the densest liquid-cooled racks draw a few hundred kW. */
  rackKw: 10_000,
  /** Power prices and credits: ERCOT's cap is $5,000/MWh. */
  priceUsdPerMwh: 10_000,
  /** One interval's price, either sign: real-time prices spike to the cap plus adders; far past it is a wrong column. */
  seriesPriceUsdPerMwh: 100_000,
  /** A transmission charge on peak demand: a few $/kW-month in practice. */
  peakChargeUsdPerKwMonth: 1_000,
  /** One capex figure or budget: a trillion dollars. */
  usd: 1e12,
  /** Hashprice peaked near $400/PH/day (2021). */
  hashpriceUsdPerPhDay: 10_000,
  gpuRateUsdPerGpuHour: 1_000,
  powerPriceFactor: 100,
  hashrateThs: 10_000_000,
  landHa: 1_000_000,
  gpus: 10_000_000,
} as const;
/**
 * Floors under which a figure is a slip, not a building: a 0.1 mm hall or a slab rated
 * for 1e-300 kg/m² would be stored, then shown as 0.
 */
export const SMALLEST = {
  /** A hall or zone side: a zone narrower than this is a slip of the mouse. */
  hallLengthM: 0.5,
  siteLengthM: 1,
  /** Light mezzanines carry a few hundred kg/m². */
  floorLoadKgPerM2: 10,
  /** Below any real load's power factor; a 0 would make its kVA infinite. */
  powerFactor: 0.1,
} as const;
const siteLength = finite.min(SMALLEST.siteLengthM).max(CEILING.siteLengthM);
const hallLength = finite.min(SMALLEST.hallLengthM).max(CEILING.hallLengthM);
const equipmentLength = nonNegative.max(CEILING.equipmentLengthM);
const coordinate = finite.min(-CEILING.coordinateM).max(CEILING.coordinateM);
const powerKw = nonNegative.max(CEILING.powerKw);
const apparentPowerKva = nonNegative.max(CEILING.powerKw);
/** Real over apparent power: IT supplies run at 0.95–0.99, motors (fans, pumps) lower. */
const powerFactor = finite.min(SMALLEST.powerFactor).max(1);
const powerMw = nonNegative.max(CEILING.powerMw);

export const UNIT_SYSTEMS = ['metric', 'us'] as const;
export const COOLING_METHODS = [
  'free-air', // mining hall: fan walls / evaporative pads, outside air
  'air', // data-center air: CRAH or in-row units
  'rear-door', // rear-door heat exchangers
  'direct-to-chip', // cold plates and CDUs
  'immersion', // single-phase immersion tanks
  'hydro', // water-block miners in hydro racks or containers
] as const;
export const REDUNDANCIES = ['N', 'N+1', '2N'] as const;
export const HALL_USES = ['mining', 'ai', 'idle'] as const;
export const HALL_KINDS = ['building', 'container-pad', 'immersion-yard'] as const;
export const EQUIPMENT_KINDS = [
  'asic-miner',
  'miner-rack',
  'miner-container',
  'gpu-server',
  'gpu-rack',
  'cdu',
  'crah',
  'immersion-tank',
  'pdu',
  'busway',
  'switchboard', // distribution skid or switchboard between the transformer and the PDUs/busways
  'transformer',
  'ups',
  'generator',
] as const;
/** Each kind as people name it, in lists, tables and choices (the ids above are the file's). */
export const EQUIPMENT_KIND_LABEL: Readonly<Record<(typeof EQUIPMENT_KINDS)[number], string>> = {
  'asic-miner': 'ASIC miner',
  'miner-rack': 'Miner rack',
  'miner-container': 'Miner container',
  'gpu-server': 'GPU server',
  'gpu-rack': 'GPU rack',
  cdu: 'CDU',
  crah: 'CRAH / fan wall',
  'immersion-tank': 'Immersion tank',
  pdu: 'PDU',
  busway: 'Busway',
  switchboard: 'Switchboard / skid',
  transformer: 'Transformer',
  ups: 'UPS',
  generator: 'Generator',
};
export const OPTION_KINDS = ['keep-mining', 'repower', 'retrofit-ai', 'idle'] as const;
export const ROTATIONS = [0, 90, 180, 270] as const;

export type CoolingMethod = (typeof COOLING_METHODS)[number];
export type Redundancy = (typeof REDUNDANCIES)[number];
export type HallUse = (typeof HALL_USES)[number];
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];
export type OptionKind = (typeof OPTION_KINDS)[number];
export type Rotation = (typeof ROTATIONS)[number];

/** A calendar month, YYYY-MM. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const FleetMetaSchema = z.strictObject({
  name: z.string().min(1).max(200),
  author: z.string().max(200),
  revision: z.string().max(40),
  unitSystem: z.enum(UNIT_SYSTEMS),
  currency: z.string().length(3),
  periodMonths: z.number().int().min(1).max(12),
  horizonPeriods: z.number().int().min(1).max(120),
  /** The month period 1 begins (YYYY-MM), so periods read as dates ("Q1 2027"); absent, they read "period 1". */
  startMonth: z.string().regex(MONTH_PATTERN, 'a month as YYYY-MM').optional(),
  discountRatePctPerYear: finite.min(0).max(100),
  /** Continuous-load derate applied to every PDU/busway rating (NEC-style 80 %). */
  continuousLoadDerate: finite.gt(0).max(1),
  /** Reserved floor depth in front of and behind equipment counted in floor loading. */
  floorServiceAreaDepthM: equipmentLength,
});

export const DemandResponseSchema = z.strictObject({
  enabled: z.boolean(),
  creditUsdPerMwh: nonNegative.max(CEILING.priceUsdPerMwh),
  maxCurtailmentFraction: fraction,
});

/** A site's price series (shared/energy/price-series.ts): $/MWh per interval from its start, at most three years of 15-minute prices. */
export const PriceSeriesSchema = z.strictObject({
  source: z.string().max(300),
  // A real time of a real day: "2027-13-45T99:99" read by Date.UTC would roll into another month and shift every price.
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a time as YYYY-MM-DDTHH:mm')
    .refine((t) => {
      const ms = Date.parse(`${t}:00Z`);
      return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(t);
    }, 'a time of a real day, as YYYY-MM-DDTHH:mm'),
  intervalMinutes: z.union([z.literal(15), z.literal(60)]),
  pricesUsdPerMwh: z.array(finite.min(-CEILING.seriesPriceUsdPerMwh).max(CEILING.seriesPriceUsdPerMwh)).min(365 * 24).max(3 * 366 * 96),
});

/** Hedges a site may hold: enough for a book of blocks, few enough to list. */
export const MAX_HEDGES = 20;

/** A fixed-price block: the site buys `mw` at `priceUsdPerMwh` every hour, settled against the hour's price. */
export const HedgeSchema = z.strictObject({
  mw: powerMw,
  priceUsdPerMwh: finite.min(-CEILING.seriesPriceUsdPerMwh).max(CEILING.seriesPriceUsdPerMwh),
});

export const SiteSchema = z.strictObject({
  id,
  name: z.string().min(1).max(200),
  location: z.string().max(200),
  latitudeDeg: finite.min(-90).max(90).nullable(),
  longitudeDeg: finite.min(-180).max(180).nullable(),
  designDryBulbC: finite.min(-60).max(60),
  interconnectMw: powerMw,
  transformerCapacityMw: powerMw,
  powerPriceUsdPerMwh: nonNegative.max(CEILING.priceUsdPerMwh),
  demandResponse: DemandResponseSchema,
  /** The site's prices interval by interval; null, the flat price holds every hour. Absent in files before schema 4. */
  priceSeries: PriceSeriesSchema.nullable().default(null),
  /** 4CP-style transmission charge on the load drawn in the site's peak intervals, which firm AI pays and curtailable mining avoids. */
  peakDemandChargeUsdPerKwMonth: nonNegative.max(CEILING.peakChargeUsdPerKwMonth).default(0),
  hedges: z.array(HedgeSchema).max(MAX_HEDGES).default([]),
  landHa: nonNegative.max(CEILING.landHa),
  fiber: z.boolean(),
  widthM: siteLength,
  depthM: siteLength,
});

export const CoolingPlantSchema = z.strictObject({
  method: z.enum(COOLING_METHODS),
  unitCount: z.number().int().min(0).max(10_000),
  unitCapacityKw: powerKw,
  redundancy: z.enum(REDUNDANCIES),
});

/** Units of one capacity with redundancy: a hall's chillers or dry coolers on facility water. */
export const CoolingUnitsSchema = CoolingPlantSchema.omit({ method: true });

export const RetrofitOptionSchema = z.strictObject({
  id,
  name: z.string().min(1).max(200),
  kind: z.enum(OPTION_KINDS),
  /** Cooling class after the option is carried out. */
  coolingMethod: z.enum(COOLING_METHODS),
  /** The unit the option fills the hall with (miner rack, container, GPU rack…); null for idle. */
  modelId: id.nullable(),
  /** Building work: fixed capex of the conversion, on top of per-unit equipment capex. */
  capexUsd: nonNegative.max(CEILING.usd),
  leadTimePeriods: z.number().int().min(0).max(120),
  /** Hall limits after the option (a retrofit usually upgrades feed and cooling). */
  feedKw: powerKw,
  usableCoolingKw: powerKw,
  pue: finite.min(1).max(3),
  maxUnits: z.number().int().min(0).max(1_000_000),
});

export const HallSchema = z.strictObject({
  id,
  siteId: id,
  name: z.string().min(1).max(200),
  kind: z.enum(HALL_KINDS),
  /** Position of the hall's north-west corner on the site plan. */
  siteXM: coordinate,
  siteYM: coordinate,
  widthM: hallLength,
  depthM: hallLength,
  floorLimitKgPerM2: finite.min(SMALLEST.floorLoadKgPerM2).max(CEILING.floorLoadKgPerM2),
  feedKw: powerKw,
  cooling: CoolingPlantSchema,
  /** Chillers or dry coolers on the facility water loop: where the heat the hall's CDUs take away goes. */
  facilityWater: CoolingUnitsSchema,
  /** kW per rack allowed under this hall's cooling; null = the method's default. */
  densityLimitKwPerRack: positive.max(CEILING.rackKw).nullable(),
  pue: finite.min(1).max(3),
  currentUse: z.enum(HALL_USES),
  retrofitOptions: z.array(RetrofitOptionSchema).max(50),
});

export const ZoneSchema = z.strictObject({
  id,
  hallId: id,
  name: z.string().min(1).max(200),
  xM: coordinate,
  yM: coordinate,
  widthM: hallLength,
  depthM: hallLength,
  /** Air cooling available in the zone besides CRAH units placed in it. */
  airCoolingKw: powerKw,
  /** The zone's cooling method where it differs from its hall's (a liquid-cooled pod in an air hall); null: the hall's. */
  coolingMethod: z.enum(COOLING_METHODS).nullable(),
});

export const EquipmentModelSchema = z.strictObject({
  id,
  kind: z.enum(EQUIPMENT_KINDS),
  name: z.string().min(1).max(200),
  vendor: z.string().max(200),
  widthM: positive.max(CEILING.equipmentLengthM),
  depthM: positive.max(CEILING.equipmentLengthM),
  heightM: equipmentLength,
  weightKg: nonNegative.max(CEILING.massKg),
  /** IT (or, for infrastructure, own) electrical draw at steady state: real power. */
  powerKw: powerKw,
  /** Real over apparent power of that draw: kVA drawn = powerKw / powerFactor. */
  powerFactor,
  /** Share of the heat that leaves through liquid (CDU / tank loop); the rest goes to air. */
  heatToLiquidFraction: fraction,
  /** The cooling methods the unit runs under (the catalog's "Runs under"). */
  compatibleCooling: z.array(z.enum(COOLING_METHODS)).min(1),
  capexUsd: nonNegative.max(CEILING.usd),
  hashrateThs: nonNegative.max(CEILING.hashrateThs),
  gpuCount: z.number().int().min(0).max(CEILING.gpus),
  gpuType: z.string().max(40),
  /** Electrical rating (apparent power) for pdu / busway / switchboard / ups / transformer / generator. */
  ratingKva: apparentPowerKva,
  /** Power modules the rating is shared among (a modular UPS frame); 1 for gear built as one piece. */
  moduleCount: z.number().int().min(1).max(100),
  /** Modules held back as spares (N+1: one of them), whose share of the rating the checks do not count on. */
  moduleRedundancy: z.enum(REDUNDANCIES),
  /** The unit takes two independent feeds (A and B, 2N), each able to carry it alone: fed from one, it is an error. */
  dualFeed: z.boolean(),
  /** Heat removal capacity for cdu / crah / immersion-tank. */
  coolingCapacityKw: powerKw,
  clearanceFrontM: equipmentLength,
  clearanceBackM: equipmentLength,
  /** Overhead items (busways) neither collide with floor equipment nor load the slab. */
  mounting: z.enum(['floor', 'overhead']),
  source: z.string().max(500),
  builtIn: z.boolean(),
});

/** A placement's label is printed on the plan; this keeps it to what a drawing can carry. */
export const LABEL_MAX_LENGTH = 100;

export const PlacementSchema = z.strictObject({
  id,
  hallId: id,
  modelId: id,
  /** Centre of the footprint, hall coordinates. */
  xM: coordinate,
  yM: coordinate,
  /** Front of the equipment faces north at 0°, east at 90° (clockwise). */
  rotationDeg: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** The source feeding this one: a PDU or busway for IT, the next class up for a source. */
  powerSourceId: id.nullable(),
  /** A second (B) source for an A/B (2N) feed; each of the two must carry the whole load alone. */
  powerSourceBId: id.nullable(),
  label: z.string().max(LABEL_MAX_LENGTH),
});

export const ScenarioSchema = z.strictObject({
  id,
  name: z.string().min(1).max(200),
  probability: fraction,
  /** Per-period paths, one entry per planning period. */
  hashpriceUsdPerPhDay: z.array(nonNegative.max(CEILING.hashpriceUsdPerPhDay)).min(1),
  gpuRateUsdPerGpuHour: z.array(nonNegative.max(CEILING.gpuRateUsdPerGpuHour)).min(1),
  gpuUtilizationFraction: z.array(fraction).min(1),
  /** Multiplier on each site's power price. */
  powerPriceFactor: z.array(nonNegative.max(CEILING.powerPriceFactor)).min(1),
});

/**
 * The most price scenarios a fleet holds. Each scenario repeats the model's whole objective
 * (and, for a worst-case plan, adds a row as long), so a few dozen is already a large model;
 * a file of thousands built for minutes and ran the optimizer out of memory.
 */
export const MAX_SCENARIOS = 50;

export const PlanLimitsSchema = z.strictObject({
  objective: z.enum(['expected', 'worst-case']),
  capexBudgetUsdPerPeriod: z.array(nonNegative.max(CEILING.usd)),
  gpuDeliveriesPerPeriod: z.array(z.number().int().min(0).max(CEILING.gpus)),
  /** Contracted AI IT MW that must run in every period of the contract: from the period (index) it starts, for its term. */
  contractedAiMw: powerMw,
  contractedByPeriod: z.number().int().min(0),
  /**
   * The contract's term in periods; null or absent (older files), it runs to the end of the
   * horizon. No default: an edit of the other limits (a partial of this schema) must not reset it.
   */
  contractTermPeriods: z.number().int().min(1).max(1200).nullable().optional(),
  timeLimitS: positive.max(3600),
  mipGapFraction: finite.min(0).max(1),
});

export const PlanHallSchema = z.strictObject({
  hallId: id,
  optionId: id,
  /** The period the option starts; null for a hall kept as it is, which starts nothing. */
  startPeriod: z.number().int().min(0).nullable(),
  units: z.number().int().min(0),
  /** The hall's share of the plan's NPV (probability-weighted over the scenarios, or in the worst scenario for a worst-case plan); absent in plans saved before it was kept. */
  npvUsd: finite.optional(),
});

export const PlanPeriodSchema = z.strictObject({
  period: z.number().int().min(0),
  miningItMw: nonNegative,
  aiItMw: nonNegative,
  miningRevenueUsd: finite,
  aiRevenueUsd: finite,
  powerCostUsd: finite,
  /** Demand-response credits earned by curtailed mining; absent in plans saved before they were counted. */
  curtailmentCreditUsd: finite.optional(),
  /** Peak-demand charges paid by firm AI load; absent in plans saved before they were counted. */
  demandChargeUsd: finite.optional(),
  /** The sites' fixed-price blocks settled against their prices (spot − fixed, per MWh of the block). */
  hedgeSettlementUsd: finite.optional(),
  capexUsd: finite,
  cashFlowUsd: finite,
});

/** The return of the decision itself: the plan against keeping every hall as it is (no capex, the halls' own units running while they earn). */
export const DecisionReturnSchema = z.strictObject({
  /** NPV of keeping everything as it is, weighing the scenarios as the plan's NPV does. */
  asItIsNpvUsd: finite,
  /** The plan's NPV less keeping everything as it is. */
  npvUsd: finite,
  irrFraction: finite.nullable(),
  paybackPeriods: finite.nullable(),
  /** The plan's cash flow less keeping everything as it is's, per period. */
  cashFlowUsd: z.array(finite),
});

export const BindingLimitSchema = z.strictObject({
  limit: z.string(),
  description: z.string(),
  /** Dollars of NPV that one more `unit` of the limit is worth (per $1 M of budget where unit is "$M"; negative where it costs). */
  shadowPriceUsd: finite,
  /** What one more of the limit is: "MW", "$M", "GPUs"… */
  unit: z.string(),
});

export const PlanSchema = z.strictObject({
  id,
  name: z.string().min(1).max(200),
  createdAt: z.string(),
  // 'time-limit' and 'stopped' (by the user) keep the best plan found; mipGapFraction says how close it is proven to be.
  status: z.enum(['optimal', 'time-limit', 'stopped', 'infeasible']),
  objective: z.enum(['expected', 'worst-case']),
  /** A worst-case plan's halls and periods are read in the scenario worst for it: this one. Absent for an expected plan and in plans saved before it was kept. */
  figuresScenarioId: id.optional(),
  npvUsd: finite,
  irrFraction: finite.nullable(),
  paybackPeriods: finite.nullable(),
  /** Absent for an infeasible model, for plans saved before it was kept, and when keeping everything as it is could not be solved in the time left. */
  decision: DecisionReturnSchema.optional(),
  mipGapFraction: finite,
  /** The gap the user asked the search to prove; absent in plans saved before it was kept. */
  mipGapAskedFraction: finite.min(0).max(1).optional(),
  halls: z.array(PlanHallSchema),
  periods: z.array(PlanPeriodSchema),
  bindingLimits: z.array(BindingLimitSchema),
  // Present when the limits could not be priced (the time limit came first), so an empty list never reads as "nothing binds".
  bindingLimitsUnpriced: z.string().max(300).optional(),
  conflicts: z.array(z.string()),
  // Hashes of the model inputs the plan was made for, and those it left when applied: any other means it is out of date. Absent in older files.
  madeForInputs: z.array(z.string().max(40)).max(100).optional(),
});

export const TitleBlockSchema = z.strictObject({
  company: z.string().max(200),
  drawnBy: z.string().max(200),
  checkedBy: z.string().max(200),
  projectNumber: z.string().max(100),
  notes: z.string().max(2000),
});

export const FleetDocSchema = z.strictObject({
  fleet: FleetMetaSchema,
  sites: z.array(SiteSchema),
  halls: z.array(HallSchema),
  zones: z.array(ZoneSchema),
  models: z.array(EquipmentModelSchema),
  placements: z.array(PlacementSchema),
  scenarios: z.array(ScenarioSchema).max(MAX_SCENARIOS),
  limits: PlanLimitsSchema,
  plans: z.array(PlanSchema),
  titleBlock: TitleBlockSchema,
});

export type FleetMeta = z.infer<typeof FleetMetaSchema>;
export type Site = z.infer<typeof SiteSchema>;
export type Hedge = z.infer<typeof HedgeSchema>;
export type CoolingPlant = z.infer<typeof CoolingPlantSchema>;
export type CoolingUnits = z.infer<typeof CoolingUnitsSchema>;
export type RetrofitOption = z.infer<typeof RetrofitOptionSchema>;
export type Hall = z.infer<typeof HallSchema>;
export type Zone = z.infer<typeof ZoneSchema>;
export type EquipmentModel = z.infer<typeof EquipmentModelSchema>;
export type Placement = z.infer<typeof PlacementSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type PlanLimits = z.infer<typeof PlanLimitsSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PlanHall = z.infer<typeof PlanHallSchema>;
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;
export type DecisionReturn = z.infer<typeof DecisionReturnSchema>;
export type TitleBlock = z.infer<typeof TitleBlockSchema>;
export type FleetDoc = z.infer<typeof FleetDocSchema>;
/**
 * A fleet whose placements may be walked several times, each walk reading them afresh (a
 * large file's rows), so they are never all held at once. A FleetDoc is one.
 */
export type FleetReading = Omit<FleetDoc, 'placements'> & { placements: Iterable<Placement> };

/** Entity collections of a document that commands edit by id. */
/** The document's entity collections and each one's schema: commands and their checks read this one list. */
export const ENTITY_SCHEMAS = {
  sites: SiteSchema,
  halls: HallSchema,
  zones: ZoneSchema,
  models: EquipmentModelSchema,
  placements: PlacementSchema,
  scenarios: ScenarioSchema,
  plans: PlanSchema,
} as const;
export type EntityTable = keyof typeof ENTITY_SCHEMAS;
