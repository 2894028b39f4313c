/**
 * What the Electron preload exposes as `window.fleet`, and what the browser build's
 * WebSocket client implements: the same two calls, so the renderer cannot tell them apart.
 */
export interface FleetBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
