/**
 * The document handlers against the contract: each request as the contract parses it,
 * each answer checked against the channel's response schema (the backend validates both).
 * The host is the one port the handlers reach outside; here it answers like a user would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentService, type DocumentInfo } from '../../../electron/backend/document/service';
import { documentHandlers, type DocumentContext } from '../../../electron/backend/handlers/document';
import { channels, events } from '../../../shared/ipc/contract';
import { webHost } from '../../../electron/web/host-web';
import { tempDir } from './helpers';

let dir: string;
let ctx: DocumentContext;
let answers: { open: string | null; save: string | null };
const asked: string[] = [];

beforeEach(() => {
  dir = tempDir('handlers');
  answers = { open: null, save: null };
  asked.length = 0;
  const document = new DocumentService({ dataDir: path.join(dir, 'data'), documentsDir: dir });
  document.start();
  ctx = {
    document,
    host: {
      chooseOpenPath: async () => (asked.push('open'), answers.open),
      chooseSavePath: async (suggested) => (asked.push(`save ${suggested}`), answers.save),
      permitDocumentPath: webHost(dir).permitDocumentPath,
    },
  };
});

afterEach(() => {
  ctx.document.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<C extends keyof typeof documentHandlers>(name: C, payload: unknown): Promise<unknown> {
  const spec = channels[name];
  const request = spec.request.parse(payload);
  const response = await (documentHandlers[name] as (req: unknown, c: DocumentContext) => Promise<unknown>)(request, ctx);
  return spec.response.parse(response);
}

describe('document handlers', () => {
  it('serve the contract from start to save and reopen', async () => {
    const changed: DocumentInfo[] = [];
    ctx.document.onChanged((info) => changed.push(events['document.changed'].payload.parse(info)));

    const current = (await call('document.current', {})) as { doc: { placements: { id: unknown[] } }; path: null; revision: number };
    expect(current).toMatchObject({ path: null, dirty: false, revision: 0 });
    expect(current.doc.placements.id.length).toBeGreaterThan(500);

    expect(await call('document.samples', {})).toEqual({ samples: expect.arrayContaining([expect.objectContaining({ name: 'small' })]) });
    // An edit made against the campus (revision 0) cannot land on the new document.
    expect(await call('document.new', { sample: 'small' })).toMatchObject({ title: 'Small test fleet', revision: 1 });
    const rotate = (rotationDeg: number) => ({ type: 'rotate', rotations: [{ id: 'sm-m01-01', rotationDeg }] });
    await expect(call('document.apply', { command: rotate(0), baseRevision: 0 })).rejects.toThrow(/made against revision 0, the document is at revision 1/);
    expect(await call('document.apply', { command: rotate(180), baseRevision: 1 })).toEqual({ revision: 2, dirty: true });
    await expect(call('document.apply', { command: rotate(0), baseRevision: 1 })).rejects.toThrow(/made against revision 1, the document is at revision 2/);

    // Untitled: Save asks for a path; cancelling changes nothing.
    expect(await call('document.save', {})).toEqual({ cancelled: true });
    expect(asked).toEqual(['save Small test fleet.fleet']);
    answers.save = path.join(dir, 'small');
    // The rack turned 180° faces against its row: the save goes through and reports that warning, beside the sample's lone CDU under N+1.
    expect(await call('document.save', {})).toEqual({ path: path.join(dir, 'small.fleet'), title: 'small.fleet', dirty: false, revision: 2, limits: { errors: 0, warnings: 2 } });
    expect(await call('document.recent', {})).toEqual({ paths: [path.join(dir, 'small.fleet')] });

    expect(await call('document.open', {})).toEqual({ cancelled: true });
    answers.open = path.join(dir, 'small.fleet');
    expect(await call('document.open', {})).toMatchObject({ path: path.join(dir, 'small.fleet'), revision: 3, dirty: false });
    expect(await call('document.saveAs', { path: 'copy.fleet' })).toMatchObject({ path: path.join(dir, 'copy.fleet') });
    expect(await call('document.recoveries', {})).toEqual({ items: [] });
    await expect(call('document.recover', { id: 'nothing' })).rejects.toThrow('No unsaved work "nothing" to recover');
    await expect(call('document.new', { sample: 'mars' })).rejects.toThrow('unknown sample "mars"');
    await expect(call('document.open', { path: path.join(dir, 'none.fleet') })).rejects.toThrow(/Cannot open .*none\.fleet: no such file/);

    expect(changed.map((c) => [c.title, c.revision, c.dirty])).toEqual([
      ['Small test fleet', 1, false],
      ['Small test fleet', 2, true],
      ['small.fleet', 2, false],
      ['small.fleet', 3, false],
      ['copy.fleet', 3, false],
    ]);
  });

  it('judge a name chosen in a save dialog as one typed: a control character is refused, and nothing is written', async () => {
    answers.save = path.join(dir, 'plan\nB');
    await expect(call('document.saveAs', {})).rejects.toThrow('Cannot save "plan\\nB.fleet": the name holds a control character (such as a line break or a tab), which a file name cannot');
    expect(fs.readdirSync(dir)).toEqual(['data']);
  });

  it('refuse malformed requests through the contract', () => {
    expect(() => channels['document.apply'].request.parse({ command: { type: 'teleport' }, baseRevision: 0 })).toThrow();
    expect(() => channels['document.open'].request.parse({ path: 3 })).toThrow();
    expect(() => channels['document.current'].request.parse({ extra: true })).toThrow();
  });
});
