/**
 * Schema version 1. Columns carry the model's field names so rows map to objects without
 * renaming; arrays (paths, cooling lists) are JSON text. `seq`, the rowid, keeps each collection's
 * order, so reading a table in order is a plain scan.
 * Model rules (non-negative power, references) are checked by shared/model/integrity.ts on
 * load rather than by SQL constraints, so a damaged file is reported, not half-read.
 */
export default `
CREATE TABLE fleet_meta (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  name TEXT NOT NULL,
  author TEXT NOT NULL,
  revision TEXT NOT NULL,
  unitSystem TEXT NOT NULL,
  currency TEXT NOT NULL,
  periodMonths INTEGER NOT NULL,
  horizonPeriods INTEGER NOT NULL,
  discountRatePctPerYear REAL NOT NULL,
  continuousLoadDerate REAL NOT NULL,
  floorServiceAreaDepthM REAL NOT NULL
);

CREATE TABLE plan_limits (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  objective TEXT NOT NULL,
  capexBudgetUsdPerPeriod TEXT NOT NULL,
  gpuDeliveriesPerPeriod TEXT NOT NULL,
  contractedAiMw REAL NOT NULL,
  contractedByPeriod INTEGER NOT NULL,
  timeLimitS REAL NOT NULL,
  mipGapFraction REAL NOT NULL
);

CREATE TABLE title_block (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  company TEXT NOT NULL,
  drawnBy TEXT NOT NULL,
  checkedBy TEXT NOT NULL,
  projectNumber TEXT NOT NULL,
  notes TEXT NOT NULL
);

CREATE TABLE sites (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  location TEXT NOT NULL,
  latitudeDeg REAL,
  longitudeDeg REAL,
  designDryBulbC REAL NOT NULL,
  interconnectMw REAL NOT NULL,
  transformerCapacityMw REAL NOT NULL,
  powerPriceUsdPerMwh REAL NOT NULL,
  demandResponseEnabled INTEGER NOT NULL,
  demandResponseCreditUsdPerMwh REAL NOT NULL,
  demandResponseMaxCurtailmentFraction REAL NOT NULL,
  landHa REAL NOT NULL,
  fiber INTEGER NOT NULL,
  widthM REAL NOT NULL,
  depthM REAL NOT NULL
);

CREATE TABLE halls (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  siteId TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  siteXM REAL NOT NULL,
  siteYM REAL NOT NULL,
  widthM REAL NOT NULL,
  depthM REAL NOT NULL,
  floorLimitKgPerM2 REAL NOT NULL,
  feedKw REAL NOT NULL,
  coolingMethod TEXT NOT NULL,
  coolingUnitCount INTEGER NOT NULL,
  coolingUnitCapacityKw REAL NOT NULL,
  coolingRedundancy TEXT NOT NULL,
  densityLimitKwPerRack REAL,
  pue REAL NOT NULL,
  currentUse TEXT NOT NULL
);

CREATE TABLE retrofit_options (
  hallId TEXT NOT NULL,
  id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  coolingMethod TEXT NOT NULL,
  modelId TEXT,
  capexUsd REAL NOT NULL,
  leadTimePeriods INTEGER NOT NULL,
  feedKw REAL NOT NULL,
  usableCoolingKw REAL NOT NULL,
  pue REAL NOT NULL,
  maxUnits INTEGER NOT NULL,
  PRIMARY KEY (hallId, id)
);

CREATE TABLE zones (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hallId TEXT NOT NULL,
  name TEXT NOT NULL,
  xM REAL NOT NULL,
  yM REAL NOT NULL,
  widthM REAL NOT NULL,
  depthM REAL NOT NULL,
  airCoolingKw REAL NOT NULL
);

CREATE TABLE models (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  vendor TEXT NOT NULL,
  widthM REAL NOT NULL,
  depthM REAL NOT NULL,
  heightM REAL NOT NULL,
  weightKg REAL NOT NULL,
  powerKw REAL NOT NULL,
  heatToLiquidFraction REAL NOT NULL,
  compatibleCooling TEXT NOT NULL,
  capexUsd REAL NOT NULL,
  hashrateThs REAL NOT NULL,
  gpuCount INTEGER NOT NULL,
  gpuType TEXT NOT NULL,
  ratingKw REAL NOT NULL,
  coolingCapacityKw REAL NOT NULL,
  clearanceFrontM REAL NOT NULL,
  clearanceBackM REAL NOT NULL,
  source TEXT NOT NULL,
  builtIn INTEGER NOT NULL
);

CREATE TABLE placements (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hallId TEXT NOT NULL,
  modelId TEXT NOT NULL,
  xM REAL NOT NULL,
  yM REAL NOT NULL,
  rotationDeg INTEGER NOT NULL,
  powerSourceId TEXT,
  label TEXT NOT NULL
);

CREATE TABLE scenarios (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  probability REAL NOT NULL,
  hashpriceUsdPerPhDay TEXT NOT NULL,
  gpuRateUsdPerGpuHour TEXT NOT NULL,
  gpuUtilizationFraction TEXT NOT NULL,
  powerPriceFactor TEXT NOT NULL
);

-- Optimizer results are written and read whole; their inner shape is the model's Plan.
CREATE TABLE plans (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL
);
`;
