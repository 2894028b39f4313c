/**
 * Schema version 6: redundancy in the power chain. A source's rating may be shared among
 * power modules (a modular UPS frame), some held back as spares (N+1); a model may take
 * two feeds (A and B). Gear from before is one module with none held back, and takes one
 * feed, so every file checks exactly as it did.
 */
export default `
ALTER TABLE models ADD COLUMN moduleCount INTEGER NOT NULL DEFAULT 1;
ALTER TABLE models ADD COLUMN moduleRedundancy TEXT NOT NULL DEFAULT 'N';
ALTER TABLE models ADD COLUMN dualFeed INTEGER NOT NULL DEFAULT 0;
`;
