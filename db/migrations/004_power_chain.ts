/**
 * Schema version 4: the power and cooling chains. Electrical ratings are apparent power
 * (kVA) and each model draws at a power factor; a placement may name a second (B) source;
 * a hall has facility water (chillers / dry coolers) for the heat its CDUs take away; a zone
 * may have a cooling method of its own (null, the hall's, in files from before).
 * A file from before cannot tell a rating's power factor, so its ratings keep their number
 * as kVA and every model draws at PF 1 (kVA = kW), which checks exactly as before. The
 * facility water starts as the hall's cooling plant, the only figure the file has.
 * The built-in 3000 kVA distribution skid becomes a switchboard, the class it is.
 */
export default `
ALTER TABLE models RENAME COLUMN ratingKw TO ratingKva;
ALTER TABLE models ADD COLUMN powerFactor REAL NOT NULL DEFAULT 1;
UPDATE models SET kind = 'switchboard' WHERE id = 'pdu-skid3000' AND builtIn = 1 AND kind = 'pdu';
ALTER TABLE placements ADD COLUMN powerSourceBId TEXT;
ALTER TABLE zones ADD COLUMN coolingMethod TEXT;
ALTER TABLE halls ADD COLUMN facilityWaterUnitCount INTEGER NOT NULL DEFAULT 0;
ALTER TABLE halls ADD COLUMN facilityWaterUnitCapacityKw REAL NOT NULL DEFAULT 0;
ALTER TABLE halls ADD COLUMN facilityWaterRedundancy TEXT NOT NULL DEFAULT 'N';
UPDATE halls SET facilityWaterUnitCount = coolingUnitCount, facilityWaterUnitCapacityKw = coolingUnitCapacityKw, facilityWaterRedundancy = coolingRedundancy;
`;

/** What the user is told, once, when a file is brought to this version. */
export const notice =
  'electrical ratings now read as kVA (the old figures kept, each model at power factor 1: edit the power factors in the Catalog), and each hall’s facility water starts as its cooling plant';
