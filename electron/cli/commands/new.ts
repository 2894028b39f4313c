import { writeFleetFile } from '../../../db/fleet-file';
import { blankFleet, listSamples, sampleByName } from '../../../shared/samples';
import { checkFleetName, checkWritable } from './document-common';
import { exactlyPositional, EXIT_OK, fail, parseArgs, UsageError, type CliCommand } from '../cli-kit';

const usage = 'fleetplan new [--sample NAME] [--force] FILE';

export const newCommand: CliCommand = {
  name: 'new',
  summary: `Create a .fleet file, blank or from a sample (${listSamples().map((s) => s.name).join(', ')})`,
  usage,
  async run(args, io) {
    try {
      const parsed = parseArgs(args, ['sample'], ['force']);
      const [file] = exactlyPositional(parsed, ['FILE'], usage) as [string];
      const sample = parsed.options.get('sample');
      checkFleetName(file);
      checkWritable(file, parsed.options.has('force'));
      let doc;
      try {
        doc = typeof sample === 'string' ? sampleByName(sample) : blankFleet();
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      writeFleetFile(doc, file);
      io.stdout.write(`Created ${file} (${doc.placements.length} placements)\n`);
      return EXIT_OK;
    } catch (error) {
      return fail(io, error);
    }
  },
};
