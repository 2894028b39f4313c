import type { HostPorts } from '../backend/host';
import { permitInsideFolder } from './document-paths';

/**
 * The browser build has no native dialogs: the renderer shows its own file picker over
 * `files.list` and always passes a path, so a pathless request here means "cancelled".
 */
export function webHost(documentsDir: string): HostPorts {
  return {
    chooseOpenPath: async () => null,
    chooseSavePath: async () => null,
    permitDocumentPath: async (requested, purpose) => permitInsideFolder(documentsDir, requested, purpose),
  };
}
