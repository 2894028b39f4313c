/**
 * Schema version 3: the month a fleet's first planning period begins, so periods read as
 * dates ("Q1 2029"). Files from before have none and keep reading "period 9".
 */
export default `
ALTER TABLE fleet_meta ADD COLUMN startMonth TEXT;
`;
