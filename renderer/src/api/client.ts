/**
 * The renderer's one way to the backend: typed by the ipc contract, over the Electron
 * preload bridge when present, else over the browser build's loopback WebSocket.
 */
import type { ChannelName, EventName, EventPayload, Request, Response } from '../../../shared/ipc/contract';
import type { FleetBridge } from '../../../shared/ipc/bridge';
import { connectWebSocketBridge } from './websocket-bridge';

declare global {
  interface Window {
    fleet?: FleetBridge;
  }
}

let bridge: FleetBridge | null = null;

function currentBridge(): FleetBridge {
  bridge ??= window.fleet ?? connectWebSocketBridge(window.location);
  return bridge;
}

export const api = {
  invoke<C extends ChannelName>(channel: C, payload: Request<C>): Promise<Response<C>> {
    return currentBridge().invoke(channel, payload) as Promise<Response<C>>;
  },
  /** The backend checks every event's payload against the contract before sending it, so the listener gets that type. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return currentBridge().on(event, listener as (payload: unknown) => void);
  },
  /** True in the Electron app, where dialogs and printing are native. */
  isElectron(): boolean {
    return window.fleet !== undefined;
  },
};
