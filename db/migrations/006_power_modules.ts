/**
 * Schema version 6: a source's rating may be shared among power modules (a modular UPS
 * frame), some held back as spares (N+1). Gear from before is one module with none held
 * back, so every file checks exactly as it did.
 */
export default `
ALTER TABLE models ADD COLUMN moduleCount INTEGER NOT NULL DEFAULT 1;
ALTER TABLE models ADD COLUMN moduleRedundancy TEXT NOT NULL DEFAULT 'N';
`;
