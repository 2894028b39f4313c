/** Price files for the import tests: a year of them, as the two forms a user brings. */

/** 2027 hour by hour, two columns (YYYY-MM-DD HH:MM,price), the price of each hour of the year given. */
export function hourlyYearLines(price: (hourOfYear: number) => number): string[] {
  const start = Date.UTC(2027, 0, 1);
  return Array.from({ length: 8760 }, (_, h) => `${new Date(start + h * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${price(h)}`);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ERCOT NP6-905-CD export of 2027, 15-minute, for the points given (price by hour ending
 * and interval). Clocks go forward on Sunday 14 March (hour ending 3 is missing) and back on
 * Sunday 7 November (hour ending 2 again, DSTFlag Y).
 */
export function ercotYearLines(points: Record<string, (hourEnding: number, interval: number) => number>): string[] {
  const lines = ['DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag'];
  for (let d = 0; d < 365; d++) {
    const date = new Date(Date.UTC(2027, 0, 1 + d));
    const day = `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/2027`;
    for (let hour = 1; hour <= 24; hour++) {
      if (day === '03/14/2027' && hour === 3) continue;
      for (const flag of day === '11/07/2027' && hour === 2 ? ['N', 'Y'] : ['N']) {
        for (let i = 1; i <= 4; i++) for (const [name, price] of Object.entries(points)) lines.push(`${day},${hour},${i},${name},HU,${price(hour, i)},${flag}`);
      }
    }
  }
  return lines;
}
