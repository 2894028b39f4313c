/**
 * JSON with every object's keys in one order. The same document read from the file, built in
 * code and decoded from the wire lists its objects' keys in different orders; what compares
 * documents or edits by their text (the plan's model inputs, undo back to the saved content)
 * must read them as the same.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
