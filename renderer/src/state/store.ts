/**
 * The renderer's state, one store made of slices, each with one job and tested on its
 * own: the document and its sync with the backend, undo history, what is shown and
 * selected, the live checks, the optimizer's run, the message line and the theme.
 * Components read the one store; a slice reaches another only through its actions.
 */
import { create } from 'zustand';
import { checksSlice, type ChecksSlice } from './slices/checks';
import { documentSlice, type DocumentSlice } from './slices/document';
import { historySlice, type HistorySlice } from './slices/history';
import { messagesSlice, type MessagesSlice } from './slices/messages';
import { optimizerRunSlice, type OptimizerRunSlice } from './slices/optimizer-run';
import { selectionSlice, type SelectionSlice } from './slices/selection';
import { themeSlice, type ThemeSlice } from './slices/theme';

export type { DocumentState } from './slices/document';
export type { Theme } from './slices/theme';

export type FleetState = DocumentSlice & HistorySlice & SelectionSlice & ChecksSlice & OptimizerRunSlice & MessagesSlice & ThemeSlice;

/** A store of every slice; the app has one (`useFleet`), tests make their own. */
export function createFleetStore() {
  return create<FleetState>()((set, get, api) => ({
    ...documentSlice(set, get, api),
    ...historySlice(set, get, api),
    ...selectionSlice(set, get, api),
    ...checksSlice(set, get, api),
    ...optimizerRunSlice(set, get, api),
    ...messagesSlice(set, get, api),
    ...themeSlice(set, get, api),
  }));
}

export const useFleet = createFleetStore();
