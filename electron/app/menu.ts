/**
 * The native menu, built from the user commands' declarations (shared/user-commands.ts):
 * each item sends its command to the renderer, which runs it as its keys do. Only
 * commands meant to work while typing register their shortcut with the system; the
 * others show it and leave the key to the renderer, which knows whether a field or a
 * dialog has it (a system-wide Delete or F would take those keys from every field).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, commandSpec, USER_COMMAND_NAMES, USER_COMMANDS, type MenuName, type UserCommandName } from '../../shared/user-commands';

const MENUS: readonly MenuName[] = ['File', 'Edit', 'View', 'Plan', 'Help'];

/** Text editing in fields, which macOS wires through these roles. */
const TEXT_EDITING: MenuItemConstructorOptions[] = [{ type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }];

function commandItem(name: UserCommandName, send: (command: UserCommandName) => void): MenuItemConstructorOptions[] {
  const spec = commandSpec(name);
  const key = spec.keys?.[0];
  const item: MenuItemConstructorOptions = {
    label: spec.label,
    click: () => send(name),
    ...(key ? { accelerator: accelerator(key), registerAccelerator: spec.whileTyping === true } : {}),
  };
  return spec.separatorBefore ? [{ type: 'separator' }, item] : [item];
}

export function buildMenuTemplate(send: (command: UserCommandName) => void, platform: NodeJS.Platform, appName = 'Fleet Planner'): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const submenu = (menu: MenuName): MenuItemConstructorOptions[] => {
    let items = USER_COMMAND_NAMES.filter((name) => commandSpec(name).menu === menu).flatMap((name) => commandItem(name, send));
    if (menu === 'Edit') {
      const afterRedo = items.findIndex((i) => i.label === USER_COMMANDS.redo.label) + 1;
      items = [...items.slice(0, afterRedo), ...TEXT_EDITING, ...items.slice(afterRedo)];
    }
    if (menu === 'File' && !mac) items.push({ type: 'separator' }, { role: 'quit' });
    if (menu === 'View') items.push({ type: 'separator' }, { role: 'togglefullscreen' });
    return items;
  };
  return [
    ...(mac ? [{ label: appName, submenu: [{ role: 'about' as const }, { type: 'separator' as const }, { role: 'hide' as const }, { role: 'quit' as const }] }] : []),
    ...MENUS.map((menu) => ({ label: `&${menu}`, submenu: submenu(menu) })),
  ];
}
