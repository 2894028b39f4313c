import { describe, expect, it } from 'vitest';
import { fleetFileFromArgv, restoreBounds } from '../../../electron/app/window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('restores bounds that are on a screen', () => {
    expect(restoreBounds({ bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: true }, screen)).toEqual({ bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: true });
  });
  it('drops bounds left on a monitor that is gone, and junk', () => {
    expect(restoreBounds({ bounds: { x: 2500, y: 100, width: 1400, height: 900 } }, screen)).toBeNull();
    expect(restoreBounds({ bounds: { x: 'a' } }, screen)).toBeNull();
    expect(restoreBounds(null, screen)).toBeNull();
  });
  it('never restores smaller than the minimum window', () => {
    expect(restoreBounds({ bounds: { x: 0, y: 0, width: 200, height: 100 } }, screen)!.bounds).toEqual({ x: 0, y: 0, width: 960, height: 600 });
  });
  it('finds a .fleet file among the arguments the OS passes', () => {
    expect(fleetFileFromArgv(['/opt/Fleet Planner/fleet-planner', '--no-sandbox', '/home/a/Site A.fleet'])).toBe('/home/a/Site A.fleet');
    expect(fleetFileFromArgv(['fleet-planner', '.'])).toBeNull();
  });
});
