/**
 * Units of measure. Every quantity in the model is stored in SI-ish engineering
 * units named in its field (…M, …Kw, …Mw, …KgPerM2, …C); the aliases below make
 * signatures say what a number is. All conversions between unit systems live here
 * and nowhere else, so a display in US units can never drift from the stored value.
 */

export type Meters = number;
export type SquareMeters = number;
export type Kilowatts = number;
/** Apparent power (kVA): what electrical gear is rated in; kVA = kW / power factor. */
export type Kva = number;
export type Megawatts = number;
export type Kilograms = number;
export type KgPerM2 = number;
export type Celsius = number;
export type Usd = number;
export type UsdPerMwh = number;
export type TerahashPerSecond = number;
export type Fraction = number; // 0..1
export type Bytes = number;

export type UnitSystem = 'metric' | 'us';

// Exact or standard definitions (REFERENCE.md, "Units").
export const FT_PER_M = 1 / 0.3048;
export const LB_PER_KG = 1 / 0.45359237;
export const KG_PER_M2_PER_LB_PER_FT2 = 0.45359237 / (0.3048 * 0.3048); // 4.8824…
export const BTU_PER_HOUR_PER_KW = 3412.141633;
export const KW_PER_TON_REFRIGERATION = 3.516852842; // 12,000 BTU/h
export const KW_PER_MW = 1000;
export const KVA_PER_MVA = 1000;
export const HOURS_PER_DAY = 24;
export const HOURS_PER_YEAR = 8760;
export const TH_PER_PH = 1000;

export const kwToMw = (kw: Kilowatts): Megawatts => kw / KW_PER_MW;
export const mwToKw = (mw: Megawatts): Kilowatts => mw * KW_PER_MW;
export const mToFt = (m: Meters): number => m * FT_PER_M;
export const ftToM = (ft: number): Meters => ft / FT_PER_M;
export const kgToLb = (kg: Kilograms): number => kg * LB_PER_KG;
export const lbToKg = (lb: number): Kilograms => lb / LB_PER_KG;
export const kgPerM2ToLbPerFt2 = (v: KgPerM2): number => v / KG_PER_M2_PER_LB_PER_FT2;
export const lbPerFt2ToKgPerM2 = (v: number): KgPerM2 => v * KG_PER_M2_PER_LB_PER_FT2;
export const kwToBtuPerHour = (kw: Kilowatts): number => kw * BTU_PER_HOUR_PER_KW;
export const kwToTons = (kw: Kilowatts): number => kw / KW_PER_TON_REFRIGERATION;
export const tonsToKw = (tons: number): Kilowatts => tons * KW_PER_TON_REFRIGERATION;
export const cToF = (c: Celsius): number => (c * 9) / 5 + 32;
export const fToC = (f: number): Celsius => ((f - 32) * 5) / 9;
export const m2ToFt2 = (m2: SquareMeters): number => m2 * FT_PER_M * FT_PER_M;

/** The physical dimensions the UI displays; each maps to a stored (metric) unit. */
export type Quantity =
  | 'length'
  | 'area'
  | 'mass'
  | 'floorLoad'
  | 'power'
  | 'apparentPower'
  | 'largePower'
  | 'heat'
  | 'temperature';

interface DisplayUnit {
  symbol: string;
  /** The decimals a value of this unit is typed and shown with in fields: one precision per unit (262.47 ft beside 131.23 ft, not 262.467). */
  digits: number;
  fromStored: (v: number) => number;
  toStored: (v: number) => number;
}

const identity = (v: number): number => v;

const DISPLAY_UNITS: Record<UnitSystem, Record<Quantity, DisplayUnit>> = {
  metric: {
    length: { symbol: 'm', digits: 2, fromStored: identity, toStored: identity },
    area: { symbol: 'm²', digits: 1, fromStored: identity, toStored: identity },
    mass: { symbol: 'kg', digits: 1, fromStored: identity, toStored: identity },
    floorLoad: { symbol: 'kg/m²', digits: 1, fromStored: identity, toStored: identity },
    power: { symbol: 'kW', digits: 3, fromStored: identity, toStored: identity },
    apparentPower: { symbol: 'kVA', digits: 1, fromStored: identity, toStored: identity },
    largePower: { symbol: 'MW', digits: 3, fromStored: identity, toStored: identity },
    heat: { symbol: 'kW', digits: 3, fromStored: identity, toStored: identity },
    temperature: { symbol: '°C', digits: 1, fromStored: identity, toStored: identity },
  },
  us: {
    length: { symbol: 'ft', digits: 2, fromStored: mToFt, toStored: ftToM },
    area: { symbol: 'ft²', digits: 1, fromStored: m2ToFt2, toStored: (v) => v / (FT_PER_M * FT_PER_M) },
    mass: { symbol: 'lb', digits: 1, fromStored: kgToLb, toStored: lbToKg },
    floorLoad: { symbol: 'lb/ft²', digits: 1, fromStored: kgPerM2ToLbPerFt2, toStored: lbPerFt2ToKgPerM2 },
    power: { symbol: 'kW', digits: 3, fromStored: identity, toStored: identity },
    apparentPower: { symbol: 'kVA', digits: 1, fromStored: identity, toStored: identity },
    largePower: { symbol: 'MW', digits: 3, fromStored: identity, toStored: identity },
    heat: { symbol: 'tons', digits: 2, fromStored: kwToTons, toStored: tonsToKw },
    temperature: { symbol: '°F', digits: 1, fromStored: cToF, toStored: fToC },
  },
};

export function displayUnit(system: UnitSystem, quantity: Quantity): DisplayUnit {
  return DISPLAY_UNITS[system][quantity];
}

/** Formats a stored value in the user's unit system, e.g. `format(1500, 'floorLoad', 'us')` → "307.2 lb/ft²". */
export function formatQuantity(
  stored: number,
  quantity: Quantity,
  system: UnitSystem,
  digits = 1,
): string {
  const shown = shownQuantity(stored, quantity, system);
  return `${grouped(shown.value, digits)} ${shown.symbol}`;
}

/** A stored value as formatQuantity shows it, before rounding: the number and its unit's symbol. */
export function shownQuantity(stored: number, quantity: Quantity, system: UnitSystem): { value: number; symbol: string } {
  const unit = displayUnit(system, quantity);
  const value = unit.fromStored(stored);
  // Apparent power reads as ratings are written: "3,000 kVA", and from 10,000 kVA in MVA ("120 MVA").
  if (quantity === 'apparentPower' && Math.abs(value) >= KVA_PER_MVA * 10) return { value: value / KVA_PER_MVA, symbol: 'MVA' };
  return { value, symbol: unit.symbol };
}

const GROUPED = new Map<number, Intl.NumberFormat>();
/** 12,345.6 with at most `digits` decimals; one formatter per digit count, since a print's thousands of cells each built their own. */
function grouped(value: number, digits: number): string {
  let f = GROUPED.get(digits);
  if (!f) GROUPED.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return f.format(value);
}

/** A number without grouping commas or trailing zeros, so the text is also what a number input accepts. */
export function plainNumber(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** A number with thousands separators and no trailing zeros, as amounts of money are read: 65,444,575. */
export function groupedNumber(value: number, digits: number): string {
  return grouped(Number(value.toFixed(digits)), digits);
}

/**
 * A typed amount: a number, optionally after a $ and with commas between groups of
 * three digits ("$65,444,575.50"). Anything else, a decimal comma ("1,5") included, is NaN.
 */
export function parseGroupedNumber(text: string): number {
  const t = text.trim().replace(/^\$\s*/, '');
  if (!t.includes(',')) return t === '' ? NaN : Number(t);
  return /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? Number(t.replace(/,/g, '')) : NaN;
}

export function formatUsd(v: Usd): string {
  const abs = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(2)} B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(2)} M`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)} k`;
  return `${sign}$${abs.toFixed(0)}`;
}

export const BYTES_PER_MB = 1e6;
export const BYTES_PER_GB = 1e9;

/** A size of memory as a user reads it: "850 MB", "1.94 GB" (decimal units, as system monitors show them). */
export function formatBytes(b: Bytes): string {
  return b >= BYTES_PER_GB ? `${(b / BYTES_PER_GB).toFixed(2)} GB` : `${Math.round(b / BYTES_PER_MB).toLocaleString('en-US')} MB`;
}

/** An ISO timestamp as the user reads a clock: "Dec 1, 2026, 9:48 AM" in the machine's time zone; anything else as given. */
export function formatLocalTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 hall", "120 halls", "31,320 variables": a count with its noun (regular plurals only). */
export function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : `${noun}s`}`;
}

const PERIOD_NAMES: Record<number, string> = { 1: 'month', 3: 'quarter', 6: 'half-year', 12: 'year' };

/** A planning period of this many months in words: "quarter", or "2-month period". */
export const periodName = (periodMonths: number): string => PERIOD_NAMES[periodMonths] ?? `${periodMonths}-month period`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Period t (0-based) as engineers date it: "Q3 2027" for quarters that start with the
 * calendar's, "H2 2027" for halves, "2027" for calendar years, otherwise the month it
 * begins ("Mar 2027"); "period 3" when the fleet has no start month.
 */
export function periodLabel(fleet: { periodMonths: number; startMonth?: string | undefined }, t: number): string {
  if (!fleet.startMonth) return `period ${t + 1}`;
  const [year, month] = fleet.startMonth.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + t * fleet.periodMonths;
  const y = Math.floor(index / 12);
  const m = index % 12;
  const n = fleet.periodMonths;
  if ((n === 3 || n === 6 || n === 12) && m % n === 0) return n === 12 ? String(y) : `${n === 3 ? 'Q' : 'H'}${m / n + 1} ${y}`;
  return `${MONTHS[m]} ${y}`;
}

// Paper and drawing scales: sheets are laid out in millimetres, PDFs speak points.
export const MM_PER_M = 1000;
export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
export const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH;
export const ptToMm = (pt: number): number => (pt / PT_PER_INCH) * MM_PER_INCH;
/** Length on paper (mm) of a real length (m) drawn at 1:denominator. */
export const paperMm = (realM: Meters, scaleDenominator: number): number => (realM * MM_PER_M) / scaleDenominator;

export const INCHES_PER_FOOT = 12;

/**
 * A length as US drawings write it, feet and whole inches: 80 m → 262′-6″ (3149.6 in,
 * rounded to 3150 in = 262 ft 6 in). Rounding to the inch first means 11.6″ reads 1′-0″,
 * never 0′-12″.
 */
export function formatFeetInches(m: Meters): string {
  // The nudge keeps a length exactly half an inch past (0.0127 m is 0.49999… in binary) rounding up.
  const totalIn = Math.round(Math.abs(mToFt(m)) * INCHES_PER_FOOT + 1e-9);
  const sign = m < 0 && totalIn > 0 ? '−' : '';
  const ft = Math.floor(totalIn / INCHES_PER_FOOT);
  return `${sign}${ft.toLocaleString('en-US')}′-${totalIn % INCHES_PER_FOOT}″`;
}

/** A length written on a drawing: metres to the centimetre in metric ("80 m", "1.35 m"), feet and inches in US units ("262′-6″"). */
export function formatDrawingLength(m: Meters, system: UnitSystem): string {
  return system === 'us' ? formatFeetInches(m) : formatQuantity(m + 0, 'length', 'metric', 2);
}
