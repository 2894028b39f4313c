import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/ipc/channels/app';
import { api } from '../api/client';

/** Runs the native menu's commands (Electron) with the component's own actions. */
export function useMenuCommands(handlers: Partial<Record<MenuCommand, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(
    () =>
      api.on('app.menu', ({ command }) => {
        latest.current[command]?.();
      }),
    [],
  );
}
