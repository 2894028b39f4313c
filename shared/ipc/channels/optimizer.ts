import { z } from 'zod';
import { PlanSchema } from '../../model/schema';
import { channel, event } from '../define';

export const SensitivitySchema = z.object({
  hashpriceFactors: z.array(z.number()),
  gpuRateFactors: z.array(z.number()),
  npvUsd: z.array(z.array(z.number())),
  powerPriceFactors: z.array(z.number()),
  npvByPowerPriceUsd: z.array(z.number()),
});

/** While HiGHS searches: the best plan's NPV so far, the bound no plan can beat, and the gap between them. */
const SearchProgressEvent = z.object({
  phase: z.string(),
  bestNpvUsd: z.number().nullable().optional(),
  boundNpvUsd: z.number().nullable().optional(),
  gapFraction: z.number().nullable().optional(),
});
export type OptimizerProgress = z.infer<typeof SearchProgressEvent>;

export const optimizerChannels = {
  /** Solves the open document's capacity plan in the worker and stores the plan in the document. */
  'optimizer.run': channel(
    z.object({
      objective: z.enum(['expected', 'worst-case']).optional(),
      timeLimitS: z.number().positive().max(3600).optional(),
      /** The opening of the document the run is asked for (see the document channels): a run for one no longer open is refused, its plan having nowhere to go. */
      openedRevision: z.number().int().min(0),
    }).strict(),
    z.object({
      plan: PlanSchema,
      sensitivity: SensitivitySchema.nullable(),
      stats: z.object({ variables: z.number(), integers: z.number(), rows: z.number(), solveMs: z.number() }),
      revision: z.number(),
    }),
  ),
  /** Ends the search at its next checkpoint; the running 'optimizer.run' then answers with the best plan so far. */
  'optimizer.stop': channel(z.object({}).strict(), z.object({ stopping: z.boolean() })),
  /** Abandons the run: it answers with an error and no plan is kept. */
  'optimizer.cancel': channel(z.object({}).strict(), z.object({ cancelled: z.boolean() })),
  /** The LP file of the open document's model, exactly as solved. */
  'optimizer.lp': channel(z.object({ objective: z.enum(['expected', 'worst-case']).optional() }).strict(), z.object({ lp: z.string() })),
};

export const optimizerEvents = {
  'optimizer.progress': event(SearchProgressEvent),
};
