import fs from 'node:fs';
import { writeFleetFile } from '../../../db/fleet-file';
import { acquireLock } from '../../../db/lock';
import { mergeCatalog } from '../../../shared/catalog/edit';
import { applyCommand } from '../../../shared/commands/apply';
import { catalogFromCsv, MAX_CATALOG_CSV_BYTES } from '../../../shared/io/catalog-csv';
import { importFleetJson, MAX_FLEET_JSON_BYTES } from '../../../shared/io/json';
import { formatProblems, problemsAfterEdit } from '../../../shared/model/integrity';
import { countOf } from '../../../shared/units';
import { checkFleetName, checkOutput, readFleet } from './document-common';
import { exactlyPositional, EXIT_OK, fail, parseArgs, UsageError, type CliCommand, type CliIo } from '../cli-kit';

const usage = 'fleetplan import [--force] IN.json OUT.fleet   |   fleetplan import --csv-catalog IN.csv FILE.fleet';

/**
 * The text of a file to import, read only when it is a plain file within `maxBytes`, and never
 * more than that: a pipe waited for a writer for ever, /dev/zero was read until memory ran out.
 * Opened without waiting on a pipe and judged by what was opened, so nothing is swapped in between.
 */
function readInput(input: string, maxBytes: number, what: string): string {
  const cannot = (why: string) => new UsageError(`Cannot import ${input}: ${why}`);
  let fd: number;
  try {
    fd = fs.openSync(input, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw cannot((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw cannot('it is a folder, not a file');
    if (!stat.isFile()) throw cannot('it is a pipe or device, not a file; save what it gives to a file and import that');
    if (stat.size > maxBytes) throw cannot(`it is ${Math.ceil(stat.size / 2 ** 20)} MB, over the ${maxBytes / 2 ** 20} MB ${what} may have`);
    // One byte past the limit tells a file that grew since it was judged from one that did not.
    const buffer = Buffer.alloc(maxBytes + 1 > stat.size ? stat.size + 1 : maxBytes + 1);
    let read = 0;
    for (let n = 1; n > 0 && read < buffer.length; read += n) n = fs.readSync(fd, buffer, read, buffer.length - read, null);
    if (read > maxBytes) throw cannot(`it is over the ${maxBytes / 2 ** 20} MB ${what} may have`);
    return buffer.toString('utf8', 0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Merges a catalog spreadsheet into an existing fleet: new models added, known ids updated. */
function importCatalog(input: string, file: string, io: CliIo): void {
  const models = catalogFromCsv(readInput(input, MAX_CATALOG_CSV_BYTES, 'a catalog CSV'), input);
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
      const doc = importFleetJson(readInput(input, MAX_FLEET_JSON_BYTES, 'a fleet JSON'), input);
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
