/** The embedded samples: the app's default document, a small one for tests, generators for benchmarks. */
import type { FleetDoc } from '../model/schema';
import { blankFleet } from './blank';
import { sampleCampus } from './campus';
import { generateFleet } from './generate';
import { referencePortfolio } from './portfolio';
import { sampleSmall } from './small';

export { blankFleet, sampleCampus, sampleSmall, generateFleet, referencePortfolio };
export type { GenerateOptions } from './generate';

export const SAMPLES = {
  campus: { title: 'Mining campus with an AI retrofit (three sites)', build: sampleCampus },
  small: { title: 'Small fleet (one hall, for tests)', build: sampleSmall },
  large: { title: 'Generated fleet, 20,000 miner racks', build: () => generateFleet({ placements: 20_000, seed: 1 }) },
  portfolio: { title: 'Reference portfolio for the optimizer (20 sites × 6 halls)', build: () => referencePortfolio() },
} as const satisfies Record<string, { title: string; build: () => FleetDoc }>;

export type SampleName = keyof typeof SAMPLES;

export function listSamples(): { name: SampleName; title: string }[] {
  return (Object.keys(SAMPLES) as SampleName[]).map((name) => ({ name, title: SAMPLES[name].title }));
}

/** A fresh copy of the named sample; throws naming the sample and the known names. */
export function sampleByName(name: string): FleetDoc {
  if (!Object.hasOwn(SAMPLES, name)) {
    throw new Error(`unknown sample "${name}" (known: ${Object.keys(SAMPLES).join(', ')})`);
  }
  return SAMPLES[name as SampleName].build();
}
