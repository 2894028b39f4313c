/**
 * A synthetic year of hourly prices for each site, for benchmarks and tests: the site's
 * flat price shaped by the hour of day (an evening peak) and the season (a summer one),
 * with a scarcity hour now and then, seeded so every run prices the same.
 */
import type { FleetDoc } from '../model/schema';
import { HOURS_PER_DAY, HOURS_PER_YEAR } from '../units';

/** Share of hours at scarcity prices: ERCOT sees a few dozen a year. */
const SCARCITY_SHARE = 0.005;
const SCARCITY_USD_PER_MWH = 2_000;

export function withHourlyPrices(doc: FleetDoc, seed = 1, year = 2027): FleetDoc {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const sites = doc.sites.map((site) => {
    const pricesUsdPerMwh = Array.from({ length: HOURS_PER_YEAR }, (_, h) => {
      const hour = h % HOURS_PER_DAY;
      const day = Math.floor(h / HOURS_PER_DAY);
      const daily = hour >= 16 && hour < 21 ? 1.8 : hour < 6 ? 0.7 : 1;
      const season = 1 + 0.3 * Math.sin(((day - 105) / 365) * 2 * Math.PI);
      if (random() < SCARCITY_SHARE) return SCARCITY_USD_PER_MWH;
      return Math.round(site.powerPriceUsdPerMwh * daily * season * (0.8 + 0.4 * random()) * 100) / 100;
    });
    return { ...site, priceSeries: { source: `synthetic ${year}, seed ${seed}`, start: `${year}-01-01T00:00`, intervalMinutes: 60 as const, pricesUsdPerMwh } };
  });
  return { ...doc, sites };
}
