import type { Response } from '../../../shared/ipc/contract';
import { APP_NAME, APP_VERSION } from '../../../shared/version';

export interface AppContext {
  transport: 'electron' | 'web';
}

export const appHandlers = {
  'app.info': async (_req: object, ctx: AppContext): Promise<Response<'app.info'>> => ({
    name: APP_NAME,
    version: APP_VERSION,
    transport: ctx.transport,
    versions: Object.fromEntries(
      Object.entries(process.versions).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  }),
};
