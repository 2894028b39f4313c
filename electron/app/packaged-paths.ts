/**
 * Where code that cannot run from inside the asar archive lives once packaged. Worker
 * threads, native addons and HiGHS's wasm are unpacked next to it (electron-builder's
 * asarUnpack) into `app.asar.unpacked`; in development nothing is packed and a path is
 * its own answer.
 */
import path from 'node:path';

/** `…/resources/app.asar/dist/electron/x.cjs` → `…/resources/app.asar.unpacked/dist/electron/x.cjs`. */
export function unpackedPath(file: string, sep: string = path.sep): string {
  const packed = `${sep}app.asar${sep}`;
  const at = file.indexOf(packed);
  if (at < 0) return file;
  return `${file.slice(0, at)}${sep}app.asar.unpacked${sep}${file.slice(at + packed.length)}`;
}
