/**
 * The built-in equipment catalog. Figures come from /shared/domain/REFERENCE.md where it
 * has them (quoted in each `source`); sizes, weights, clearances and capex that the
 * reference does not give are marked "planner estimate" so a user knows to overwrite them.
 * Composite units (a shelf rack of miners, a loaded container or tank, a rack of GPU
 * servers) are catalog entries of their own because a placement cannot hold children.
 */
import { DEFAULT_POWER_FACTOR } from '../model/power-chain';
import { COOLING_METHODS, type CoolingMethod, type EquipmentModel } from '../model/schema';

// Said in each source so a user can tell published figures from our estimates.
const REF = 'Published data —';
// Electrical gear works under any cooling class.
const ANY_COOLING: CoolingMethod[] = [...COOLING_METHODS];
const EST = 'size, weight, clearances and capex: planner estimate, edit to your vendor quote';

type Basics = Pick<EquipmentModel, 'id' | 'kind' | 'name' | 'vendor' | 'widthM' | 'depthM' | 'heightM' | 'weightKg' | 'powerKw' | 'capexUsd' | 'source'> & {
  cooling: CoolingMethod[];
};

function entry(req: Basics, extra: Partial<EquipmentModel> = {}): EquipmentModel {
  const { cooling, ...rest } = req;
  return {
    powerFactor: DEFAULT_POWER_FACTOR[req.kind],
    moduleCount: 1,
    moduleRedundancy: 'N',
    dualFeed: false,
    heatToLiquidFraction: 0,
    hashrateThs: 0,
    gpuCount: 0,
    gpuType: '',
    ratingKva: 0,
    coolingCapacityKw: 0,
    clearanceFrontM: 0,
    clearanceBackM: 0,
    mounting: 'floor',
    builtIn: true,
    ...rest,
    compatibleCooling: [...cooling],
    ...extra,
  };
}

interface MinerSpec {
  id: string;
  name: string;
  vendor: string;
  ths: number;
  watts: number;
  jPerTh: string;
  cooling: 'air' | 'hydro' | 'immersion';
  capexUsd: number;
}

// Hashrate and power straight from the reference table; "~" marks a secondary source there.
export const MINERS: readonly MinerSpec[] = [
  { id: 'ant-s19xp', name: 'Antminer S19 XP', vendor: 'Bitmain', ths: 140, watts: 3010, jPerTh: '21.5', cooling: 'air', capexUsd: 1_000 },
  { id: 'ant-s21', name: 'Antminer S21', vendor: 'Bitmain', ths: 200, watts: 3500, jPerTh: '17.5', cooling: 'air', capexUsd: 3_000 },
  { id: 'ant-s21pro', name: 'Antminer S21 Pro', vendor: 'Bitmain', ths: 234, watts: 3531, jPerTh: '~15', cooling: 'air', capexUsd: 4_200 },
  { id: 'ant-s21xp', name: 'Antminer S21 XP', vendor: 'Bitmain', ths: 270, watts: 3645, jPerTh: '13.5', cooling: 'air', capexUsd: 5_400 },
  { id: 'ant-s21hyd', name: 'Antminer S21 Hyd', vendor: 'Bitmain', ths: 335, watts: 5360, jPerTh: '16.0', cooling: 'hydro', capexUsd: 5_700 },
  { id: 'ant-s21phyd', name: 'Antminer S21+ Hydro', vendor: 'Bitmain', ths: 319, watts: 4785, jPerTh: '~15', cooling: 'hydro', capexUsd: 5_000 },
  { id: 'wm-m66sp', name: 'WhatsMiner M66S+', vendor: 'MicroBT', ths: 314, watts: 5338, jPerTh: '17', cooling: 'immersion', capexUsd: 4_700 },
];

const MINER_COOLING: Record<MinerSpec['cooling'], CoolingMethod[]> = {
  air: ['free-air', 'air'],
  hydro: ['hydro'],
  immersion: ['immersion'],
};
// Water blocks take most but not all of a hydro miner's heat; the PSU still sheds to air.
const MINER_LIQUID_FRACTION: Record<MinerSpec['cooling'], number> = { air: 0, hydro: 0.9, immersion: 1 };

const minerSource = (m: MinerSpec): string =>
  `${REF} ASIC miners: ${m.name} ${m.ths} TH/s, ${m.watts} W, ${m.jPerTh} J/TH, ${m.cooling}; ${EST}`;

function miner(m: MinerSpec): EquipmentModel {
  const hydro = m.cooling !== 'air';
  return entry(
    {
      id: m.id,
      kind: 'asic-miner',
      name: m.name,
      vendor: m.vendor,
      widthM: hydro ? 0.17 : 0.195,
      depthM: 0.4,
      heightM: hydro ? 0.21 : 0.29,
      weightKg: hydro ? 13 : 16,
      powerKw: m.watts / 1000,
      capexUsd: m.capexUsd,
      source: minerSource(m),
      cooling: MINER_COOLING[m.cooling],
    },
    {
      hashrateThs: m.ths,
      heatToLiquidFraction: MINER_LIQUID_FRACTION[m.cooling],
      clearanceFrontM: 0.6,
      clearanceBackM: 0.6,
    },
  );
}

function minerById(id: string): MinerSpec {
  const found = MINERS.find((m) => m.id === id);
  if (!found) throw new Error(`catalog: no miner "${id}"`);
  return found;
}

interface LoadedUnitSpec {
  id: string;
  kind: 'miner-rack' | 'miner-container' | 'immersion-tank';
  /** Name before ", N × miner". */
  label: string;
  minerId: string;
  units: number;
  size: { widthM: number; depthM: number; heightM: number };
  weightKg: number;
  /** Draw besides the miners (fans, pumps). */
  extraKw?: number;
  /** Cost besides the miners (frame, container, tank). */
  extraCapexUsd: number;
  note: string;
  cooling: CoolingMethod[];
  heatToLiquidFraction: number;
  coolingCapacityKw?: number;
  clearanceFrontM: number;
  clearanceBackM: number;
}

/** A rack, container or tank filled with one miner model: power, hashrate and capex add up from the miner. */
function loadedUnit(u: LoadedUnitSpec): EquipmentModel {
  const m = minerById(u.minerId);
  return entry(
    {
      id: u.id,
      kind: u.kind,
      name: `${u.label}, ${u.units} × ${m.name}`,
      vendor: 'generic',
      ...u.size,
      weightKg: u.weightKg,
      powerKw: (u.units * m.watts) / 1000 + (u.extraKw ?? 0),
      capexUsd: u.units * m.capexUsd + u.extraCapexUsd,
      source: `${u.note}; ${minerSource(m)}`,
      cooling: u.cooling,
    },
    {
      hashrateThs: u.units * m.ths,
      heatToLiquidFraction: u.heatToLiquidFraction,
      coolingCapacityKw: u.coolingCapacityKw ?? 0,
      clearanceFrontM: u.clearanceFrontM,
      clearanceBackM: u.clearanceBackM,
    },
  );
}

/** Open shelf rack: 4 shelves of 5 air miners, intake on the cold-aisle front, exhaust to the hot aisle. */
const SHELF_RACK_MINERS = 20;

const shelfRack = (minerId: string): EquipmentModel =>
  loadedUnit({
    id: `rack-${minerId.replace('ant-', '')}`,
    kind: 'miner-rack',
    label: 'Shelf rack',
    minerId,
    units: SHELF_RACK_MINERS,
    size: { widthM: 2.0, depthM: 0.7, heightM: 2.0 },
    weightKg: SHELF_RACK_MINERS * 16 + 100,
    extraCapexUsd: 2_000,
    note: `${SHELF_RACK_MINERS} per rack: planner layout`,
    cooling: ['free-air', 'air'],
    heatToLiquidFraction: 0,
    clearanceFrontM: 1.2,
    clearanceBackM: 1.5,
  });

const FORTY_FOOT = { widthM: 12.192, depthM: 2.438, heightM: 2.896 };

const LOADED_UNITS: LoadedUnitSpec[] = [
  {
    id: 'ctr-hyd40',
    kind: 'miner-container',
    label: 'Hydro container 40 ft',
    minerId: 'ant-s21hyd',
    // The source's ~1.9 MW is 168 units of ~11.3 kW (3U hydro miners); loaded with 168 S21 Hyd at
    // 5.36 kW the container draws 0.90 MW, and the 1.9 MW stays as its heat-rejection rating.
    units: 168,
    size: FORTY_FOOT,
    weightKg: 16_500,
    extraCapexUsd: 250_000,
    note: `${REF} hydro 40 ft container: 168+ units at a 1,900 kW load, i.e. ~11.3 kW a unit (Uminers, "How to choose a mining container in 2026", read 2026-12); with 168 S21 Hyd at 5.36 kW it draws 168 × 5.36 = 900.5 kW (0.90 MW), so 1,900 kW is taken as its heat-rejection rating, not its draw`,
    cooling: ['hydro'],
    heatToLiquidFraction: 0.9,
    coolingCapacityKw: 1_900,
    clearanceFrontM: 2.0,
    clearanceBackM: 2.0,
  },
  {
    id: 'ctr-imm40',
    kind: 'miner-container',
    label: 'Immersion container 40 ft',
    minerId: 'wm-m66sp',
    // 128 × 5.338 kW + 25 kW of fans and pumps stays under the 720 kW dry cooler.
    units: 128,
    size: FORTY_FOOT,
    weightKg: 24_000,
    extraKw: 25,
    extraCapexUsd: 300_000,
    note: `${REF} immersion container dry cooler ~720 kW, ~25 kW fans and pumps`,
    cooling: ['immersion'],
    heatToLiquidFraction: 1,
    coolingCapacityKw: 720,
    clearanceFrontM: 2.0,
    clearanceBackM: 2.0,
  },
  {
    id: 'tank-imm48',
    kind: 'immersion-tank',
    label: 'Single-phase immersion tank',
    minerId: 'wm-m66sp',
    units: 48,
    size: { widthM: 2.6, depthM: 1.3, heightM: 1.2 },
    weightKg: 2_800,
    extraCapexUsd: 45_000,
    note: `${REF} rack density: immersion 100+ kW per tank; PUE 1.03-1.10`,
    cooling: ['immersion'],
    heatToLiquidFraction: 1,
    coolingCapacityKw: 280,
    clearanceFrontM: 1.0,
    clearanceBackM: 0.6,
  },
];

interface GpuServerSpec {
  id: string;
  name: string;
  gpuType: string;
  powerKw: number;
  heightU: number;
  weightKg: number;
  capexUsd: number;
  note: string;
}

const RACK_UNIT_M = 0.04445;

const GPU_SERVERS: readonly GpuServerSpec[] = [
  { id: 'hgx-h100', name: 'HGX H100 8-GPU', gpuType: 'H100', powerKw: 10.2, heightU: 8, weightKg: 130, capexUsd: 250_000, note: '10.2 kW max, 8U, air' },
  { id: 'hgx-h200', name: 'HGX H200 8-GPU', gpuType: 'H200', powerKw: 10.2, heightU: 8, weightKg: 130, capexUsd: 300_000, note: '10.2 kW max, 8U, air' },
  { id: 'dgx-b200', name: 'DGX B200', gpuType: 'B200', powerKw: 14.3, heightU: 10, weightKg: 142, capexUsd: 400_000, note: '14.3 kW max, 10U, 142 kg, air' },
  { id: 'dgx-b300', name: 'DGX B300', gpuType: 'B300', powerKw: 14.5, heightU: 10, weightKg: 145, capexUsd: 450_000, note: '14.5 kW, 4 per rack ≈ 56-58 kW' },
];

const gpuServerSource = (s: GpuServerSpec): string => `${REF} AI systems: ${s.name}, ${s.note}; ${EST}`;

function gpuServer(s: GpuServerSpec): EquipmentModel {
  return entry(
    {
      id: s.id,
      kind: 'gpu-server',
      name: s.name,
      vendor: 'NVIDIA',
      widthM: 0.482,
      depthM: 0.9,
      heightM: s.heightU * RACK_UNIT_M,
      weightKg: s.weightKg,
      powerKw: s.powerKw,
      capexUsd: s.capexUsd,
      source: gpuServerSource(s),
      cooling: ['air', 'rear-door'],
    },
    { gpuCount: 8, gpuType: s.gpuType, clearanceFrontM: 1.0, clearanceBackM: 0.8 },
  );
}

const SERVERS_PER_AIR_RACK = 4;

/** 4 eight-GPU servers in a 600 × 1200 mm cabinet; above ~30 kW air needs rear-door heat exchangers. */
function gpuServerRack(s: GpuServerSpec): EquipmentModel {
  const powerKw = SERVERS_PER_AIR_RACK * s.powerKw;
  return entry(
    {
      id: `rack-${s.gpuType.toLowerCase()}x4`,
      kind: 'gpu-rack',
      name: `Rack, ${SERVERS_PER_AIR_RACK} × ${s.name}`,
      vendor: 'NVIDIA / generic rack',
      widthM: 0.6,
      depthM: 1.2,
      heightM: 2.0,
      weightKg: SERVERS_PER_AIR_RACK * s.weightKg + 150,
      powerKw,
      capexUsd: SERVERS_PER_AIR_RACK * s.capexUsd + 15_000,
      source: `${gpuServerSource(s)}; ${SERVERS_PER_AIR_RACK} per rack`,
      cooling: powerKw > 30 ? ['rear-door', 'direct-to-chip'] : ['air', 'rear-door'],
    },
    { gpuCount: SERVERS_PER_AIR_RACK * 8, gpuType: s.gpuType, clearanceFrontM: 1.2, clearanceBackM: 1.0 },
  );
}

function nvl72(id: string, gpuType: string, powerKw: number, weightKg: number, capexUsd: number, note: string): EquipmentModel {
  return entry(
    {
      id,
      kind: 'gpu-rack',
      name: `${gpuType} NVL72 rack`,
      vendor: 'NVIDIA',
      widthM: 0.6,
      depthM: 1.068,
      heightM: 2.236,
      weightKg,
      powerKw,
      capexUsd,
      source: `${REF} AI systems: ${gpuType} NVL72 ${note}; footprint 600 × 1068 mm (NVIDIA rack spec); capex: planner estimate`,
      cooling: ['direct-to-chip'],
    },
    { gpuCount: 72, gpuType, heatToLiquidFraction: 0.85, clearanceFrontM: 1.2, clearanceBackM: 1.0 },
  );
}

/** Three-phase busway / switchgear rating (apparent power) from amps at 415 V line-to-line: √3 × V × I. */
const kvaAt415V = (amps: number): number => Math.round((Math.sqrt(3) * 415 * amps) / 100) / 10;

export function catalogEntries(): EquipmentModel[] {
  return [
    ...MINERS.map(miner),
    shelfRack('ant-s19xp'),
    shelfRack('ant-s21'),
    shelfRack('ant-s21xp'),
    ...LOADED_UNITS.map(loadedUnit),
    ...GPU_SERVERS.map(gpuServer),
    ...GPU_SERVERS.map(gpuServerRack),
    nvl72('nvl72-gb200', 'GB200', 132, 1_360, 3_000_000, '~120-132 kW, direct-to-chip ~85 % to liquid, ~1360-1500 kg'),
    // No published GB300 NVL72 weight was found; it shares the GB200's rack (Oberon), so the top of
    // the GB200's 1,360-1,500 kg is taken, which errs towards the slab's safety.
    nvl72('nvl72-gb300', 'GB300', 140, 1_500, 3_700_000, '120-140 kW, transients up to ~1.4× steady state; weight: no published figure found (checked 2026-12), the GB200 NVL72 rack\'s ~1,360-1,500 kg, upper end taken'),
    entry(
      {
        id: 'cdu-1200',
        kind: 'cdu',
        name: 'In-row CDU 1.2 MW',
        vendor: 'generic',
        widthM: 0.6,
        depthM: 1.2,
        heightM: 2.0,
        weightKg: 900,
        powerKw: 12,
        capexUsd: 400_000,
        source: `Not in the published data: typical in-row liquid-to-liquid CDU class (1-2.3 MW); pump draw and ${EST}`,
        cooling: ['direct-to-chip'],
      },
      { coolingCapacityKw: 1_200, clearanceFrontM: 1.0, clearanceBackM: 0.6 },
    ),
    entry(
      {
        id: 'cdu-2300',
        kind: 'cdu',
        name: 'Row-end CDU 2.3 MW',
        vendor: 'generic',
        widthM: 1.2,
        depthM: 1.2,
        heightM: 2.2,
        weightKg: 1_800,
        powerKw: 25,
        capexUsd: 700_000,
        source: `Not in the published data: typical large CDU class (2-2.3 MW); pump draw and ${EST}`,
        cooling: ['direct-to-chip'],
      },
      { coolingCapacityKw: 2_300, clearanceFrontM: 1.2, clearanceBackM: 0.8 },
    ),
    entry(
      {
        id: 'crah-150',
        kind: 'crah',
        name: 'Perimeter CRAH 150 kW',
        vendor: 'generic',
        widthM: 2.5,
        depthM: 0.9,
        heightM: 2.0,
        weightKg: 1_100,
        powerKw: 8,
        capexUsd: 90_000,
        source: `${REF} rack density: perimeter CRAC air 8-10 kW/rack, air practical max 25-30; unit size and ${EST}`,
        cooling: ['air', 'rear-door', 'direct-to-chip'],
      },
      { coolingCapacityKw: 150, clearanceFrontM: 1.2, clearanceBackM: 0.6 },
    ),
    entry(
      {
        id: 'fanwall-500',
        kind: 'crah',
        name: 'Evaporative fan wall module 500 kW',
        vendor: 'generic',
        widthM: 3.0,
        depthM: 0.6,
        heightM: 3.0,
        weightKg: 1_400,
        powerKw: 15,
        capexUsd: 60_000,
        source: `${REF} PUE: mining air 1.10-1.50 (well run ~1.10); module size and ${EST}`,
        cooling: ['free-air'],
      },
      { coolingCapacityKw: 500, clearanceFrontM: 1.5, clearanceBackM: 1.0 },
    ),
    entry(
      {
        id: 'pdu-400',
        kind: 'pdu',
        name: 'Floor PDU 400 kVA',
        vendor: 'generic',
        widthM: 1.2,
        depthM: 0.9,
        heightM: 2.0,
        weightKg: 1_200,
        powerKw: 0,
        capexUsd: 60_000,
        source: `${REF} continuous load usually limited to 80 % of a breaker or PDU rating; unit size and ${EST}`,
        cooling: ANY_COOLING,
      },
      { ratingKva: 400, clearanceFrontM: 1.2, clearanceBackM: 0.6 },
    ),
    entry(
      {
        id: 'pdu-skid3000',
        kind: 'switchboard',
        name: 'Power distribution skid 3000 kVA',
        vendor: 'generic',
        widthM: 2.4,
        depthM: 1.2,
        heightM: 2.3,
        weightKg: 4_500,
        powerKw: 0,
        capexUsd: 450_000,
        source: `${REF} continuous load usually limited to 80 % of rating; skid size and ${EST}`,
        cooling: ANY_COOLING,
      },
      { ratingKva: 3_000, clearanceFrontM: 1.2, clearanceBackM: 0.6 },
    ),
    busway('busway-800', 800, 60_000),
    busway('busway-1250', 1250, 80_000),
    transformer('xfmr-2500', 2_500, 9_000, 120_000),
    transformer('xfmr-5000', 5_000, 14_000, 220_000),
    entry(
      {
        id: 'ups-1000',
        kind: 'ups',
        name: 'UPS 1000 kVA (4 × 250 kVA modules, N+1)',
        vendor: 'generic',
        widthM: 3.0,
        depthM: 1.0,
        heightM: 2.0,
        weightKg: 3_500,
        powerKw: 0,
        capexUsd: 350_000,
        source: `${REF} redundancy: Tier III concurrently maintainable (AI halls); a modular frame, one module spare: 3 × 250 = 750 kVA usable; ${EST}`,
        cooling: ['air', 'rear-door', 'direct-to-chip'],
      },
      { ratingKva: 1_000, moduleCount: 4, moduleRedundancy: 'N+1', clearanceFrontM: 1.2, clearanceBackM: 0.8 },
    ),
    entry(
      {
        id: 'gen-2500',
        kind: 'generator',
        name: 'Diesel generator 2.5 MW',
        vendor: 'generic',
        widthM: 12.2,
        depthM: 2.9,
        heightM: 3.5,
        weightKg: 30_000,
        powerKw: 0,
        capexUsd: 1_200_000,
        // Diesel sets are rated in kW at 0.8 power factor: 2,500 kW is 3,125 kVA.
        source: `a 2.5 MW set at 0.8 power factor (3,125 kVA), the usual rating of diesel standby sets; ${EST}`,
        cooling: ANY_COOLING,
      },
      { ratingKva: 3_125, clearanceFrontM: 2.0, clearanceBackM: 2.0 },
    ),
  ];
}

function busway(id: string, amps: number, capexUsd: number): EquipmentModel {
  const ratingKva = kvaAt415V(amps);
  return entry(
    {
      id,
      kind: 'busway',
      name: `Overhead busway ${amps} A, 415 V (2.4 m run)`,
      vendor: 'generic',
      widthM: 2.4,
      depthM: 0.3,
      heightM: 0.2,
      weightKg: 0,
      powerKw: 0,
      capexUsd,
      source: `Rating √3 × 415 V × ${amps} A ≈ ${ratingKva} kVA; ${REF} 80 % continuous-load derate applies; capex: planner estimate`,
      cooling: ANY_COOLING,
    },
    { ratingKva, mounting: 'overhead' },
  );
}

function transformer(id: string, kva: number, weightKg: number, capexUsd: number): EquipmentModel {
  return entry(
    {
      id,
      kind: 'transformer',
      name: `Pad-mount transformer ${kva} kVA`,
      vendor: 'generic',
      widthM: kva > 3_000 ? 3.0 : 2.4,
      depthM: kva > 3_000 ? 2.6 : 2.2,
      heightM: 2.4,
      weightKg,
      powerKw: 0,
      capexUsd,
      source: `${REF} site and hall: grid (gross) to critical IT 1.25-1.45 in announced conversions; ${EST}`,
      cooling: ANY_COOLING,
    },
    { ratingKva: kva, clearanceFrontM: 1.5, clearanceBackM: 1.0 },
  );
}
