/**
 * Every user command, declared once: its label, its shortcuts, where it sits in the
 * menus and what the shortcut sheet says of it. The native menu (Electron), the
 * renderer's key handling, the `?` sheet and undo labels all read this table; what a
 * command does is supplied by the part of the renderer that owns its state
 * (renderer/src/commands), by name, so no key or menu item can name a command that is
 * not here.
 *
 * A shortcut is written `Mod+Shift+S`: `Mod` is Ctrl (Cmd on macOS); a bare key is a
 * key without Ctrl/Cmd or Alt. Shift is part of the key for letters only: `?` and `+`
 * are typed with Shift on most layouts and match whatever it is.
 */

export type MenuName = 'File' | 'Edit' | 'View' | 'Plan' | 'Help';

export interface UserCommandSpec {
  /** The menu item and shortcut-sheet label, in the user's words. */
  label: string;
  /** What the shortcut sheet says when the label alone does not tell. */
  help?: string;
  /** The shortcuts, first one shown in menus. */
  keys?: readonly string[];
  /** The menu it appears in, in this table's order. */
  menu?: MenuName;
  /** A menu separator before it. */
  separatorBefore?: boolean;
  /** Its shortcut works while a text field has the focus (Save does; Delete must not). */
  whileTyping?: boolean;
  /** The undo label of the edit it makes ("rotate", "delete"), where it makes one. */
  edit?: string;
}

export const USER_COMMANDS = {
  new: { label: 'New Fleet', keys: ['Mod+N'], menu: 'File', whileTyping: true },
  open: { label: 'Open…', keys: ['Mod+O'], menu: 'File', whileTyping: true },
  save: { label: 'Save', keys: ['Mod+S'], menu: 'File', separatorBefore: true, whileTyping: true },
  saveAs: { label: 'Save As…', keys: ['Mod+Shift+S'], menu: 'File', whileTyping: true },
  print: { label: 'Print Preview…', help: 'Print preview of the selected hall, or of the site', keys: ['Mod+P'], menu: 'File', separatorBefore: true, whileTyping: true },
  exportPdf: { label: 'Export PDF…', keys: ['Mod+Shift+E'], menu: 'File', whileTyping: true },
  undo: { label: 'Undo', keys: ['Mod+Z'], menu: 'Edit' },
  redo: { label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], menu: 'Edit' },
  selectAll: { label: 'Select All in the Hall', keys: ['Mod+A'], menu: 'Edit', separatorBefore: true },
  copy: { label: 'Copy', keys: ['Mod+C'], menu: 'Edit' },
  paste: { label: 'Paste', help: 'Paste; each paste steps on from the last', keys: ['Mod+V'], menu: 'Edit', edit: 'paste' },
  duplicate: { label: 'Duplicate', keys: ['Mod+D'], menu: 'Edit', edit: 'duplicate' },
  delete: { label: 'Delete', help: 'Delete the selection', keys: ['Delete', 'Backspace'], menu: 'Edit', edit: 'delete' },
  rotate: { label: 'Rotate 90° Clockwise', help: 'Rotate the selection as one piece, 90° clockwise', keys: ['R'], menu: 'Edit', separatorBefore: true, edit: 'rotate' },
  rotateBack: { label: 'Rotate 90° Counter-clockwise', keys: ['Shift+R'], menu: 'Edit', edit: 'rotate' },
  nudgeLeft: { label: 'Nudge Left', help: 'Nudge the selection one grid step, or pan', keys: ['ArrowLeft'], edit: 'nudge' },
  nudgeRight: { label: 'Nudge Right', help: 'Nudge the selection one grid step, or pan', keys: ['ArrowRight'], edit: 'nudge' },
  nudgeUp: { label: 'Nudge Up', help: 'Nudge the selection one grid step, or pan', keys: ['ArrowUp'], edit: 'nudge' },
  nudgeDown: { label: 'Nudge Down', help: 'Nudge the selection one grid step, or pan', keys: ['ArrowDown'], edit: 'nudge' },
  clearSelection: { label: 'Clear Selection', help: 'Cancel a drag under way (everything back as it was), else clear the selection; in the print preview, back to the planner', keys: ['Escape'] },
  viewLayout: { label: 'Layout', keys: ['Mod+1'], menu: 'View' },
  viewOptimizer: { label: 'Optimizer', keys: ['Mod+2'], menu: 'View' },
  zoomFit: { label: 'Zoom to Fit', keys: ['F'], menu: 'View', separatorBefore: true },
  zoomIn: { label: 'Zoom In', keys: ['+', '='], menu: 'View' },
  zoomOut: { label: 'Zoom Out', keys: ['-'], menu: 'View' },
  toggleLeftPanel: { label: 'Show or Hide the Fleet Tree and Catalog', keys: ['Mod+['], menu: 'View', separatorBefore: true, whileTyping: true },
  toggleRightPanel: { label: 'Show or Hide the Inspector and Problems', keys: ['Mod+]'], menu: 'View', whileTyping: true },
  toggleTheme: { label: 'Toggle Dark Theme', menu: 'View', separatorBefore: true },
  runOptimizer: { label: 'Run Optimizer', keys: ['Mod+R'], menu: 'Plan' },
  stopOptimizer: { label: 'Stop Optimizer, Keep Best Plan', menu: 'Plan' },
  cancelOptimizer: { label: 'Cancel Optimizer', menu: 'Plan' },
  shortcuts: { label: 'Keyboard Shortcuts', keys: ['?'], menu: 'Help' },
  about: { label: 'About Fleet Planner', menu: 'Help' },
} as const satisfies Record<string, UserCommandSpec>;

export type UserCommandName = keyof typeof USER_COMMANDS;
export const USER_COMMAND_NAMES = Object.keys(USER_COMMANDS) as [UserCommandName, ...UserCommandName[]];

export function commandSpec(name: UserCommandName): UserCommandSpec {
  return USER_COMMANDS[name];
}

/** The undo label of a command's edit over `count` objects: "rotate", "rotate 3 objects". */
export function undoLabel(name: UserCommandName, count = 1): string {
  const edit = commandSpec(name).edit ?? commandSpec(name).label.toLowerCase();
  return count > 1 ? `${edit} ${count} objects` : edit;
}

export interface Shortcut {
  mod: boolean;
  shift: boolean;
  /** The key as KeyboardEvent.key names it, lower case for letters. */
  key: string;
}

export function parseShortcut(spec: string): Shortcut {
  const parts = spec.split('+');
  // '+' alone, or ending a combination ('Mod++'), is the plus key.
  const key = spec.endsWith('+') ? '+' : parts[parts.length - 1]!;
  const modifiers = spec.endsWith('+') ? parts.slice(0, -2) : parts.slice(0, -1);
  return { mod: modifiers.includes('Mod'), shift: modifiers.includes('Shift'), key: key.length === 1 ? key.toLowerCase() : key };
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

export function matchesShortcut(spec: string, press: KeyPress): boolean {
  const s = parseShortcut(spec);
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.altKey || key !== s.key || (press.ctrlKey || press.metaKey) !== s.mod) return false;
  // Shift decides for letters (R and Shift+R) and named keys; symbols carry it in the key itself.
  return isLetter(s.key) || s.key.length > 1 ? press.shiftKey === s.shift : true;
}

/** The command a key press runs, if any. */
export function commandForKey(press: KeyPress): UserCommandName | null {
  for (const name of USER_COMMAND_NAMES) {
    if ((commandSpec(name).keys ?? []).some((k) => matchesShortcut(k, press))) return name;
  }
  return null;
}

/** Electron's accelerator for a shortcut ("CmdOrCtrl+Shift+S"). */
export function accelerator(spec: string): string {
  const s = parseShortcut(spec);
  const key = s.key === '+' ? 'Plus' : s.key.length === 1 ? s.key.toUpperCase() : s.key.replace(/^Arrow/, '');
  return [s.mod ? 'CmdOrCtrl' : null, s.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}

/** A shortcut as the user reads it: "Ctrl+Shift+S", or "⌘⇧S" on macOS. */
export function shortcutLabel(spec: string, mac = false): string {
  const s = parseShortcut(spec);
  const names: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', '-': '−' };
  const key = names[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  if (mac) return `${s.mod ? '⌘' : ''}${s.shift ? '⇧' : ''}${key}`;
  return [s.mod ? 'Ctrl' : null, s.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}
