/**
 * JSON.stringify of plain data in pieces, so that a large answer (a fleet's placement
 * columns: 26 MB at 500,000 placements) is never one string: objects are written key by
 * key, and a list longer than `batch` a batch of elements at a time. Joined, the pieces
 * are exactly JSON.stringify's text.
 */
const isPlainContainer = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';

/** What JSON.stringify leaves out of an object (and writes as null in a list). */
const isOmitted = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

export function* jsonPieces(value: unknown, batch = 8192): Generator<string> {
  if (!isPlainContainer(value)) {
    yield JSON.stringify(value);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length <= batch) {
      yield JSON.stringify(value);
      return;
    }
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      text += `${i ? ',' : ''}${isOmitted(item) ? 'null' : JSON.stringify(item)}`;
      if ((i + 1) % batch === 0) {
        yield text;
        text = '';
      }
    }
    yield `${text}]`;
    return;
  }
  let first = true;
  yield '{';
  for (const [key, item] of Object.entries(value)) {
    if (isOmitted(item)) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(item, batch);
  }
  yield '}';
}
