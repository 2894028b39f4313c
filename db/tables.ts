/**
 * How each collection of the fleet model maps to its table. Columns are named as the
 * model's fields, so most rows need no renaming; nested values (a site's demand-response
 * option, a hall's cooling plant) are flattened with a prefix and arrays stored as JSON.
 */
import type { EntityTable, EquipmentModel, FleetDoc, Hall, Plan, RetrofitOption, Scenario, Site } from '../shared/model/schema';

export type Row = Record<string, unknown>;

export interface CollectionSpec {
  table: string;
  /** Columns besides `seq`, in schema order. */
  columns: readonly string[];
  toRow(item: never): Row;
  fromRow(row: Row): unknown;
  /**
   * The same from the row's values in `columns` order, for the large collections: rows read
   * as arrays and turned into objects by one object literal cost far less garbage collection
   * than the objects better-sqlite3 builds natively (measured in tests/bench/document.bench.ts).
   * `shared` returns the first equal value of the read for references (a hall's or model's
   * id), so thousands of rows hold one string and the copies read die young.
   */
  fromValues?(values: unknown[], shared: (value: unknown) => unknown): unknown;
}

const bool = (v: boolean): number => (v ? 1 : 0);

/** Leaves malformed JSON as text, so the schema check names the field instead of the parser failing. */
function json(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const asBool = (v: unknown): unknown => (v === 0 ? false : v === 1 ? true : v);

const identity = (row: Row): Row => row;

export const SITE_COLUMNS = [
  'id', 'name', 'location', 'latitudeDeg', 'longitudeDeg', 'designDryBulbC', 'interconnectMw', 'transformerCapacityMw',
  'powerPriceUsdPerMwh', 'demandResponseEnabled', 'demandResponseCreditUsdPerMwh', 'demandResponseMaxCurtailmentFraction',
  'landHa', 'fiber', 'widthM', 'depthM',
] as const;

const HALL_COLUMNS = [
  'id', 'siteId', 'name', 'kind', 'siteXM', 'siteYM', 'widthM', 'depthM', 'floorLimitKgPerM2', 'feedKw', 'coolingMethod',
  'coolingUnitCount', 'coolingUnitCapacityKw', 'coolingRedundancy', 'densityLimitKwPerRack', 'pue', 'currentUse',
  'facilityWaterUnitCount', 'facilityWaterUnitCapacityKw', 'facilityWaterRedundancy',
] as const;

export const OPTION_COLUMNS = [
  'hallId', 'id', 'name', 'kind', 'coolingMethod', 'modelId', 'capexUsd', 'leadTimePeriods', 'feedKw', 'usableCoolingKw', 'pue', 'maxUnits',
] as const;

const MODEL_COLUMNS = [
  'id', 'kind', 'name', 'vendor', 'widthM', 'depthM', 'heightM', 'weightKg', 'powerKw', 'powerFactor', 'heatToLiquidFraction',
  'compatibleCooling', 'capexUsd', 'hashrateThs', 'gpuCount', 'gpuType', 'ratingKva', 'coolingCapacityKw', 'clearanceFrontM',
  'clearanceBackM', 'mounting', 'source', 'builtIn',
] as const;

const SCENARIO_PATHS = ['hashpriceUsdPerPhDay', 'gpuRateUsdPerGpuHour', 'gpuUtilizationFraction', 'powerPriceFactor'] as const;

export const COLLECTIONS: Record<EntityTable, CollectionSpec> = {
  sites: {
    table: 'sites',
    columns: SITE_COLUMNS,
    toRow: (s: Site): Row => {
      const { demandResponse, fiber, ...rest } = s;
      return {
        ...rest,
        demandResponseEnabled: bool(demandResponse.enabled),
        demandResponseCreditUsdPerMwh: demandResponse.creditUsdPerMwh,
        demandResponseMaxCurtailmentFraction: demandResponse.maxCurtailmentFraction,
        fiber: bool(fiber),
      };
    },
    fromRow: (r) => ({
      id: r.id,
      name: r.name,
      location: r.location,
      latitudeDeg: r.latitudeDeg,
      longitudeDeg: r.longitudeDeg,
      designDryBulbC: r.designDryBulbC,
      interconnectMw: r.interconnectMw,
      transformerCapacityMw: r.transformerCapacityMw,
      powerPriceUsdPerMwh: r.powerPriceUsdPerMwh,
      demandResponse: {
        enabled: asBool(r.demandResponseEnabled),
        creditUsdPerMwh: r.demandResponseCreditUsdPerMwh,
        maxCurtailmentFraction: r.demandResponseMaxCurtailmentFraction,
      },
      landHa: r.landHa,
      fiber: asBool(r.fiber),
      widthM: r.widthM,
      depthM: r.depthM,
    }),
  },
  halls: {
    table: 'halls',
    columns: HALL_COLUMNS,
    toRow: (h: Hall): Row => {
      const { cooling, facilityWater, retrofitOptions: _options, ...rest } = h;
      return {
        ...rest,
        facilityWaterUnitCount: facilityWater.unitCount,
        facilityWaterUnitCapacityKw: facilityWater.unitCapacityKw,
        facilityWaterRedundancy: facilityWater.redundancy,
        coolingMethod: cooling.method,
        coolingUnitCount: cooling.unitCount,
        coolingUnitCapacityKw: cooling.unitCapacityKw,
        coolingRedundancy: cooling.redundancy,
      };
    },
    // Retrofit options are joined in by the repository.
    fromRow: (r) => ({
      id: r.id,
      siteId: r.siteId,
      name: r.name,
      kind: r.kind,
      siteXM: r.siteXM,
      siteYM: r.siteYM,
      widthM: r.widthM,
      depthM: r.depthM,
      floorLimitKgPerM2: r.floorLimitKgPerM2,
      feedKw: r.feedKw,
      cooling: {
        method: r.coolingMethod,
        unitCount: r.coolingUnitCount,
        unitCapacityKw: r.coolingUnitCapacityKw,
        redundancy: r.coolingRedundancy,
      },
      facilityWater: {
        unitCount: r.facilityWaterUnitCount,
        unitCapacityKw: r.facilityWaterUnitCapacityKw,
        redundancy: r.facilityWaterRedundancy,
      },
      densityLimitKwPerRack: r.densityLimitKwPerRack,
      pue: r.pue,
      currentUse: r.currentUse,
      retrofitOptions: [] as unknown[],
    }),
  },
  zones: {
    table: 'zones',
    columns: ['id', 'hallId', 'name', 'xM', 'yM', 'widthM', 'depthM', 'airCoolingKw', 'coolingMethod'],
    toRow: identity as (z: never) => Row,
    fromRow: identity,
  },
  models: {
    table: 'models',
    columns: MODEL_COLUMNS,
    toRow: (m: EquipmentModel): Row => ({ ...m, compatibleCooling: JSON.stringify(m.compatibleCooling), builtIn: bool(m.builtIn) }),
    fromRow: (r) => ({ ...r, compatibleCooling: json(r.compatibleCooling), builtIn: asBool(r.builtIn) }),
  },
  placements: {
    table: 'placements',
    columns: ['id', 'hallId', 'modelId', 'xM', 'yM', 'rotationDeg', 'powerSourceId', 'label', 'powerSourceBId'],
    toRow: identity as (p: never) => Row,
    fromRow: identity,
    fromValues: (v, shared) => ({
      id: v[0],
      hallId: shared(v[1]),
      modelId: shared(v[2]),
      xM: v[3],
      yM: v[4],
      rotationDeg: v[5],
      powerSourceId: shared(v[6]),
      label: v[7],
      powerSourceBId: shared(v[8]),
    }),
  },
  scenarios: {
    table: 'scenarios',
    columns: ['id', 'name', 'probability', ...SCENARIO_PATHS],
    toRow: (s: Scenario): Row => {
      const row: Row = { ...s };
      for (const key of SCENARIO_PATHS) row[key] = JSON.stringify(s[key]);
      return row;
    },
    fromRow: (r) => {
      const out: Row = { ...r };
      for (const key of SCENARIO_PATHS) out[key] = json(r[key]);
      return out;
    },
  },
  plans: {
    table: 'plans',
    columns: ['id', 'body'],
    toRow: (p: Plan): Row => ({ id: p.id, body: JSON.stringify(p) }),
    fromRow: (r) => json(r.body),
  },
};

export const OPTION_TO_ROW = (hallId: string, o: RetrofitOption): Row => ({ hallId, ...o });
export const OPTION_FROM_ROW = ({ hallId: _hallId, ...rest }: Row): unknown => rest;

export const META_COLUMNS = [
  'name', 'author', 'revision', 'unitSystem', 'currency', 'periodMonths', 'horizonPeriods', 'discountRatePctPerYear',
  'continuousLoadDerate', 'floorServiceAreaDepthM', 'startMonth',
] as const;
/** The optional start month is NULL in the file and absent in the document. */
export const metaToRow = (f: FleetDoc['fleet']): Row => ({ ...f, startMonth: f.startMonth ?? null });
export const metaFromRow = (r: Row | undefined): unknown => {
  if (!r) return r;
  const { startMonth, ...rest } = r;
  return startMonth === null ? rest : r;
};
export const LIMIT_COLUMNS = [
  'objective', 'capexBudgetUsdPerPeriod', 'gpuDeliveriesPerPeriod', 'contractedAiMw', 'contractedByPeriod', 'contractTermPeriods', 'timeLimitS', 'mipGapFraction',
] as const;
export const TITLE_COLUMNS = ['company', 'drawnBy', 'checkedBy', 'projectNumber', 'notes'] as const;

export const limitsToRow = (l: FleetDoc['limits']): Row => ({
  ...l,
  capexBudgetUsdPerPeriod: JSON.stringify(l.capexBudgetUsdPerPeriod),
  gpuDeliveriesPerPeriod: JSON.stringify(l.gpuDeliveriesPerPeriod),
});
export const limitsFromRow = (r: Row | undefined): unknown =>
  r && { ...r, capexBudgetUsdPerPeriod: json(r.capexBudgetUsdPerPeriod), gpuDeliveriesPerPeriod: json(r.gpuDeliveriesPerPeriod) };
