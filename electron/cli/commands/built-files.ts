/**
 * Files of the built app (the renderer, the optimizer worker) found from the running
 * command: beside the bundled CLI in dist/, or, run from source, in the checkout's dist/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../cli-kit';

/** What marks a folder as the build: the checkout's own renderer/index.html is the unbuilt source. */
const MARKS = ['renderer/index.html', 'electron/optimizer-worker.cjs'];
const isBuild = (dir: string): boolean => MARKS.every((m) => fs.existsSync(path.join(dir, m)));

function builtDir(): string {
  let dir = path.dirname(fs.realpathSync(process.argv[1] ?? '.'));
  for (;;) {
    if (isBuild(dir)) return dir;
    if (isBuild(path.join(dir, 'dist'))) return path.join(dir, 'dist');
    const up = path.dirname(dir);
    if (up === dir) throw new UsageError(`the app's built files (dist/${MARKS.join(', dist/')}) are missing beside ${process.argv[1]}: run npm run build`);
    dir = up;
  }
}

/** A built file by its path under dist/ ("renderer", "electron/optimizer-worker.cjs"). */
export function builtFile(relative: string): string {
  return path.join(builtDir(), relative);
}
