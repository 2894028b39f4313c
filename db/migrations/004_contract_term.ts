/**
 * Schema version 4: the AI contract's term in periods (NULL: to the end of the horizon),
 * so that a contract binds in every period from its start, not only the first.
 */
export default `
ALTER TABLE plan_limits ADD COLUMN contractTermPeriods INTEGER;
`;
