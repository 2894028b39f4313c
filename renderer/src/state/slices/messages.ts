/** The one message line under the toolbar: what went wrong, or what an edit did. */
import type { StateCreator } from 'zustand';

export interface Message {
  kind: 'error' | 'info';
  text: string;
  /** It reports what the last edit did, so undoing or redoing takes it away. */
  aboutEdit?: boolean;
}

export interface MessagesSlice {
  message: Message | null;
  say(kind: 'error' | 'info', text: string, opts?: { aboutEdit?: boolean }): void;
  dismissMessage(): void;
  /** An undo or redo: a message about the edit it takes back no longer holds. */
  forgetEditMessage(): void;
}

export const messagesSlice: StateCreator<MessagesSlice> = (set, get) => ({
  message: null,
  say(kind, text, opts) {
    set({ message: { kind, text, aboutEdit: opts?.aboutEdit } });
  },
  dismissMessage() {
    set({ message: null });
  },
  forgetEditMessage() {
    if (get().message?.aboutEdit) set({ message: null });
  },
});
