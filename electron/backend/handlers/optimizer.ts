import type { Response } from '../../../shared/ipc/contract';
import { buildModel } from '../../../shared/optimizer/model';
import { writeLp } from '../../../shared/optimizer/lp';
import type { DocumentService } from '../document/service';
import type { OptimizerService } from '../optimizer/service';

export interface OptimizerContext {
  document: DocumentService;
  optimizer: OptimizerService;
  emit: (name: 'optimizer.progress', payload: { phase: string; elapsedMs: number }) => void;
}

export const optimizerHandlers = {
  'optimizer.run': async (req: { objective?: 'expected' | 'worst-case'; timeLimitS?: number }, ctx: OptimizerContext): Promise<Response<'optimizer.run'>> => {
    const { doc } = ctx.document.snapshot();
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
      (phase) => ctx.emit('optimizer.progress', { phase, elapsedMs: Date.now() - started }),
    );
    // The plan becomes part of the document (saved with it, undoable like any edit).
    const { revision } = ctx.document.apply({ type: 'insert', entities: { table: 'plans', items: [result.plan] } }, ctx.document.info().revision);
    return { plan: result.plan, sensitivity: result.sensitivity, stats: result.stats, revision };
  },
  'optimizer.cancel': async (_req: object, ctx: OptimizerContext): Promise<Response<'optimizer.cancel'>> => ({ cancelled: await ctx.optimizer.cancel() }),
  'optimizer.lp': async (req: { objective?: 'expected' | 'worst-case' }, ctx: OptimizerContext): Promise<Response<'optimizer.lp'>> => {
    const { doc } = ctx.document.snapshot();
    return { lp: writeLp(buildModel(doc, req.objective ?? doc.limits.objective).lp, `Fleet Planner capacity plan for ${doc.fleet.name}`) };
  },
};
