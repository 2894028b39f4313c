import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/app/window-options';
import { APP_CONTENT_SECURITY_POLICY, BROWSER_CONTENT_SECURITY_POLICY } from '../../../shared/security';

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
  it.each([
    ['Electron', APP_CONTENT_SECURITY_POLICY],
    ['the browser build', BROWSER_CONTENT_SECURITY_POLICY],
  ])('has a strict CSP in %s: only our scripts, no objects, no framing, no remote connections', (_where, policy) => {
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:/);
  });
  it('lets only the browser build open a connection, and only to the loopback WebSocket', () => {
    expect(APP_CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self'(;|$)/);
    expect(APP_CONTENT_SECURITY_POLICY).not.toContain('ws:');
    expect(BROWSER_CONTENT_SECURITY_POLICY).toContain("connect-src 'self' ws://127.0.0.1:*");
  });
});
