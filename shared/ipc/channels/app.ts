import { z } from 'zod';
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

/** Commands the native menu sends to the renderer, which runs them like its own buttons. */
export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'print', 'exportPdf', 'undo', 'redo', 'viewLayout', 'viewOptimizer', 'zoomFit', 'toggleTheme', 'runOptimizer', 'stopOptimizer', 'cancelOptimizer', 'shortcuts', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const appEvents = {
  'app.menu': event(z.object({ command: z.enum(MENU_COMMANDS) })),
};
