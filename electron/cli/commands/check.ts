import { checkFleet, countViolations, describeViolation, problemGroups, ruleLabel } from '../../../shared/constraints';
import { readFleet } from './document-common';
import { countOf } from '../../../shared/units';
import { exactlyPositional, EXIT_OK, fail, parseArgs, type CliCommand } from '../cli-kit';

const usage = 'fleetplan check FILE [--json]';
/** Ran fine and found broken limits. */
const EXIT_VIOLATIONS = 1;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check every power, cooling, density, floor and clearance limit; exit 1 when any is broken',
  usage,
  async run(args, io) {
    try {
      const parsed = parseArgs(args, [], ['json']);
      const [file] = exactlyPositional(parsed, ['FILE'], usage) as [string];
      const { doc } = readFleet(file);
      const { violations, headroom } = checkFleet(doc);
      const { errors, warnings } = countViolations(violations);
      if (parsed.options.has('json')) {
        io.stdout.write(`${JSON.stringify({ file, violations, headroom }, null, 2)}\n`);
      } else if (violations.length === 0) {
        io.stdout.write(`${file}: no violations (${doc.placements.length} placements checked)\n`);
      } else {
        io.stdout.write(`${file}: ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}\n`);
        // As the Problems panel lists them: by rule, errors first, alike units as one line.
        for (const group of problemGroups(violations)) {
          io.stdout.write(`  ${ruleLabel(group.rule)} (${group.count})\n`);
          for (const { first, count } of group.lines) {
            io.stdout.write(`    ${first.severity === 'error' ? 'error  ' : 'warning'} ${count > 1 ? `${count} alike, such as ` : ''}${describeViolation(first, doc.fleet.unitSystem)}\n`);
          }
        }
      }
      // A warning (a spare asked for and missing, a facing) breaks no limit: listed, but a script goes on.
      return errors === 0 ? EXIT_OK : EXIT_VIOLATIONS;
    } catch (error) {
      return fail(io, error, args);
    }
  },
};
