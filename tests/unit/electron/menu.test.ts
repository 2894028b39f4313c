import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/app/menu';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/ipc/channels/app';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...items((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}

describe('native menu', () => {
  it('has File, Edit, View, Plan and Help, plus the app menu on macOS', () => {
    expect(buildMenuTemplate(() => undefined, 'linux').map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Plan', '&Help']);
    expect(buildMenuTemplate(() => undefined, 'darwin')[0]!.label).toBe('Fleet Planner');
  });
  it('sends each command to the renderer, with the usual accelerators', () => {
    const sent: MenuCommand[] = [];
    const all = items(buildMenuTemplate((c) => sent.push(c), 'win32'));
    const byLabel = (l: string) => all.find((i) => i.label === l)!;
    expect(byLabel('Save').accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel('Redo').accelerator).toBe('CmdOrCtrl+Y');
    expect(buildMenuTemplate(() => undefined, 'darwin').length).toBe(6);
    for (const i of all) (i.click as (() => void) | undefined)?.();
    // Every menu command the renderer understands is reachable from the menu.
    expect([...new Set(sent)].sort()).toEqual([...MENU_COMMANDS].sort());
  });
});
