/**
 * The native menu as plain data: each item either runs a role Electron knows or sends a
 * menu command to the renderer, which runs the same action as its toolbar and keys.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/channels/app';

export function buildMenuTemplate(send: (command: MenuCommand) => void, platform: NodeJS.Platform, appName = 'Fleet Planner'): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(command) });
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ label: appName, submenu: [{ role: 'about' as const }, { type: 'separator' as const }, { role: 'hide' as const }, { role: 'quit' as const }] }] : []),
    {
      label: '&File',
      submenu: [
        item('New Fleet', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Print Preview…', 'print', 'CmdOrCtrl+P'),
        item('Export PDF…', 'exportPdf', 'CmdOrCtrl+Shift+E'),
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [item('Layout', 'viewLayout', 'CmdOrCtrl+1'), item('Optimizer', 'viewOptimizer', 'CmdOrCtrl+2'), { type: 'separator' }, item('Zoom to Fit', 'zoomFit', 'F'), item('Toggle Dark Theme', 'toggleTheme'), { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: '&Plan', submenu: [item('Run Optimizer', 'runOptimizer', 'CmdOrCtrl+R'), item('Stop Optimizer, Keep Best Plan', 'stopOptimizer'), item('Cancel Optimizer', 'cancelOptimizer')] },
    { label: '&Help', submenu: [item('Keyboard Shortcuts', 'shortcuts', '?'), item(`About ${appName}`, 'about')] },
  ];
}
