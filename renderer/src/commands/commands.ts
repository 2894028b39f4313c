/**
 * What the user commands do. Each is declared once in shared/user-commands.ts (label,
 * shortcuts, menu); the part of the renderer that owns a command's state says what it
 * does while it is mounted (`useCommands`), and one dispatcher runs it from a key or a
 * native menu item. Several parts may answer one command (Run Optimizer shows the
 * optimizer and starts it); a command no mounted part answers does nothing.
 */
import { useEffect, useRef } from 'react';
import { commandForKey, commandSpec, type UserCommandName } from '../../../shared/user-commands';
import { api } from '../api/client';
import { isTyping, modalOpen } from '../shell/keys';

export type CommandHandlers = Partial<Record<UserCommandName, () => void>>;

const answering = new Set<{ current: CommandHandlers }>();

/** Answers the named commands while the calling component is mounted, with its latest state. */
export function useCommands(handlers: CommandHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    answering.add(latest);
    return () => {
      answering.delete(latest);
    };
  }, []);
}

/** Runs a command; false when no mounted part answers it. */
export function runCommand(name: UserCommandName): boolean {
  const handlers = [...answering].map((h) => h.current[name]).filter((h): h is () => void => h !== undefined);
  for (const handler of handlers) handler();
  return handlers.length > 0;
}

/** The command a key press runs here: none while a dialog is in front, and only those meant for it while a field is being typed in. */
export function commandForKeyEvent(event: KeyboardEvent): UserCommandName | null {
  if (modalOpen()) return null;
  const name = commandForKey(event);
  if (!name) return null;
  return isTyping(event.target) && !commandSpec(name).whileTyping ? null : name;
}

/** Mounted once, by the app: keys and the native menu run commands. */
export function useCommandDispatch(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const name = commandForKeyEvent(event);
      if (name && runCommand(name)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const stopMenu = api.on('app.menu', ({ command }) => void runCommand(command));
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu();
    };
  }, []);
}
