/**
 * Keyboard editing of the hall: rotate, delete, nudge, select all, copy/paste/duplicate,
 * fit and zoom. Each edit is one command, so one undo step.
 */
import { useEffect, useRef } from 'react';
import type { Command } from '../../../shared/commands/schema';
import type { Placement } from '../../../shared/model/schema';
import { copies, turnSelection } from './arrange';
import { useFleet } from '../state/store';
import { isTyping, modalOpen } from '../shell/keys';
import type { Scene } from './scene';
import { useLayoutSettings } from './settings';
import { pan, zoomAt, type Size, type Viewport } from './viewport';

interface Args {
  scene: Scene | null;
  viewport: Viewport | null;
  setViewport: (v: Viewport) => void;
  fit: () => void;
  /** How far out zooming may go, in pixels per metre. */
  minScale: number | undefined;
  size: Size;
  spaceDown: boolean;
  setSpaceDown: (down: boolean) => void;
}

export function useEditorKeys({ scene, viewport, setViewport, fit, minScale, size, setSpaceDown }: Args): void {
  const clipboard = useRef<Placement[]>([]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || modalOpen() || !scene || !viewport) return;
      const { selection, setSelection, apply, document } = useFleet.getState();
      const { gridStepM } = useLayoutSettings.getState();
      const selected = [...selection].map((id) => scene.byId.get(id)?.placement).filter((p): p is Placement => !!p);
      const mod = event.ctrlKey || event.metaKey;
      const run = (command: Command, label: string) => {
        event.preventDefault();
        void apply(command, label);
      };
      if (event.key === ' ') {
        setSpaceDown(true);
        return;
      }
      if (mod && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        setSelection(scene.items.map((i) => i.placement.id));
      } else if (mod && event.key.toLowerCase() === 'c' && selected.length) {
        clipboard.current = selected;
      } else if (mod && (event.key.toLowerCase() === 'v' || event.key.toLowerCase() === 'd') && document) {
        const source = event.key.toLowerCase() === 'd' ? selected : clipboard.current;
        if (!source.length) return;
        const pasted = copies(source, document.doc, scene.hall.id, gridStepM * 2, gridStepM * 2);
        run({ type: 'insert', entities: { table: 'placements', items: pasted } }, event.key.toLowerCase() === 'd' ? 'duplicate' : 'paste');
        // Pasting again steps on from these copies rather than landing on them.
        if (event.key.toLowerCase() === 'v') clipboard.current = pasted;
        setSelection(pasted.map((p) => p.id));
      } else if (mod) {
        return;
      } else if ((event.key === 'r' || event.key === 'R') && selected.length) {
        run(turnSelection(selected, event.shiftKey ? 270 : 90), selected.length === 1 ? 'rotate' : `rotate ${selected.length} objects`);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected.length) {
        run({ type: 'remove', table: 'placements', ids: selected.map((p) => p.id) }, selected.length === 1 ? 'delete' : `delete ${selected.length} objects`);
        setSelection([]);
      } else if (event.key === 'Escape') {
        setSelection([]);
      } else if (event.key === 'f' || event.key === 'F') {
        fit();
      } else if (event.key === '+' || event.key === '=') {
        setViewport(zoomAt(viewport, size.width / 2, size.height / 2, 1.25));
      } else if (event.key === '-') {
        setViewport(zoomAt(viewport, size.width / 2, size.height / 2, 0.8, minScale));
      } else if (event.key.startsWith('Arrow')) {
        event.preventDefault();
        const dx = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
        const dy = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
        if (selected.length) {
          // Nudge the selection by one grid step; without a selection the arrows pan.
          run({ type: 'move', moves: selected.map((p) => ({ id: p.id, xM: p.xM + dx * gridStepM, yM: p.yM + dy * gridStepM })) }, 'nudge');
        } else {
          setViewport(pan(viewport, -dx * 60, -dy * 60));
        }
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') setSpaceDown(false);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [scene, viewport, setViewport, fit, minScale, size, setSpaceDown]);
}
