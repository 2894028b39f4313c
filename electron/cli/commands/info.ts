import { summarize } from '../../../shared/io/summary';
import { useFleet } from './document-common';
import { exactlyPositional, EXIT_OK, fail, parseArgs, type CliCommand } from '../cli-kit';

const usage = 'fleetplan info FILE [--json]';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show counts and totals of a .fleet file',
  usage,
  async run(args, io) {
    try {
      const parsed = parseArgs(args, [], ['json']);
      const [file] = exactlyPositional(parsed, ['FILE'], usage) as [string];
      // Counts and totals need one walk of the placements, not the document in memory.
      const summary = await useFleet(file, (fleet, migratedFrom) => ({ file, ...summarize(fleet), olderFileVersion: migratedFrom }));
      if (parsed.options.has('json')) {
        io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return EXIT_OK;
      }
      const { counts, totals } = summary;
      io.stdout.write(
        [
          `${file}: ${summary.name}`,
          `  ${counts.sites} sites, ${counts.halls} halls, ${counts.zones} zones, ${counts.placements} placements, ${counts.models} equipment models`,
          `  ${counts.scenarios} scenarios, ${counts.plans} plans`,
          `  IT load ${totals.itMw} MW, hashrate ${totals.hashratePhs} PH/s, ${totals.gpus} GPUs, equipment capex $${totals.equipmentCapexUsd.toLocaleString('en-US')}`,
          ...(summary.olderFileVersion !== null ? [`  written by an older version (file version ${summary.olderFileVersion}); opening it in Fleet Planner updates it`] : []),
        ].join('\n') + '\n',
      );
      return EXIT_OK;
    } catch (error) {
      return fail(io, error, args);
    }
  },
};
