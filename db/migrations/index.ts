/**
 * Forward migrations, one per schema version, applied in order. A file's version is its
 * `PRAGMA user_version`; migration N takes a version N-1 file to version N. SQL lives in
 * TypeScript modules (not loose .sql files) so it travels inside every bundle (CLI, app, web).
 */
import initial from './001_initial';
import modelMounting from './002_model_mounting';
import fleetStartMonth from './003_fleet_start_month';
import powerChain, { notice as powerChainNotice } from './004_power_chain';
import energyAndContractTerm from './005_energy_and_contract_term';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** What changed in the user's figures, said once when a file is migrated past this version. */
  notice?: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'model mounting', sql: modelMounting },
  { version: 3, name: 'fleet start month', sql: fleetStartMonth },
  { version: 4, name: 'power chain', sql: powerChain, notice: powerChainNotice },
  { version: 5, name: 'energy and contract term', sql: energyAndContractTerm },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The notices of the migrations that take a file of version `from` to ours. */
export const migrationNotices = (from: number): string[] => MIGRATIONS.filter((m) => m.version > from && m.notice).map((m) => m.notice!);
