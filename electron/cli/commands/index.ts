/** Every fleetplan command, in the order `--help` lists them. */
import type { CliCommand } from '../cli-kit';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { importCommand } from './import';
import { infoCommand } from './info';
import { newCommand } from './new';
import { optimizeCommand } from './optimize';
import { printCommand } from './print';

export const COMMANDS: CliCommand[] = [newCommand, infoCommand, checkCommand, optimizeCommand, printCommand, exportCommand, importCommand];
