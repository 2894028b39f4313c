import fs from 'node:fs';
import path from 'node:path';
import type { Response } from '../../../shared/ipc/contract';

export interface FilesContext {
  documentsDir: string;
}

export const filesHandlers = {
  'files.list': async (_req: object, ctx: FilesContext): Promise<Response<'files.list'>> => {
    const entries = await fs.promises.readdir(ctx.documentsDir, { withFileTypes: true });
    const files = await Promise.all(
      entries
        .filter((e) => e.isFile() && e.name.endsWith('.fleet'))
        .map(async (e) => {
          const file = path.join(ctx.documentsDir, e.name);
          const stat = await fs.promises.stat(file);
          return { name: e.name, path: file, modified: stat.mtime.toISOString(), sizeBytes: stat.size };
        }),
    );
    files.sort((a, b) => b.modified.localeCompare(a.modified));
    return { dir: ctx.documentsDir, files };
  },
};
