/**
 * Schema version 2: equipment models say whether they stand on the floor or hang overhead.
 * Overhead busways neither collide with racks nor load the slab, so a version-1 file with
 * busways run above the racks would otherwise read as overlaps and overloads.
 */
export default `
ALTER TABLE models ADD COLUMN mounting TEXT NOT NULL DEFAULT 'floor';
UPDATE models SET mounting = 'overhead' WHERE kind = 'busway';
`;
