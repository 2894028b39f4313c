import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizerWorkerPath } from '../../support/optimizer-worker';
import { createBackend, HANDLERS, type Backend } from '../../../electron/backend';
import { webHost } from '../../../electron/web/host-web';
import { channels } from '../../../shared/ipc/contract';

let backend: Backend;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-contract-'));
  backend = createBackend({
    dataDir: path.join(dir, 'data'),
    documentsDir: dir,
    host: webHost(dir),
    transport: 'web',
    optimizerWorkerPath: optimizerWorkerPath(),
  });
});

afterAll(async () => {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ipc contract', () => {
  it('rejects a malformed payload with the channel and the field', async () => {
    await expect(backend.invoke('document.apply', { command: { type: 'move', moves: [{ id: 'p1', xM: '3', yM: 0 }] }, baseRevision: 0 })).rejects.toThrow(
      /^document\.apply: command\.moves\.0\.xM: .*expected number, received string/,
    );
    await expect(backend.invoke('document.open', { path: 42 })).rejects.toThrow(/^document\.open: path: /);
    await expect(backend.invoke('document.current', { extra: true })).rejects.toThrow(/^document\.current: .*extra/i);
  });

  it.each([
    ['{"bogus":1}', 'bogus'],
    ['{"__proto__":{"polluted":true}}', '__proto__'],
    ['{"constructor":{"prototype":{}}}', 'constructor'],
    ['{"name":"ok","nmae":"typo"}', 'nmae'],
  ])('refuses an update whose patch is %s, naming the field, and leaves the document as it was', async (patch, field) => {
    const before = (await backend.invoke('document.current', {})) as { revision: number; dirty: boolean; doc: { sites: { id: string }[] } };
    const command = JSON.parse(`{"type":"update","table":"sites","id":"${before.doc.sites[0]!.id}","patch":${patch}}`);
    const refused = backend.invoke('document.apply', { command, baseRevision: before.revision });
    await expect(refused).rejects.toMatchObject({ code: 'bad-request' });
    await expect(refused).rejects.toThrow(new RegExp(`^document\\.apply: command\\.patch: Unrecognized key: "${field}"`));
    expect(await backend.invoke('document.current', {})).toEqual(before);
  });

  it('refuses batches nested deeper than the bound, by name, without exhausting the stack', async () => {
    const before = (await backend.invoke('document.current', {})) as { revision: number };
    let command: unknown = { type: 'move', moves: [{ id: 'p', xM: 0, yM: 0 }] };
    for (let i = 0; i < 5000; i++) command = { type: 'batch', label: 'deep', commands: [command] };
    await expect(backend.invoke('document.apply', { command, baseRevision: before.revision })).rejects.toThrow(
      'document.apply: command: batches nest at most 16 deep',
    );
  });

  it('rejects an unknown channel by name', async () => {
    await expect(backend.invoke('fleet.delete-everything', {})).rejects.toThrow(/fleet\.delete-everything: no such channel/);
  });

  it('a failed edit is an error for that channel and leaves the document as it was', async () => {
    const before = (await backend.invoke('document.current', {})) as { revision: number; doc: unknown };
    await expect(
      backend.invoke('document.apply', { command: { type: 'remove', table: 'placements', ids: ['no-such'] }, baseRevision: before.revision }),
    ).rejects.toMatchObject({ channel: 'document.apply', code: 'failed', message: expect.stringMatching(/^(?!document\.apply).*no-such/) });
    const after = (await backend.invoke('document.current', {})) as { revision: number; doc: unknown };
    expect(after.revision).toBe(before.revision);
    expect(after.doc).toEqual(before.doc);
  });

  it('every channel of the contract has a handler, and every handler a channel', () => {
    // The map's type already requires this at compile time; this holds the built map to it.
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(channels).sort());
    for (const name of Object.keys(channels) as (keyof typeof HANDLERS)[]) expect(typeof HANDLERS[name], name).toBe('function');
  });
});
