import fs from 'node:fs';
import { writeFleetFile } from '../../../db/fleet-file';
import { acquireLock } from '../../../db/lock';
import { mergeCatalog } from '../../../shared/catalog/edit';
import { applyCommand } from '../../../shared/commands/apply';
import { catalogFromCsv } from '../../../shared/io/catalog-csv';
import { importFleetJson } from '../../../shared/io/json';
import { formatProblems, problemsAfterEdit } from '../../../shared/model/integrity';
import { countOf } from '../../../shared/units';
import { checkFleetName, checkOutput, readFleet } from './document-common';
import { exactlyPositional, EXIT_OK, fail, parseArgs, UsageError, type CliCommand, type CliIo } from '../cli-kit';

const usage = 'fleetplan import [--force] IN.json OUT.fleet   |   fleetplan import --csv-catalog IN.csv FILE.fleet';

function readInput(input: string): string {
  try {
    return fs.readFileSync(input, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot import ${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** Merges a catalog spreadsheet into an existing fleet: new models added, known ids updated. */
function importCatalog(input: string, file: string, io: CliIo): void {
  const models = catalogFromCsv(readInput(input), input);
  // The app may have the file open; writing under it would lose one side's work.
  const release = acquireLock(file, 'save to');
  try {
    const { doc } = readFleet(file);
    const merge = mergeCatalog(doc, models, input);
    if (merge.command) {
      const after = applyCommand(doc, merge.command).doc;
      // As the app refuses it: a kind changed under placements (a PDU made a miner) would leave a file no one can open.
      const problems = problemsAfterEdit(doc, after);
      if (problems.length) throw new UsageError(`Cannot import ${input} into ${file}: it would leave ${countOf(problems.length, 'problem')}, and ${file} is left as it was:\n${formatProblems(problems)}`);
      writeFleetFile(after, file);
    }
    io.stdout.write(`${input} into ${file}: ${countOf(merge.added, 'model')} added, ${merge.updated} updated, ${merge.unchanged} unchanged\n`);
  } finally {
    release();
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Create a .fleet file from an exported fleet JSON, or merge a catalog CSV into one',
  usage,
  async run(args, io) {
    try {
      const parsed = parseArgs(args, ['csv-catalog'], ['force']);
      const catalog = parsed.options.get('csv-catalog');
      if (typeof catalog === 'string') {
        const [file] = exactlyPositional(parsed, ['FILE.fleet'], usage) as [string];
        importCatalog(catalog, file, io);
        return EXIT_OK;
      }
      const [input, output] = exactlyPositional(parsed, ['IN.json', 'OUT.fleet'], usage) as [string, string];
      const doc = importFleetJson(readInput(input), input);
      checkFleetName(output);
      checkOutput(output, input, parsed.options.has('force'));
      writeFleetFile(doc, output);
      io.stdout.write(`Imported ${input} into ${output} (${doc.placements.length} placements)\n`);
      return EXIT_OK;
    } catch (error) {
      return fail(io, error);
    }
  },
};
