import type { Response } from '../../../shared/ipc/contract';
import type { HostPorts } from '../host';

export const printHandlers = {
  'print.exportPdf': async (req: { route: string; suggestedName: string }, ctx: { host: HostPorts }): Promise<Response<'print.exportPdf'>> => {
    if (!ctx.host.savePdf) throw new Error("This build has no PDF writer of its own: open Print… and choose your browser's Save as PDF");
    return { path: await ctx.host.savePdf(req) };
  },
};
