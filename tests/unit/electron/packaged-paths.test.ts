import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../../../electron/app/packaged-paths';
import { PathGrants } from '../../../electron/app/path-grants';
import { PathRefusedError } from '../../../electron/backend/host';

describe('unpackedPath: code that cannot run from the asar', () => {
  it('moves a packaged file to app.asar.unpacked (Linux, macOS and Windows layouts)', () => {
    expect(unpackedPath('/opt/Fleet Planner/resources/app.asar/dist/electron/optimizer-worker.cjs', '/')).toBe('/opt/Fleet Planner/resources/app.asar.unpacked/dist/electron/optimizer-worker.cjs');
    expect(unpackedPath('/Applications/Fleet Planner.app/Contents/Resources/app.asar/dist/electron/optimizer-worker.cjs', '/')).toBe('/Applications/Fleet Planner.app/Contents/Resources/app.asar.unpacked/dist/electron/optimizer-worker.cjs');
    expect(unpackedPath('C:\\Program Files\\Fleet Planner\\resources\\app.asar\\dist\\electron\\optimizer-worker.cjs', '\\')).toBe('C:\\Program Files\\Fleet Planner\\resources\\app.asar.unpacked\\dist\\electron\\optimizer-worker.cjs');
  });
  it('leaves a development path, and one merely named like the archive, as it is', () => {
    expect(unpackedPath('/home/me/fleet-planner/dist/electron/optimizer-worker.cjs', '/')).toBe('/home/me/fleet-planner/dist/electron/optimizer-worker.cjs');
    expect(unpackedPath('/home/me/app.asar.unpacked/dist/x.cjs', '/')).toBe('/home/me/app.asar.unpacked/dist/x.cjs');
    expect(unpackedPath('/home/me/my-app.asar/x.cjs', '/')).toBe('/home/me/my-app.asar/x.cjs');
  });
});

describe('PathGrants: the window names only paths the user chose', () => {
  it('allows a granted path and a recent one, in any spelling of the same path', () => {
    const grants = new PathGrants();
    grants.grant('/home/me/fleets/a.fleet');
    expect(grants.allows('/home/me/fleets/./a.fleet', [])).toBe(true);
    expect(grants.allows('/home/me/old/b.fleet', ['/home/me/old/b.fleet'])).toBe(true);
  });
  it('refuses any other path', () => {
    const grants = new PathGrants();
    grants.grant('/home/me/fleets/a.fleet');
    expect(grants.allows('/home/me/fleets/../.bashrc', ['/home/me/old/b.fleet'])).toBe(false);
    expect(grants.allows('/etc/passwd', [])).toBe(false);
  });
  it('permits a chosen path as an absolute one, and refuses any other in the same words whether or not it exists', () => {
    const grants = new PathGrants();
    grants.grant('/home/me/fleets/a.fleet');
    expect(grants.permit('/home/me/fleets/./a.fleet', 'open', [])).toBe('/home/me/fleets/a.fleet');
    const refusal = (file: string) => {
      try {
        grants.permit(file, 'save', []);
      } catch (error) {
        expect(error).toBeInstanceOf(PathRefusedError);
        return (error as Error).message.replace(file, 'FILE');
      }
      throw new Error('not refused');
    };
    expect(refusal('/etc/passwd')).toBe(refusal('/no/such/file.fleet'));
  });
});
