import { z } from 'zod';
import { channel } from '../define';

export const filesChannels = {
  /** The documents folder's .fleet files, for the browser build's own Open dialog. */
  'files.list': channel(
    z.object({}).strict(),
    z.object({
      dir: z.string(),
      files: z.array(z.object({ name: z.string(), path: z.string(), modified: z.string(), sizeBytes: z.number() })),
    }),
  ),
};
