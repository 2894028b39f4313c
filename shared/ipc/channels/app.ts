import { z } from 'zod';
import { channel } from '../define';

export const appChannels = {
  'app.info': channel(
    z.object({}).strict(),
    z.object({ name: z.string(), version: z.string(), transport: z.enum(['electron', 'web']) }),
  ),
};
