/** Names as people number them: Site 2 before Site 10, MR9 before MR10. One collator, built once. */
const NAMES = new Intl.Collator(undefined, { numeric: true });

export const compareNames = (a: string, b: string): number => NAMES.compare(a, b);

/** Every list of sites or halls uses this order. */
export const byName = (a: { name: string }, b: { name: string }): number => NAMES.compare(a.name, b.name);
