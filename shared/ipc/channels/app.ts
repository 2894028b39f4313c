import { z } from 'zod';
import { channel } from '../define';

export const appChannels = {
  'app.info': channel(
    z.object({}).strict(),
    z.object({
      name: z.string(),
      version: z.string(),
      transport: z.enum(['electron', 'web']),
      /** Versions of the runtime parts, for the About box and bug reports. */
      versions: z.record(z.string(), z.string()),
    }),
  ),
};
