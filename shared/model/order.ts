/** Names as people number them: Site 2 before Site 10. Every list of sites or halls uses this order. */
export const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, undefined, { numeric: true });
