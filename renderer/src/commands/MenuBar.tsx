/**
 * The in-app menu bar of the browser build, which has no native menu: the same menus,
 * items and shortcuts as Electron's (both built from shared/user-commands.ts), each
 * item running its command as its key does.
 */
import { useEffect, useRef, useState } from 'react';
import { commandSpec, shortcutLabel, USER_COMMAND_NAMES, type MenuName, type UserCommandName } from '../../../shared/user-commands';
import { runCommand } from './commands';

export const MENU_NAMES: readonly MenuName[] = ['File', 'Edit', 'View', 'Plan', 'Help'];

/** The commands of one menu, in the table's order, with where separators go. */
export function menuItems(menu: MenuName): { name: UserCommandName; separatorBefore: boolean }[] {
  return USER_COMMAND_NAMES.filter((name) => commandSpec(name).menu === menu).map((name, i) => ({ name, separatorBefore: i > 0 && commandSpec(name).separatorBefore === true }));
}

export function MenuBar() {
  const [open, setOpen] = useState<MenuName | null>(null);
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpen(null);
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);
  const choose = (name: UserCommandName) => {
    setOpen(null);
    runCommand(name);
  };
  return (
    <nav className="menu-bar" ref={bar} aria-label="Menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(null)}>
      {MENU_NAMES.map((menu) => (
        <div key={menu} className="menu">
          <button aria-haspopup="menu" aria-expanded={open === menu} onClick={() => setOpen(open === menu ? null : menu)} onPointerEnter={() => open && setOpen(menu)} data-testid={`menu-${menu}`}>
            {menu}
          </button>
          {open === menu && (
            <ul role="menu" className="menu-items">
              {menuItems(menu).map(({ name, separatorBefore }) => {
                const key = commandSpec(name).keys?.[0];
                return (
                  <li key={name} role="none" className={separatorBefore ? 'separated' : undefined}>
                    <button role="menuitem" onClick={() => choose(name)} data-testid={`menu-item-${name}`}>
                      <span>{commandSpec(name).label}</span>
                      {key && <kbd>{shortcutLabel(key)}</kbd>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </nav>
  );
}
