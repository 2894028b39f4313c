/**
 * The browser build may open and save only inside its documents folder: the policy on real
 * paths (links included), and the server end to end, where each of these used to get through.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { permitInsideFolder } from '../../../electron/web/document-paths';
import { call, connect, startServerProcess, type ServerProcess } from './server-process';

describe('permitInsideFolder', () => {
  let base: string;
  let docs: string;
  let outside: string;

  beforeAll(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-paths-')));
    docs = path.join(base, 'docs');
    outside = path.join(base, 'outside');
    fs.mkdirSync(path.join(docs, 'sub'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'theirs.fleet'), 'x');
    fs.writeFileSync(path.join(docs, 'mine.fleet'), 'x');
    fs.symlinkSync(outside, path.join(docs, 'out-dir'));
    fs.symlinkSync(path.join(outside, 'theirs.fleet'), path.join(docs, 'out-file.fleet'));
    fs.symlinkSync(path.join(outside, 'new.fleet'), path.join(docs, 'dangling.fleet'));
    fs.symlinkSync(path.join(docs, 'mine.fleet'), path.join(docs, 'sub', 'alias.fleet'));
    fs.symlinkSync(docs, path.join(base, 'docs-link'));
  });

  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('answers the real path of a file inside, relative or absolute, through links that stay inside', () => {
    expect(permitInsideFolder(docs, 'mine.fleet', 'open')).toBe(path.join(docs, 'mine.fleet'));
    expect(permitInsideFolder(docs, path.join(docs, 'sub', '..', 'mine.fleet'), 'open')).toBe(path.join(docs, 'mine.fleet'));
    expect(permitInsideFolder(docs, 'sub/alias.fleet', 'save')).toBe(path.join(docs, 'mine.fleet'));
    expect(permitInsideFolder(docs, 'sub/new.fleet', 'save')).toBe(path.join(docs, 'sub', 'new.fleet'));
    // The folder given as a link: judged on its real path.
    expect(permitInsideFolder(path.join(base, 'docs-link'), 'new.fleet', 'save')).toBe(path.join(docs, 'new.fleet'));
  });

  it.each([
    ['../outside/theirs.fleet', 'open'],
    ['../outside/new.fleet', 'save'],
    ['/etc/passwd', 'open'],
    ['out-dir/theirs.fleet', 'open'],
    ['out-dir/new.fleet', 'save'],
    ['out-file.fleet', 'save'],
    ['out-dir/no/such/folder/x.fleet', 'save'],
  ] as const)('refuses %s (%s) as outside the documents folder', (requested, purpose) => {
    expect(() => permitInsideFolder(docs, requested, purpose)).toThrow(`Cannot ${purpose} "${requested}": only files in the documents folder ${docs} can be`);
  });

  it('says the same of a file outside that exists and one that does not', () => {
    const message = (p: string) => {
      try {
        permitInsideFolder(docs, p, 'open');
        return 'permitted';
      } catch (error) {
        return (error as Error).message.replace(p, '<path>');
      }
    };
    expect(message('../outside/theirs.fleet')).toBe(message('../outside/none.fleet'));
    expect(message('out-dir/theirs.fleet')).toBe(message('out-dir/none.fleet'));
    expect(message('out-dir/theirs.fleet')).toBe(message('out-dir/none/deeper.fleet'));
  });

  it('takes a name inside that starts with two dots for the name it is, not for the way out', () => {
    for (const name of ['..fleet', '...fleet', '..plan.fleet']) expect(permitInsideFolder(docs, name, 'save'), name).toBe(path.join(docs, name));
    expect(permitInsideFolder(docs, 'sub/..x.fleet', 'save')).toBe(path.join(docs, 'sub', '..x.fleet'));
  });

  it('refuses a path that names no file', () => {
    for (const requested of ['', '  ', '/', 'sub/', '.', 'sub/..', docs, docs + '/']) {
      expect(() => permitInsideFolder(docs, requested, 'save'), requested).toThrow(/give a file name/);
    }
  });

  it('refuses a link whose target is not there, and a folder inside that is not there', () => {
    expect(() => permitInsideFolder(docs, 'dangling.fleet', 'save')).toThrow(/link to a file that does not exist/);
    expect(() => permitInsideFolder(docs, 'nope/x.fleet', 'save')).toThrow(`the folder ${path.join(docs, 'nope')} does not exist`);
  });
});

describe('document.open and document.saveAs on the browser build', () => {
  let server: ServerProcess;
  let ws: WebSocket;
  let outside: string;

  beforeAll(async () => {
    server = await startServerProcess();
    ws = await connect(server);
    outside = path.dirname(server.documentsDir);
  });

  afterAll(async () => {
    ws?.close();
    await server?.stop();
  });

  it('writes nothing outside --dir and replaces no file there', async () => {
    const theirs = path.join(outside, 'theirs.fleet');
    fs.writeFileSync(theirs, 'not ours');
    for (const requested of ['../outside', '../theirs.fleet', '/', '/tmp/x', theirs]) {
      const answer = await call(ws, 'document.saveAs', { path: requested });
      expect(answer.ok, requested).toBe(false);
      expect(answer.error?.message).toMatch(/only files in the documents folder|give a file name/);
    }
    expect(fs.readFileSync(theirs, 'utf8')).toBe('not ours');
    expect(fs.readdirSync(outside).sort()).toEqual(['data', 'docs', 'renderer', 'theirs.fleet']);
    expect(server.exit()).toBeNull();
  });

  it('refuses to open outside --dir without telling whether the file is there', async () => {
    const there = await call(ws, 'document.open', { path: '../renderer/index.html' });
    const absent = await call(ws, 'document.open', { path: '../renderer/none.html' });
    expect(there.error?.message.replace('index', 'X')).toBe(absent.error?.message.replace('none', 'X'));
  });

  it('still saves and opens by name inside --dir', async () => {
    expect(await call(ws, 'document.saveAs', { path: 'plan' })).toMatchObject({ ok: true, result: { path: path.join(fs.realpathSync(server.documentsDir), 'plan.fleet') } });
    expect(await call(ws, 'document.open', { path: 'plan.fleet' })).toMatchObject({ ok: true });
  });
});

describe('file names on the browser build', () => {
  let server: ServerProcess;
  let ws: WebSocket;
  const controlled = ['line1\nline2', 'bell\u0007', 'esc\u001b[2J', 'a\u0000b'];
  const controlProblem = 'the name holds a control character (such as a line break or a tab), which a file name cannot';

  beforeAll(async () => {
    server = await startServerProcess();
    ws = await connect(server);
  });

  afterAll(async () => {
    ws?.close();
    await server?.stop();
  });

  it('Save As refuses a name holding a control character, or too long in bytes, in words, and writes nothing', async () => {
    for (const name of controlled) {
      expect(await call(ws, 'document.saveAs', { path: name }), JSON.stringify(name)).toMatchObject({
        ok: false,
        error: { message: `Cannot save ${JSON.stringify(`${name}.fleet`)}: ${controlProblem}`, code: 'failed' },
      });
    }
    // 199 characters, 404 bytes with ".fleet": the disk used to answer ENAMETOOLONG.
    const long = await call(ws, 'document.saveAs', { path: 'é'.repeat(199) });
    expect(long.error?.message).toMatch(/^Cannot save ".*": the name is too long: 404 bytes, where a file name takes at most 200 /);
    expect(fs.readdirSync(server.documentsDir)).toEqual([]);
  });

  it('Export PDF refuses such a name before any rendering', async () => {
    const { result } = await call(ws, 'document.current', {});
    const hall = (result as { doc: { halls: { id: string }[] } }).doc.halls[0]!;
    const route = `/print?hall=${encodeURIComponent(hall.id)}&paper=A3`;
    for (const name of [...controlled.map((n) => `${n}.pdf`), `${'é'.repeat(199)}.pdf`]) {
      const started = Date.now();
      const answer = await call(ws, 'print.exportPdf', { route, suggestedName: name });
      expect(answer, JSON.stringify(name)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Cannot write ".*": the name (holds a control character|is too long: 402 bytes)/) } });
      // Rendering takes seconds; a refusal made first takes none.
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect(fs.readdirSync(server.documentsDir)).toEqual([]);
  });
});
