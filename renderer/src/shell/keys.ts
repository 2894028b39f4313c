/** Who a key press belongs to: a field being typed in, a dialog in front, or the app. */

/** A text field, list or editable element has the key: its own editing (and its own undo) comes first. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
}

/** A modal dialog is open: keys must not edit the document hidden behind it. */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}
