import { describe, expect, it } from 'vitest';
import { accelerator, commandForKey, commandSpec, matchesShortcut, parseShortcut, shortcutLabel, undoLabel, USER_COMMAND_NAMES, type KeyPress } from '../../shared/user-commands';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('user commands: one declaration each', () => {
  it('no two commands share a shortcut', () => {
    const seen = new Map<string, string>();
    for (const name of USER_COMMAND_NAMES) {
      for (const key of commandSpec(name).keys ?? []) {
        const s = parseShortcut(key);
        const id = `${s.mod ? 'Mod+' : ''}${s.shift ? 'Shift+' : ''}${s.key}`;
        expect(seen.get(id), `${key} of ${name}`).toBeUndefined();
        seen.set(id, name);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });

  it('every shortcut leads back to its own command', () => {
    for (const name of USER_COMMAND_NAMES) {
      for (const key of commandSpec(name).keys ?? []) {
        const s = parseShortcut(key);
        const typed = /^[a-z]$/.test(s.key) && s.shift ? s.key.toUpperCase() : s.key;
        expect(commandForKey(press(typed, { ctrlKey: s.mod, shiftKey: s.shift })), key).toBe(name);
      }
    }
  });

  it('reads keys as the user types them: Mod is Ctrl or Cmd, Shift matters for letters, not for ? or +', () => {
    expect(commandForKey(press('s', { ctrlKey: true }))).toBe('save');
    expect(commandForKey(press('s', { metaKey: true }))).toBe('save');
    expect(commandForKey(press('S', { ctrlKey: true, shiftKey: true }))).toBe('saveAs');
    expect(commandForKey(press('r'))).toBe('rotate');
    expect(commandForKey(press('R', { shiftKey: true }))).toBe('rotateBack');
    expect(commandForKey(press('r', { ctrlKey: true }))).toBe('runOptimizer');
    expect(commandForKey(press('?', { shiftKey: true }))).toBe('shortcuts');
    expect(commandForKey(press('+', { shiftKey: true }))).toBe('zoomIn');
    expect(commandForKey(press('ArrowLeft'))).toBe('nudgeLeft');
    expect(commandForKey(press('ArrowLeft', { shiftKey: true }))).toBeNull();
    expect(commandForKey(press('s', { altKey: true }))).toBeNull();
    expect(commandForKey(press('q'))).toBeNull();
    expect(matchesShortcut('Mod++', press('+', { ctrlKey: true }))).toBe(true);
  });

  it('gives Electron accelerators and readable labels', () => {
    expect(accelerator('Mod+Shift+S')).toBe('CmdOrCtrl+Shift+S');
    expect(accelerator('+')).toBe('Plus');
    expect(accelerator('ArrowLeft')).toBe('Left');
    expect(accelerator('Delete')).toBe('Delete');
    expect(shortcutLabel('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
    expect(shortcutLabel('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(shortcutLabel('ArrowUp')).toBe('↑');
  });

  it('labels the undo step of a command by what it did', () => {
    expect(undoLabel('rotate')).toBe('rotate');
    expect(undoLabel('rotateBack', 3)).toBe('rotate 3 objects');
    expect(undoLabel('nudgeUp')).toBe('nudge');
    expect(undoLabel('delete', 2)).toBe('delete 2 objects');
  });
});
