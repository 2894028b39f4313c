/**
 * The preload: exposes `window.fleet` (invoke + event subscription) and nothing else.
 * Sandboxed, so it may require only 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { FleetBridge } from '../shared/ipc/bridge';

const bridge: FleetBridge = {
  invoke: (channel, payload) => ipcRenderer.invoke('fleet:invoke', channel, payload),
  on: (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('fleet:event', wrapped);
    return () => ipcRenderer.removeListener('fleet:event', wrapped);
  },
};

contextBridge.exposeInMainWorld('fleet', bridge);
