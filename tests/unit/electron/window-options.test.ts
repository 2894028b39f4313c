import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl, mainWindowOptions } from '../../../electron/app/window-options';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';

// https://www.electronjs.org/docs/latest/tutorial/security — the items that apply to us.
describe('Electron security checklist', () => {
  const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
  it('isolates the context, sandboxes the renderer and gives it no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and experimental features, webviews and insecure content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });
  it('has a strict CSP: only our scripts, no objects, no framing, no remote connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
  it('trusts messages only from the bundled renderer page', () => {
    const ours = 'file:///opt/Fleet%20Planner/resources/app.asar/dist/renderer/index.html';
    expect(isTrustedRendererUrl(`${ours}#/print?hall=h1`, ours)).toBe(true);
    expect(isTrustedRendererUrl('https://example.com/index.html', ours)).toBe(false);
    expect(isTrustedRendererUrl('file:///tmp/evil/index.html', ours)).toBe(false);
    expect(isTrustedRendererUrl('not a url', ours)).toBe(false);
  });
});
