import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
// electron-builder's own YAML reader, so the test reads the file as packaging does.
import yaml from 'js-yaml';

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; mimeType: string; icon: string }[];
  npmRebuild: boolean;
  asarUnpack: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
}

const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('packaging (electron-builder.yml)', () => {
  it('sets the Electron fuses the security checklist asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
  it('associates .fleet files with their MIME type and icon', () => {
    expect(config.fileAssociations[0]!).toMatchObject({ ext: 'fleet', mimeType: 'application/x-fleet-planner' });
    expect(fs.existsSync(`build/${config.fileAssociations[0]!.icon}.png`)).toBe(true);
  });
  it('ships the Node-API build unrebuilt and unpacks native code, wasm and the worker from the asar', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/highs/**', 'dist/electron/optimizer-worker.cjs']));
  });
  it('builds AppImage and deb, NSIS and DMG', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });
});
