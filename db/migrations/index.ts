/**
 * Forward migrations, one per schema version, applied in order. A file's version is its
 * `PRAGMA user_version`; migration N takes a version N-1 file to version N. SQL lives in
 * TypeScript modules (not loose .sql files) so it travels inside every bundle (CLI, app, web).
 */
import initial from './001_initial';
import modelMounting from './002_model_mounting';
import fleetStartMonth from './003_fleet_start_month';
import energyAndContractTerm from './004_energy_and_contract_term';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'model mounting', sql: modelMounting },
  { version: 3, name: 'fleet start month', sql: fleetStartMonth },
  { version: 4, name: 'energy and contract term', sql: energyAndContractTerm },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
