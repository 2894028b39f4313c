import { bomCsv } from '../../../shared/io/bom';
import { catalogToCsv } from '../../../shared/io/catalog-csv';
import { fleetJsonChunks } from '../../../shared/io/json';
import type { FleetDoc } from '../../../shared/model/schema';
import { checkOutput, readFleet, useFleet, writeOutput } from './document-common';
import { exactlyPositional, EXIT_OK, fail, parseArgs, UsageError, type CliCommand } from '../cli-kit';

const usage = 'fleetplan export [--force] FILE (--json OUT | --csv-bom OUT | --csv-catalog OUT)   (OUT "-" = stdout)';

/** The CSV outputs, made from the whole document. */
const TABLES: Record<string, (doc: FleetDoc) => string> = {
  'csv-bom': bomCsv,
  'csv-catalog': (doc) => catalogToCsv(doc.models),
};

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export a .fleet file as JSON, its bill of materials or its catalog as CSV',
  usage,
  async run(args, io) {
    try {
      const parsed = parseArgs(args, ['json', ...Object.keys(TABLES)], ['force']);
      const [file] = exactlyPositional(parsed, ['FILE'], usage) as [string];
      const chosen = [...parsed.options.entries()].filter(([name]) => name !== 'force');
      if (chosen.length !== 1) throw new UsageError(`choose one of --json, --csv-bom, --csv-catalog (usage: ${usage})`);
      const [format, out] = chosen[0] as [string, string];
      checkOutput(out, file, parsed.options.has('force'));
      if (format === 'json') {
        // The one that grows with the placements: read from the file and written in pieces as they come, never held whole.
        await useFleet(file, (fleet) => writeOutput(out, fleetJsonChunks(fleet), io));
      } else {
        await writeOutput(out, TABLES[format]!(readFleet(file).doc), io);
      }
      return EXIT_OK;
    } catch (error) {
      return fail(io, error);
    }
  },
};
