/**
 * Files of the built app (the renderer, the optimizer worker) found from the running
 * command: beside the bundled CLI in dist/, or, run from source, in the checkout's dist/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../cli-kit';

const MARK = path.join('renderer', 'index.html');

function builtDir(): string {
  let dir = path.dirname(fs.realpathSync(process.argv[1] ?? '.'));
  for (;;) {
    if (fs.existsSync(path.join(dir, MARK))) return dir;
    if (fs.existsSync(path.join(dir, 'dist', MARK))) return path.join(dir, 'dist');
    const up = path.dirname(dir);
    if (up === dir) throw new UsageError(`the app's built files (dist/${MARK.replace(path.sep, '/')}) are missing beside ${process.argv[1]}: run npm run build`);
    dir = up;
  }
}

/** A built file by its path under dist/ ("renderer", "electron/optimizer-worker.cjs"). */
export function builtFile(relative: string): string {
  return path.join(builtDir(), relative);
}
