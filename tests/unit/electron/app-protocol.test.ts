import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerAppRequest, isAllowedNavigation, isTrustedRendererUrl, RENDERER_ENTRY, rendererRoute } from '../../../electron/app/app-protocol';
import { rendererPath } from '../../../electron/renderer-files';
import { APP_CONTENT_SECURITY_POLICY } from '../../../shared/security';

// A built renderer folder with a secret beside it that no URL may reach.
const top = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
const renderer = path.join(top, 'renderer');
fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Fleet Planner</title>');
fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.css'), 'body{}');
fs.writeFileSync(path.join(top, 'secret.txt'), 'secret');
fs.symlinkSync(path.join(top, 'secret.txt'), path.join(renderer, 'assets', 'link.js'));
afterAll(() => fs.rmSync(top, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => answerAppRequest(new Request(url, { method }), renderer);

describe('app:// protocol: the renderer served from its folder', () => {
  it('serves the entry page with the app CSP, at / and at /index.html', async () => {
    for (const url of ['app://fleet/', RENDERER_ENTRY, `${RENDERER_ENTRY}#/print?hall=h1`]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(APP_CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>Fleet Planner</title>');
    }
  });

  it('serves module scripts and styles with their types (a blank window otherwise)', async () => {
    const js = await get('app://fleet/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://fleet/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    ['dot segments', 'app://fleet/../secret.txt'],
    ['encoded dot segments', 'app://fleet/%2e%2e/secret.txt'],
    ['encoded slashes and dots', 'app://fleet/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['an absolute path', 'app://fleet//etc/passwd'],
    ['an unknown file', 'app://fleet/nothing.js'],
    ['a folder', 'app://fleet/assets'],
    ['a link leading outside', 'app://fleet/assets/link.js'],
    ['another host', 'app://elsewhere/index.html'],
  ])('answers 404 for %s', async (_what, url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });

  it.each([
    ['malformed percent-encoding', 'app://fleet/%E0%A4%A'],
    ['a lone percent', 'app://fleet/%'],
    ['a NUL', 'app://fleet/index.html%00.js'],
    ['a backslash (a separator on Windows)', 'app://fleet/..%5csecret.txt'],
  ])('answers 400 for %s', async (_what, url) => {
    expect((await get(url)).status).toBe(400);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(RENDERER_ENTRY, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(RENDERER_ENTRY, 'POST')).status).toBe(405);
  });

  it('maps paths without touching the disk, refusing what resolves outside', () => {
    expect(rendererPath('/r', '/')).toEqual({ ok: true, file: path.resolve('/r/index.html') });
    expect(rendererPath('/r', '/assets/a.js')).toEqual({ ok: true, file: path.resolve('/r/assets/a.js') });
    expect(rendererPath('/r', '/%2E%2E/x')).toMatchObject({ ok: false, status: 404 });
    expect(rendererPath('/r', 'relative')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('which pages are ours', () => {
  it('trusts the entry page at any hash route, and nothing else', () => {
    expect(isTrustedRendererUrl(RENDERER_ENTRY)).toBe(true);
    expect(isTrustedRendererUrl(rendererRoute('/print?hall=h1'))).toBe(true);
    expect(isTrustedRendererUrl('app://fleet/index.html?x=1')).toBe(false);
    expect(isTrustedRendererUrl('app://fleet/assets/index-abc.js')).toBe(false);
    expect(isTrustedRendererUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedRendererUrl('file:///opt/Fleet%20Planner/resources/app.asar/dist/renderer/index.html')).toBe(false);
    expect(isTrustedRendererUrl('https://fleet/index.html')).toBe(false);
    expect(isTrustedRendererUrl('not a url')).toBe(false);
  });
  it('lets a window navigate only between its own routes', () => {
    expect(isAllowedNavigation(rendererRoute('/'))).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
  });
});
