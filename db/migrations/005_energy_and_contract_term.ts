/**
 * Schema version 5: energy in the model and the AI contract's term.
 * - sites: the price series (JSON text, NULL for the flat price every hour), the 4CP-style
 *   peak-demand charge ($/kW-month) and the fixed-price hedges (JSON array);
 * - plan_limits: the AI contract's term in periods (NULL: to the end of the horizon), so
 *   that a contract binds in every period from its start, not only the first.
 */
export default `
ALTER TABLE sites ADD COLUMN priceSeries TEXT;
ALTER TABLE sites ADD COLUMN peakDemandChargeUsdPerKwMonth REAL NOT NULL DEFAULT 0;
ALTER TABLE sites ADD COLUMN hedges TEXT NOT NULL DEFAULT '[]';
ALTER TABLE plan_limits ADD COLUMN contractTermPeriods INTEGER;
`;
