/**
 * What differs between the Electron app and the browser build: native dialogs and
 * printing. The backend calls these ports and never imports `electron`; electron/app
 * and electron/web each supply an implementation.
 */
export interface HostPorts {
  /** The path the user picked to open, or null when cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** The path the user picked to save under, or null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Renders the renderer's print route to a PDF file and returns where it was written, or null when cancelled. */
  savePdf?(request: { route: string; suggestedName: string; path?: string }): Promise<string | null>;
}
