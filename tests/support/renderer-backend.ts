/**
 * The real backend in this process (SQLite working copy, handlers, the built optimizer
 * worker), reached by the renderer's own api client through `window.fleet` as in
 * Electron: the store's slices tested against what they talk to. One per test file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { webHost } from '../../electron/web/host-web';
import type { FleetBridge } from '../../shared/ipc/bridge';
import { fromWireDoc, type WireDoc } from '../../shared/ipc/placement-columns';
import type { FleetDoc } from '../../shared/model/schema';

export interface RendererBackend {
  /** Asks the backend directly, behind the store's back. */
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** The backend's open document, as the renderer decodes it. */
  storedDoc(): Promise<FleetDoc>;
}

/** Starts the backend before the file's tests and closes it after them. */
export function rendererBackend(): RendererBackend {
  const worker = path.resolve('dist/electron/optimizer-worker.cjs');
  let backend: Backend;
  let dir: string;
  beforeAll(() => {
    if (!fs.existsSync(worker)) throw new Error(`${worker} is missing: run \`npm run build\` first (npm test does)`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    backend = createBackend({ dataDir: dir, documentsDir: dir, host: webHost(dir), transport: 'web', optimizerWorkerPath: worker });
    const bridge: FleetBridge = { invoke: (channel, payload) => backend.invoke(channel, payload), on: (event, listener) => backend.onEvent((name, payload) => name === event && listener(payload)) };
    (globalThis as { window?: unknown }).window = { fleet: bridge };
  });
  afterAll(async () => {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    invoke: (channel, payload) => backend.invoke(channel, payload),
    storedDoc: async () => fromWireDoc(((await backend.invoke('document.current', {})) as { doc: WireDoc }).doc),
  };
}
