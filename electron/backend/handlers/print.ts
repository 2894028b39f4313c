import type { Response } from '../../../shared/ipc/contract';
import { fileNameProblem } from '../../../shared/io/file-names';
import type { HostPorts } from '../host';

export const printHandlers = {
  'print.exportPdf': async (req: { route: string; suggestedName: string }, ctx: { host: HostPorts }): Promise<Response<'print.exportPdf'>> => {
    if (!ctx.host.savePdf) throw new Error("This build has no PDF writer of its own: open Print… and choose your browser's Save as PDF");
    // Judged before Chromium renders for seconds, not by the disk afterwards.
    const problem = fileNameProblem(req.suggestedName);
    if (problem) throw new Error(`Cannot write ${JSON.stringify(req.suggestedName)}: the name ${problem}`);
    return { path: await ctx.host.savePdf(req) };
  },
};
