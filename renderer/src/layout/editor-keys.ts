/**
 * The hall editor's commands: select all, copy, paste, duplicate, delete, rotate,
 * nudge, cancel a drag or clear the selection, fit and zoom (declared in shared/user-commands.ts, run
 * from their keys and the menu). Each edit is one command, so one undo step. Space held
 * down is a gesture (pan while dragging), not a command.
 */
import { useEffect, useRef } from 'react';
import type { Command } from '../../../shared/commands/schema';
import type { Placement } from '../../../shared/model/schema';
import { removePlacements } from '../../../shared/model/fleet-structure';
import { undoLabel, type UserCommandName } from '../../../shared/user-commands';
import { useCommands } from '../commands/commands';
import { besideOffset, copies, standsClear, turnSelection, type Offset } from './arrange';
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
  setSpaceDown: (down: boolean) => void;
  /** Cancels a drag under way (Escape), true if there was one. */
  cancelGesture: () => boolean;
  /** Whether a drag, box or zone is under way: edits wait for it to end (Delete mid-drag would pull the unit from under the pointer). */
  gestureUnderWay: () => boolean;
}

const NUDGES: [UserCommandName, number, number][] = [
  ['nudgeLeft', -1, 0],
  ['nudgeRight', 1, 0],
  ['nudgeUp', 0, -1],
  ['nudgeDown', 0, 1],
];

export function useEditorKeys({ scene, viewport, setViewport, fit, minScale, size, setSpaceDown, cancelGesture, gestureUnderWay }: Args): void {
  const clipboard = useRef<Placement[]>([]);
  const selected = (): Placement[] => (scene ? [...useFleet.getState().selection].map((id) => scene.byId.get(id)?.placement).filter((p): p is Placement => !!p) : []);
  const edit = (command: Command, name: UserCommandName, count: number) => void useFleet.getState().apply(command, undoLabel(name, count));
  const pasteFrom = (source: Placement[], name: 'paste' | 'duplicate') => {
    const doc = useFleet.getState().document?.doc;
    if (!scene || !doc || !source.length) return;
    const hallId = scene.hall.id;
    const insertAt = ({ dxM, dyM }: Offset): Command => ({ type: 'insert', entities: { table: 'placements', items: copies(source, doc, hallId, dxM, dyM) } });
    const { preview } = useFleet.getState();
    const { dxM, dyM } = besideOffset(source, doc, (offset) => standsClear(preview, insertAt(offset)));
    const pasted = copies(source, doc, hallId, dxM, dyM);
    edit({ type: 'insert', entities: { table: 'placements', items: pasted } }, name, 1);
    // Pasting again steps on from these copies rather than landing on them.
    if (name === 'paste') clipboard.current = pasted;
    useFleet.getState().setSelection(pasted.map((p) => p.id));
  };
  const turn = (name: 'rotate' | 'rotateBack') => {
    const chosen = selected();
    if (chosen.length) edit(turnSelection(chosen, name === 'rotate' ? 90 : 270), name, chosen.length);
  };
  const nudge = (dx: number, dy: number) => {
    const chosen = selected();
    const { gridStepM } = useLayoutSettings.getState();
    if (chosen.length) edit({ type: 'move', moves: chosen.map((p) => ({ id: p.id, xM: p.xM + dx * gridStepM, yM: p.yM + dy * gridStepM })) }, 'nudgeLeft', 1);
    else if (viewport) setViewport(pan(viewport, -dx * 60, -dy * 60));
  };
  const zoom = (factor: number) => viewport && setViewport(zoomAt(viewport, size.width / 2, size.height / 2, factor, factor < 1 ? minScale : undefined));

  /** An edit of the layout, run only while no gesture is under way. */
  const between = (run: () => void) => () => {
    if (!gestureUnderWay()) run();
  };

  useCommands({
    selectAll: between(() => scene && useFleet.getState().setSelection(scene.items.map((i) => i.placement.id))),
    copy: () => {
      const chosen = selected();
      if (chosen.length) clipboard.current = chosen;
    },
    paste: between(() => pasteFrom(clipboard.current, 'paste')),
    duplicate: between(() => pasteFrom(selected(), 'duplicate')),
    delete: between(() => {
      const chosen = selected();
      const doc = useFleet.getState().document?.doc;
      if (!chosen.length || !doc) return;
      edit(removePlacements(doc, chosen.map((p) => p.id)), 'delete', chosen.length);
      useFleet.getState().setSelection([]);
    }),
    rotate: between(() => turn('rotate')),
    rotateBack: between(() => turn('rotateBack')),
    ...Object.fromEntries(NUDGES.map(([name, dx, dy]) => [name, between(() => nudge(dx, dy))])),
    // Escape first cancels a drag under way, putting back what was there; then it clears the selection.
    clearSelection: () => cancelGesture() || useFleet.getState().setSelection([]),
    zoomFit: fit,
    zoomIn: () => zoom(1.25),
    zoomOut: () => zoom(0.8),
  });

  useEffect(() => {
    const onSpace = (down: boolean) => (event: KeyboardEvent) => {
      if (event.key === ' ' && !isTyping(event.target) && !modalOpen()) setSpaceDown(down);
    };
    const onKeyDown = onSpace(true);
    const onKeyUp = onSpace(false);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [setSpaceDown]);
}
