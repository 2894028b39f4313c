import type { OptimizerProgress } from '../../../shared/ipc/channels/optimizer';
import type { Request, Response } from '../../../shared/ipc/contract';
import type { DocumentService } from '../document/service';
import { OptimizerError, type OptimizerService } from '../optimizer/service';

export interface OptimizerContext {
  document: DocumentService;
  optimizer: OptimizerService;
  emit: (name: 'optimizer.progress', payload: OptimizerProgress) => void;
}

export const optimizerHandlers = {
  'optimizer.run': async (req: Request<'optimizer.run'>, ctx: OptimizerContext): Promise<Response<'optimizer.run'>> => {
    const { doc, openedRevision } = ctx.document.snapshot();
    // The screen had not yet shown the document just opened: the run asked for was the one before's.
    if (req.openedRevision !== openedRevision) throw new OptimizerError('Another document has been opened: run the optimizer on it');
    const started = Date.now();
    const result = await ctx.optimizer.solve(
      doc,
      {
        objective: req.objective ?? doc.limits.objective,
        timeLimitS: req.timeLimitS ?? doc.limits.timeLimitS,
        mipGap: doc.limits.mipGapFraction,
        planId: `plan-${started.toString(36)}`,
        now: new Date(started).toISOString(),
      },
      (phase, search) =>
        ctx.emit('optimizer.progress', { phase, bestNpvUsd: search?.bestObjective, boundNpvUsd: search?.bound, gapFraction: search?.gapFraction }),
    );
    // The plan is this document's: one opened during the run must not take it.
    if (ctx.document.snapshot().openedRevision !== openedRevision) throw new OptimizerError('Another document was opened during the run: its plan was not kept');
    // The plan becomes part of the document (saved with it, undoable like any edit).
    const { revision } = ctx.document.apply({ type: 'insert', entities: { table: 'plans', items: [result.plan] } }, ctx.document.info().revision);
    return { plan: result.plan, sensitivity: result.sensitivity, stats: result.stats, revision };
  },
  'optimizer.stop': async (_req: object, ctx: OptimizerContext): Promise<Response<'optimizer.stop'>> => ({ stopping: ctx.optimizer.stop() }),
  'optimizer.cancel': async (_req: object, ctx: OptimizerContext): Promise<Response<'optimizer.cancel'>> => ({ cancelled: await ctx.optimizer.cancel() }),
  'optimizer.lp': async (req: Request<'optimizer.lp'>, ctx: OptimizerContext, signal?: AbortSignal): Promise<Response<'optimizer.lp'>> => {
    const { doc } = ctx.document.snapshot();
    return { lp: await ctx.optimizer.writeLp(doc, req.objective ?? doc.limits.objective, signal) };
  },
};
