/**
 * Constraint engine: a full check of a 100,000-object fleet, and the median live check
 * after one move in it (the reference), with their ratio.
 * Goals: full under 100 ms, incremental under 0.2 ms.
 */
import { applyCommand } from '../../shared/commands/apply';
import { checkFleet, LiveChecker } from '../../shared/constraints';
import type { FleetDoc } from '../../shared/model/schema';
import { generateFleet } from '../../shared/samples';
import { measure, median, report, time } from './measure';

const OBJECTS = 100_000;
const MOVES = 400;

const doc = generateFleet({ placements: OBJECTS, seed: 7 });
const full = measure(() => checkFleet(doc), 5);

const live = new LiveChecker(doc);
let current: FleetDoc = doc;
const samples: number[] = [];
for (let i = 0; i < MOVES; i++) {
  const p = current.placements[(i * 7919) % current.placements.length]!;
  // Nudge by 0.1 m and back, as a user dragging does: the live checker runs after each drop.
  const applied = applyCommand(current, { type: 'move', moves: [{ id: p.id, xM: p.xM + (i % 2 ? -0.1 : 0.1), yM: p.yM }] });
  current = applied.doc;
  samples.push(time(() => live.update(current, applied.changes)));
}
const incremental = median(samples);

report({ bench: 'constraints', figure: `full check of ${OBJECTS.toLocaleString('en-US')} objects`, value: full, unit: 'ms', reference: 'median live check after one move', referenceValue: incremental, goal: 'under 100 ms', pass: full < 100 });
report({ bench: 'constraints', figure: 'live check after one move (median)', value: incremental, unit: 'ms', reference: `full check of ${OBJECTS.toLocaleString('en-US')} objects`, referenceValue: full, goal: 'under 0.2 ms', pass: incremental < 0.2 });
