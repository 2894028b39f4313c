import fs from 'node:fs';
import { writeFleetFile } from '../../../db/fleet-file';
import { importFleetJson } from '../../../shared/io/json';
import { checkWritable } from './document-common';
import { exactlyPositional, EXIT_OK, fail, parseArgs, UsageError, type CliCommand } from '../cli-kit';

const usage = 'fleetplan import [--force] IN.json OUT.fleet';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Create a .fleet file from an exported fleet JSON',
  usage,
  async run(args, io) {
    try {
      const parsed = parseArgs(args, [], ['force']);
      const [input, output] = exactlyPositional(parsed, ['IN.json', 'OUT.fleet'], usage) as [string, string];
      let text: string;
      try {
        text = fs.readFileSync(input, 'utf8');
      } catch (error) {
        throw new UsageError(`Cannot import ${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      }
      const doc = importFleetJson(text, input);
      checkWritable(output, parsed.options.has('force'));
      writeFleetFile(doc, output);
      io.stdout.write(`Imported ${input} into ${output} (${doc.placements.length} placements)\n`);
      return EXIT_OK;
    } catch (error) {
      return fail(io, error);
    }
  },
};
