/**
 * What power costs a unit at a site, interval by interval, reduced to one figure per
 * (unit, period, scenario) so that the optimizer's model stays linear: a mining unit is
 * curtailable, a GPU unit is firm.
 *
 * - Mining runs in an interval only when its revenue per MWh of IT beats the price × PUE;
 *   otherwise it draws and earns nothing. In the site's demand-response intervals (the
 *   highest-priced, up to the program's largest curtailed share) curtailing also earns the
 *   program's credit on the load it takes off the grid (IT × PUE), if it runs at all in the
 *   period's other intervals: one off all period has no load to take off. In the site's peak
 *   intervals (4CP-style: the highest-priced interval of each of June to September) it is
 *   off, and so avoids the peak-demand charge.
 * - AI draws every interval at the interval's price × PUE, and pays the peak-demand charge
 *   ($/kW-month) on its load (IT × PUE) for each month of the period.
 * A flat price is one price for every hour. A period takes the intervals of its own calendar
 * months from the series (a fleet without a start month takes the whole series); their
 * average per hour is scaled to the period's hours, so a flat series gives what a flat
 * price gives.
 */
import type { FleetMeta, Hedge, Site } from '../model/schema';
import { KW_PER_MW, type UsdPerMwh } from '../units';
import type { PriceSeries } from './price-series';

/** ERCOT's four coincident peaks fall one in each of June to September (months 0-based). */
export const PEAK_MONTHS: readonly number[] = [5, 6, 7, 8];

/** Intervals of one kind by price, cheapest first, with running sums: weightBefore[i] and costBefore[i] (weight × price) over the first i. */
export interface PriceGroup {
  priceUsdPerMwh: Float64Array;
  weightBefore: Float64Array;
  costBefore: Float64Array;
}

/**
 * A period's intervals in three groups: plain, demand-response (the dearest, up to the
 * program's share) and peak. A weight is a share of the period's hours once divided by the
 * total; a series weighs each interval 1, so its sums stay exact until that one division.
 * Sorted, a unit's running intervals in a group are its cheapest ones: a binary search
 * finds them, where a pass over a year of 15-minute prices per unit took seconds.
 */
export interface PeriodPrices {
  plain: PriceGroup;
  demandResponse: PriceGroup;
  /** Peak intervals: a curtailable unit is off in all of them; peakCreditWeight of them are also demand-response intervals. */
  peakWeight: number;
  peakCreditWeight: number;
  peakCost: number;
}

function group(prices: readonly number[], weights: readonly number[]): PriceGroup {
  const order = prices.map((_, i) => i).sort((a, b) => prices[a]! - prices[b]!);
  const weightBefore = new Float64Array(order.length + 1);
  const costBefore = new Float64Array(order.length + 1);
  order.forEach((i, n) => {
    weightBefore[n + 1] = weightBefore[n]! + weights[i]!;
    costBefore[n + 1] = costBefore[n]! + weights[i]! * prices[i]!;
  });
  return { priceUsdPerMwh: Float64Array.from(order, (i) => prices[i]!), weightBefore, costBefore };
}

const last = (a: Float64Array): number => a[a.length - 1]!;
const totalWeight = (p: PeriodPrices): number => last(p.plain.weightBefore) + last(p.demandResponse.weightBefore) + p.peakWeight;
const totalCost = (p: PeriodPrices): number => last(p.plain.costBefore) + last(p.demandResponse.costBefore) + p.peakCost;

/** One unit's power economics over a period, per MW of IT and hour of the period (multiply by MW × hours). */
export interface HourlyShare {
  revenueUsd: number;
  powerCostUsd: number;
  curtailmentCreditUsd: number;
  /** Share of the period's hours the unit runs. */
  uptimeFraction: number;
}

export interface SiteEnergy {
  period(p: number): PeriodPrices;
  /** A curtailable or firm unit's share over period p, earning `revenuePerMwh` per MWh of IT, at `priceFactor` × the site's prices. */
  share(p: number, revenuePerMwh: UsdPerMwh, pue: number, priceFactor: number, curtailable: boolean): HourlyShare;
  /** $/kW-month on the load in the site's peak intervals; firm load pays it. */
  peakChargeUsdPerKwMonth: number;
  /** The period's average price per hour, $/MWh, before any scenario's factor. */
  meanPrice(p: number): UsdPerMwh;
}

/** The calendar month (0-11) of each interval of a series, stepping from its start. */
function monthsOf(series: PriceSeries): Uint8Array {
  const [date, time] = series.start.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const start = Date.UTC(y, m - 1, d, hh, mm);
  return Uint8Array.from(series.pricesUsdPerMwh, (_, i) => new Date(start + i * series.intervalMinutes * 60_000).getUTCMonth());
}

/** The calendar months (0-11) period p covers; all twelve when the fleet has no start month. */
export function periodMonths(fleet: Pick<FleetMeta, 'periodMonths' | 'startMonth'>, p: number): Set<number> {
  if (!fleet.startMonth) return new Set(Array.from({ length: 12 }, (_, m) => m));
  const [year, month] = fleet.startMonth.split('-').map(Number) as [number, number];
  const first = year * 12 + month - 1 + p * fleet.periodMonths;
  return new Set(Array.from({ length: fleet.periodMonths }, (_, j) => (first + j) % 12));
}

/** The highest-priced interval of each peak month in each year of the series (by index). */
function peakIntervals(series: PriceSeries, months: Uint8Array): Set<number> {
  const best = new Map<string, number>();
  const start = Number(series.start.slice(0, 4)) * 12 + Number(series.start.slice(5, 7)) - 1;
  let monthCount = start;
  let prev = months[0];
  series.pricesUsdPerMwh.forEach((price, i) => {
    if (months[i] !== prev) monthCount++;
    prev = months[i];
    if (!PEAK_MONTHS.includes(months[i]!)) return;
    const key = String(monthCount);
    const at = best.get(key);
    if (at === undefined || price > series.pricesUsdPerMwh[at]!) best.set(key, i);
  });
  return new Set(best.values());
}

/** The top `share` of the intervals by price (ties by order), as flags. */
function topShare(prices: readonly number[], share: number): Uint8Array {
  const flags = new Uint8Array(prices.length);
  const count = Math.floor(share * prices.length + 1e-9);
  const order = prices.map((_, i) => i).sort((a, b) => prices[b]! - prices[a]! || a - b);
  for (let i = 0; i < count; i++) flags[order[i]!] = 1;
  return flags;
}

function seriesPeriod(series: PriceSeries, months: Uint8Array, peaks: Set<number>, inPeriod: Set<number>, drShare: number): PeriodPrices {
  const all = series.pricesUsdPerMwh.map((_, i) => i);
  const own = all.filter((i) => inPeriod.has(months[i]!));
  // A series imported covers a year; a shorter one (built in code) stands for every month it lacks.
  const index = own.length ? own : all;
  const prices = index.map((i) => series.pricesUsdPerMwh[i]!);
  const dr = topShare(prices, drShare);
  const pick = (keep: (k: number) => boolean) => prices.filter((_, k) => keep(k));
  const isPeak = (k: number) => peaks.has(index[k]!);
  const plain = pick((k) => !dr[k] && !isPeak(k));
  const credited = pick((k) => !!dr[k] && !isPeak(k));
  const peak = pick(isPeak);
  return {
    plain: group(plain, plain.map(() => 1)),
    demandResponse: group(credited, credited.map(() => 1)),
    peakWeight: peak.length,
    peakCreditWeight: prices.filter((_, k) => isPeak(k) && dr[k]).length,
    peakCost: peak.reduce((t, price) => t + price, 0),
  };
}

/** A flat price as two intervals: the demand-response share of the hours and the rest. */
function flatPeriod(price: UsdPerMwh, drShare: number): PeriodPrices {
  return { plain: group([price], [1 - drShare]), demandResponse: group([price], [drShare]), peakWeight: 0, peakCreditWeight: 0, peakCost: 0 };
}

export function siteEnergy(site: Pick<Site, 'powerPriceUsdPerMwh' | 'demandResponse' | 'priceSeries' | 'peakDemandChargeUsdPerKwMonth'>, fleet: Pick<FleetMeta, 'periodMonths' | 'startMonth'>): SiteEnergy {
  const dr = site.demandResponse.enabled ? site.demandResponse.maxCurtailmentFraction : 0;
  const credit = site.demandResponse.enabled ? site.demandResponse.creditUsdPerMwh : 0;
  const series = site.priceSeries;
  const monthOfInterval = series ? monthsOf(series) : null;
  // The peaks matter only where there is a charge to avoid; elsewhere mining runs in them as in any interval.
  const peaks = series && site.peakDemandChargeUsdPerKwMonth > 0 ? peakIntervals(series, monthOfInterval!) : new Set<number>();
  // Keyed by the calendar months a period covers: the first quarter of every year takes the same hours.
  const periods = new Map<string, PeriodPrices>();
  const shares = new Map<string, HourlyShare>();
  const period = (p: number): PeriodPrices => {
    const months = periodMonths(fleet, p);
    const key = [...months].join(',');
    let prices = periods.get(key);
    if (!prices) periods.set(key, (prices = series ? seriesPeriod(series, monthOfInterval!, peaks, months, dr) : flatPeriod(site.powerPriceUsdPerMwh, dr)));
    return prices;
  };
  return {
    period,
    peakChargeUsdPerKwMonth: site.peakDemandChargeUsdPerKwMonth,
    meanPrice(p) {
      return totalCost(period(p)) / totalWeight(period(p));
    },
    share(p, revenuePerMwh, pue, priceFactor, curtailable) {
      const key = `${p}|${revenuePerMwh}|${pue}|${priceFactor}|${curtailable}`;
      let s = shares.get(key);
      if (!s) shares.set(key, (s = hourlyShare(period(p), revenuePerMwh, pue, priceFactor, curtailable ? credit : null)));
      return s;
    },
  };
}

/** How many of a group's cheapest intervals a unit runs in: those where running earns more than `offUsdPerMwh`. */
function running(g: PriceGroup, revenuePerMwh: UsdPerMwh, pue: number, priceFactor: number, offUsdPerMwh: number): number {
  let lo = 0;
  let hi = g.priceUsdPerMwh.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (revenuePerMwh - g.priceUsdPerMwh[mid]! * priceFactor * pue > offUsdPerMwh) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Per MW of IT and hour: a firm unit (creditUsdPerMwh null) runs every interval; a
 * curtailable one runs where running beats curtailing (the credit, in a demand-response
 * interval, on the IT × PUE it takes off), and never in a peak interval.
 */
export function hourlyShare(prices: PeriodPrices, revenuePerMwh: UsdPerMwh, pue: number, priceFactor: number, creditUsdPerMwh: number | null): HourlyShare {
  const total = totalWeight(prices);
  if (creditUsdPerMwh === null) return { revenueUsd: revenuePerMwh, powerCostUsd: (totalCost(prices) * priceFactor * pue) / total, curtailmentCreditUsd: 0, uptimeFraction: 1 };
  const credit = creditUsdPerMwh * pue;
  const { plain, demandResponse: dr } = prices;
  const n = running(plain, revenuePerMwh, pue, priceFactor, 0);
  const m = running(dr, revenuePerMwh, pue, priceFactor, credit);
  const runWeight = plain.weightBefore[n]! + dr.weightBefore[m]!;
  // Only a load that runs has load to take off: a unit its revenue keeps off in every other interval of the period is credited nothing.
  const creditWeight = plain.weightBefore[n]! > 0 ? last(dr.weightBefore) - dr.weightBefore[m]! + prices.peakCreditWeight : 0;
  return {
    revenueUsd: (runWeight * revenuePerMwh) / total,
    powerCostUsd: ((plain.costBefore[n]! + dr.costBefore[m]!) * priceFactor * pue) / total,
    curtailmentCreditUsd: (creditWeight * credit) / total,
    uptimeFraction: runWeight / total,
  };
}

/** $ per MW of IT per period of the peak-demand charge on a firm load: $/kW-month × kW at the meter × months. */
export const peakChargePerMwUsd = (energy: Pick<SiteEnergy, 'peakChargeUsdPerKwMonth'>, pue: number, fleet: Pick<FleetMeta, 'periodMonths'>): number =>
  energy.peakChargeUsdPerKwMonth * KW_PER_MW * pue * fleet.periodMonths;

/**
 * A site's fixed-price blocks over a period: the site buys each block's MW every hour at its
 * fixed price and is paid the hour's price for it, so it gains (price − fixed) × MW × hours,
 * the prices at the scenario's factor.
 */
export function hedgeSettlementUsd(hedges: readonly Hedge[], energy: Pick<SiteEnergy, 'meanPrice'>, p: number, priceFactor: number, hours: number): number {
  return hedges.reduce((t, h) => t + h.mw * hours * (energy.meanPrice(p) * priceFactor - h.priceUsdPerMwh), 0);
}
