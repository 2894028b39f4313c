import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/app/menu';
import { USER_COMMAND_NAMES, USER_COMMANDS, commandSpec, type UserCommandName } from '../../../shared/user-commands';
import { MENU_NAMES, menuItems } from '../../../renderer/src/commands/MenuBar';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...items((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}

describe('native menu, built from the user commands', () => {
  it('has File, Edit, View, Plan and Help, plus the app menu on macOS', () => {
    expect(buildMenuTemplate(() => undefined, 'linux').map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Plan', '&Help']);
    expect(buildMenuTemplate(() => undefined, 'darwin')[0]!.label).toBe('Fleet Planner');
    expect(buildMenuTemplate(() => undefined, 'darwin').length).toBe(6);
  });

  it('sends each item as a registered command, and reaches every command declared for a menu', () => {
    const sent: UserCommandName[] = [];
    const all = items(buildMenuTemplate((c) => sent.push(c), 'win32'));
    for (const i of all) (i.click as (() => void) | undefined)?.();
    expect(sent.every((c) => USER_COMMAND_NAMES.includes(c))).toBe(true);
    expect([...new Set(sent)].sort()).toEqual(USER_COMMAND_NAMES.filter((n) => commandSpec(n).menu).sort());
    // Each item's label is the command's own.
    for (const name of new Set(sent)) expect(all.some((i) => i.label === USER_COMMANDS[name].label)).toBe(true);
  });

  it('registers only shortcuts meant to work while typing; shows the others and leaves the key to the renderer', () => {
    const all = items(buildMenuTemplate(() => undefined, 'linux'));
    const byLabel = (l: string) => all.find((i) => i.label === l)!;
    expect(byLabel('Save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', registerAccelerator: true });
    expect(byLabel('Save As…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+S', registerAccelerator: true });
    expect(byLabel('Redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false });
    expect(byLabel('Delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
    expect(byLabel('Zoom to Fit')).toMatchObject({ accelerator: 'F', registerAccelerator: false });
    expect(byLabel('Zoom In')).toMatchObject({ accelerator: 'Plus', registerAccelerator: false });
  });

  it('keeps text editing in fields (cut, copy, paste, select all) after Undo and Redo', () => {
    const edit = buildMenuTemplate(() => undefined, 'linux')[1]!.submenu as MenuItemConstructorOptions[];
    const roles = edit.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(edit.findIndex((i) => i.role === 'cut')).toBeGreaterThan(edit.findIndex((i) => i.label === 'Redo'));
  });
  it("the browser build's in-app menus hold the same commands in the same order as the native ones", () => {
    const native = buildMenuTemplate(() => undefined, 'linux');
    for (const [i, menu] of MENU_NAMES.entries()) {
      const labels = (native[i]!.submenu as MenuItemConstructorOptions[]).filter((item) => item.label && !item.role).map((item) => item.label);
      expect(menuItems(menu).map(({ name }) => USER_COMMANDS[name].label)).toEqual(labels);
    }
  });
});
