/**
 * What differs between the Electron app and the browser build: native dialogs, printing,
 * and which paths the renderer may name. The backend calls these ports and never imports
 * `electron`; electron/app and electron/web each supply an implementation.
 */
export interface HostPorts {
  /** The path the user picked to open, or null when cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** The path the user picked to save under, or null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /**
   * The path policy for a path the renderer names itself (`document.open` / `document.saveAs`
   * with a `path`; paths from chooseOpenPath/chooseSavePath are the user's own choice and do
   * not come through here). Answers the absolute path to use, with symbolic links resolved,
   * or throws PathRefusedError. `requested` may be relative (to the documents folder) and
   * for 'save' already ends in `.fleet`.
   * - web: only inside the documents folder (`--dir`), judged on real paths.
   * - Electron: only paths the user chose in a dialog, from Recent, or passed by the OS.
   * A refusal must read the same whether or not something exists at the path, so the
   * renderer cannot probe the disk through it.
   */
  permitDocumentPath(requested: string, purpose: 'open' | 'save'): Promise<string>;
  /**
   * Where documents may be read and written at all, whoever named the path: the document
   * service applies it to every file it opens, saves or recovers, each time, on real paths.
   * - web: only inside the documents folder, the same rule as permitDocumentPath's.
   * - Electron: absent; the files are the user's own choice.
   */
  confineDocumentPath?(file: string, purpose: 'open' | 'save'): string;
  /** Renders the renderer's print route to a PDF file and returns where it was written, or null when cancelled. */
  savePdf?(request: { route: string; suggestedName: string }): Promise<string | null>;
}

/** A path the host's policy does not let the renderer open or save; the message is for the user. */
export class PathRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathRefusedError';
  }
}
