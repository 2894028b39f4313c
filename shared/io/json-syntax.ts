/**
 * Finds where JSON text stops being valid, for error messages: engines report positions
 * inconsistently (V8 often gives only a snippet), so the import names line and column
 * from this scanner instead. Only called once JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const number = (): void => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail();
    i += m![0].length;
  };
  const scalar = (): void => {
    const ch = text[i];
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    number();
  };
  const key = (): void => {
    ws();
    if (text[i] !== '"') fail();
    string();
    ws();
    if (text[i] !== ':') fail();
    i++;
  };
  // A loop over a stack of the closers awaited, not a call per level: a file 200,000
  // brackets deep overflowed the call stack before it could be named.
  const closers: string[] = [];
  /** Opens a container, true if it is not closed at once and so holds a value to scan next. */
  const opened = (close: string): boolean => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return false;
    }
    closers.push(close);
    if (close === '}') key();
    return true;
  };
  /** After a value: closes what ends here; true while another value is due. */
  const next = (): boolean => {
    while (closers.length) {
      ws();
      const close = closers[closers.length - 1]!;
      if (text[i] === ',') {
        i++;
        if (close === '}') key();
        return true;
      }
      if (text[i] !== close) fail();
      i++;
      closers.pop();
    }
    return false;
  };
  const value = (): void => {
    for (;;) {
      ws();
      const ch = text[i];
      const holdsMore = ch === '{' ? opened('}') : ch === '[' ? opened(']') : (scalar(), false);
      if (!holdsMore && !next()) return;
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
}
