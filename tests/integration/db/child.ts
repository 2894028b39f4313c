/**
 * A document session in its own process, for crash tests: the parent kills it with
 * SIGKILL at a random moment. Each step is reported on stdout (written synchronously)
 * only after it completed.
 *   save-loop DATA_DIR TARGET: save version 0, 1, 2 … of the small sample to TARGET.
 *   edit-loop DATA_DIR TARGET: save TARGET once, then keep editing without saving.
 */
import fs from 'node:fs';
import { DocumentService } from '../../../electron/backend/document/service';
import { versionCommand } from './versions';

const [mode, dataDir, target] = process.argv.slice(2) as [string, string, string];
const service = new DocumentService({ dataDir, documentsDir: dataDir });
service.newDocument('small');
const say = (line: string): void => void fs.writeSync(1, `${line}\n`);

service.apply(versionCommand(0), 0);
service.saveAs(target);
say('saved 0');
for (let i = 1; ; i++) {
  service.apply(versionCommand(i), service.info().revision);
  if (mode === 'save-loop') {
    service.save();
    say(`saved ${i}`);
  } else {
    say(`applied ${i}`);
  }
}
