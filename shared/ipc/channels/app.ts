import { z } from 'zod';
import { USER_COMMAND_NAMES } from '../../user-commands';
import { channel, event } from '../define';

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

export const appEvents = {
  /** A native menu item chosen: the renderer runs the user command as its keys do. */
  'app.menu': event(z.object({ command: z.enum(USER_COMMAND_NAMES) })),
};
