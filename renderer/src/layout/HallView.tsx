/**
 * The hall floor plan: a cached static canvas with everything, and an overlay canvas
 * for what moves (the dragged selection, the selection box, the scale bar). React
 * renders the two canvases once; drawing happens in effects and animation frames.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { snap } from '../../../shared/geometry/footprint';
import { displayUnit, formatQuantity } from '../../../shared/units';
import { NumberField } from '../shell/fields';
import { useFleet } from '../state/store';
import { DARK, LIGHT, drawHall, drawItem } from './draw';
import { buildScene, hitsAt, hitTest, type Scene } from './scene';
import { describeViolation } from '../../../shared/constraints';
import { fitHallPlan, fitRect, niceLengthStepM, pan, toWorld, zoomAt, type Size, type Viewport } from './viewport';
import { dropPlacement, MODEL_DRAG_TYPE } from './palette-drop';
import { useEditorKeys } from './editor-keys';
import { CommandButton } from '../commands/CommandButton';
import { GRID_STEP_MAX_M, GRID_STEP_MIN_M, useLayoutSettings } from './settings';
import { newZone } from './zones';

type Gesture =
  | { kind: 'none' }
  | { kind: 'pan'; lastX: number; lastY: number }
  | { kind: 'move'; startXM: number; startYM: number; anchorId: string; dxM: number; dyM: number; moved: boolean; previewed: string; breaks: boolean; cycleTo: string | null }
  | { kind: 'box'; x0: number; y0: number; x1: number; y1: number; additive: boolean };

export function HallView({ hallId }: { hallId: string }) {
  const doc = useFleet((s) => s.document?.doc);
  const violations = useFleet((s) => s.checks.violations);
  const focus = useFleet((s) => s.focus);
  const preview = useFleet((s) => s.preview);
  const offenders = useMemo(() => new Set(violations.flatMap((v) => v.objectIds)), [violations]);
  const [hoverText, setHoverText] = useState('');
  const selection = useFleet((s) => s.selection);
  const setSelection = useFleet((s) => s.setSelection);
  const apply = useFleet((s) => s.apply);
  const theme = useFleet((s) => s.theme);
  const { gridStepM, snapOn, setGridStep, toggleSnap } = useLayoutSettings();
  const wrapRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<Size>({ width: 800, height: 600 });
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const gesture = useRef<Gesture>({ kind: 'none' });
  const frame = useRef(0);
  const [spaceDown, setSpaceDown] = useState(false);
  const [drawZone, setDrawZone] = useState(false);

  const scene = useMemo<Scene | null>(() => (doc ? buildScene(doc, hallId) : null), [doc, hallId]);
  const style = theme === 'dark' ? DARK : LIGHT;
  const unitSystem = doc?.fleet.unitSystem ?? 'metric';
  const lengthUnit = displayUnit(unitSystem, 'length');
  // The grid follows the units, to a round step in each; a step the user typed stays as typed until they change.
  useEffect(() => {
    useLayoutSettings.getState().roundTo(unitSystem);
  }, [unitSystem]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const hall = scene?.hall;
  // A quarter of the size that fits the hall: far enough out to see around it, never so far it is lost.
  const minScale = hall ? fitHallPlan(hall, size).scale / 4 : undefined;
  // Refit when another hall opens or the window resizes, not on every edit.
  const fit = useCallback(() => {
    if (hall) setViewport(fitHallPlan(hall, size));
  }, [hall, size]);
  useEffect(fit, [fit]);

  // Static layer: redrawn when the document, the view or the selection changes.
  useEffect(() => {
    const canvas = baseRef.current;
    if (!canvas || !scene || !viewport) return;
    const ctx = prepare(canvas, size);
    const count = drawHall(ctx, scene, viewport, size, style, { selection, offenders, gridStepM });
    canvas.dataset.drawnCount = String(count);
  }, [scene, viewport, size, style, selection, offenders, gridStepM]);

  const drawOverlay = useCallback(() => {
    frame.current = 0;
    const canvas = overlayRef.current;
    if (!canvas || !scene || !viewport) return;
    const frameStart = performance.now();
    const ctx = prepare(canvas, size);
    ctx.clearRect(0, 0, size.width, size.height);
    const g = gesture.current;
    if (g.kind === 'move' && g.moved) {
      const key = `${g.dxM},${g.dyM}`;
      if (g.previewed !== key) {
        // Would this drop break a limit? Asked once per position, before the drop.
        g.previewed = key;
        g.breaks = preview({ type: 'move', moves: movesBy(scene, selection, g.dxM, g.dyM) }).length > 0;
      }
      for (const id of selection) {
        const item = scene.byId.get(id);
        if (item) drawItem(ctx, item, viewport, style, { selection, offenders }, g.dxM, g.dyM, g.breaks ? style.offender : undefined);
      }
      overlayRef.current!.dataset.dropBreaks = String(g.breaks);
      // Frame cost while dragging, for the frame-time benchmark (a user timing, free when unread).
      performance.measure('fleet:drag-frame', { start: frameStart });
    }
    if (g.kind === 'box') {
      ctx.strokeStyle = style.selection;
      ctx.fillStyle = 'rgba(13,110,253,0.08)';
      ctx.lineWidth = 1;
      const x = Math.min(g.x0, g.x1);
      const y = Math.min(g.y0, g.y1);
      ctx.fillRect(x, y, Math.abs(g.x1 - g.x0), Math.abs(g.y1 - g.y0));
      ctx.strokeRect(x, y, Math.abs(g.x1 - g.x0), Math.abs(g.y1 - g.y0));
    }
    drawRulers(ctx, viewport, size, style, unitSystem);
    drawScaleBar(ctx, viewport, size, style.text, unitSystem);
  }, [scene, viewport, size, style, selection, offenders, unitSystem, preview]);
  const requestOverlay = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(drawOverlay);
  }, [drawOverlay]);
  useEffect(() => drawOverlay(), [drawOverlay]);

  useEditorKeys({ scene, viewport, setViewport, fit, minScale, size, setSpaceDown });

  // A problem clicked in the list: bring its objects into view.
  useEffect(() => {
    if (!focus || !scene) return;
    const rects = focus.ids.map((id) => scene.byId.get(id)?.rect).filter((r): r is NonNullable<typeof r> => !!r);
    if (!rects.length) return;
    const pad = 3;
    setViewport(
      fitRect(
        {
          minX: Math.min(...rects.map((r) => r.minX)) - pad,
          minY: Math.min(...rects.map((r) => r.minY)) - pad,
          maxX: Math.max(...rects.map((r) => r.maxX)) + pad,
          maxY: Math.max(...rects.map((r) => r.maxY)) + pad,
        },
        size,
      ),
    );
  }, [focus]);

  /** The rule and numbers of what breaks at a point, for the tooltip. */
  function describeAt(s: Scene, v: Viewport, x: number, y: number): string {
    const w = toWorld(v, x, y);
    const hit = hitTest(s, w.xM, w.yM);
    if (!hit) return '';
    const own = violations.filter((vi) => vi.objectIds.includes(hit.placement.id));
    const name = `${hit.placement.label || hit.model.name} (${hit.placement.id})`;
    return own.length ? [name, ...own.map((vi) => describeViolation(vi, unitSystem))].join('\n') : name;
  }

  const local = (event: { clientX: number; clientY: number }) => {
    const r = overlayRef.current!.getBoundingClientRect();
    return { x: event.clientX - r.left, y: event.clientY - r.top };
  };

  const onPointerDown = (event: React.PointerEvent) => {
    if (!scene || !viewport) return;
    overlayRef.current?.setPointerCapture(event.pointerId);
    overlayRef.current?.focus();
    const { x, y } = local(event);
    if (event.button === 1 || spaceDown) {
      gesture.current = { kind: 'pan', lastX: x, lastY: y };
      return;
    }
    if (event.button !== 0) return;
    const w = toWorld(viewport, x, y);
    const hits = hitsAt(scene, w.xM, w.yM);
    // Shift, Ctrl or ⌘: add to the selection or take away from it, as in every other editor.
    const additive = event.shiftKey || event.ctrlKey || event.metaKey;
    if (drawZone) {
      gesture.current = { kind: 'box', x0: x, y0: y, x1: x, y1: y, additive: false };
      return;
    }
    if (hits.length) {
      // Pressing on what is selected keeps it, so a drag moves the whole selection.
      const held = hits.findIndex((h) => selection.has(h.placement.id));
      const id = hits[Math.max(held, 0)]!.placement.id;
      if (additive) {
        const next = new Set(selection);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        setSelection(next);
        return;
      }
      if (held < 0) setSelection([id]);
      // A click (no drag) on the one thing selected picks what lies under it instead.
      const cycleTo = held >= 0 && selection.size === 1 && hits.length > 1 ? hits[(held + 1) % hits.length]!.placement.id : null;
      gesture.current = { kind: 'move', startXM: w.xM, startYM: w.yM, anchorId: id, dxM: 0, dyM: 0, moved: false, previewed: '', breaks: false, cycleTo };
    } else {
      gesture.current = { kind: 'box', x0: x, y0: y, x1: x, y1: y, additive };
    }
  };

  const onPointerMove = (event: React.PointerEvent) => {
    const g = gesture.current;
    if (!scene || !viewport) return;
    const { x, y } = local(event);
    if (g.kind === 'none') {
      setHoverText(describeAt(scene, viewport, x, y));
      return;
    }
    if (g.kind === 'pan') {
      setViewport(pan(viewport, x - g.lastX, y - g.lastY));
      gesture.current = { ...g, lastX: x, lastY: y };
      return;
    }
    if (g.kind === 'move') {
      const w = toWorld(viewport, x, y);
      const anchor = scene.byId.get(g.anchorId)!.placement;
      const step = snapOn ? gridStepM : 0;
      // Snap the grabbed object's centre, and move the rest of the selection by the same amount.
      g.dxM = snap(anchor.xM + (w.xM - g.startXM), step) - anchor.xM;
      g.dyM = snap(anchor.yM + (w.yM - g.startYM), step) - anchor.yM;
      g.moved = g.moved || g.dxM !== 0 || g.dyM !== 0;
    } else {
      g.x1 = x;
      g.y1 = y;
    }
    requestOverlay();
  };

  const onPointerUp = () => {
    const g = gesture.current;
    gesture.current = { kind: 'none' };
    if (!scene || !viewport) return;
    if (g.kind === 'move' && g.moved && (g.dxM !== 0 || g.dyM !== 0)) {
      const moves = movesBy(scene, selection, g.dxM, g.dyM);
      if (moves.length) void apply({ type: 'move', moves }, moves.length === 1 ? 'move' : `move ${moves.length} objects`);
    } else if (g.kind === 'move' && !g.moved && g.cycleTo) {
      setSelection([g.cycleTo]);
    } else if (g.kind === 'box' && drawZone && doc) {
      const a = toWorld(viewport, Math.min(g.x0, g.x1), Math.min(g.y0, g.y1));
      const b = toWorld(viewport, Math.max(g.x0, g.x1), Math.max(g.y0, g.y1));
      const step = snapOn ? gridStepM : 0;
      const drawn = newZone(doc, scene.hall.id, snap(a.xM, step), snap(a.yM, step), snap(b.xM, step), snap(b.yM, step));
      if ('zone' in drawn) {
        void apply({ type: 'insert', entities: { table: 'zones', items: [drawn.zone] } }, 'draw zone');
        setDrawZone(false);
      } else {
        // Still drawing: the next rectangle may do.
        useFleet.getState().say('error', `${drawn.error}. Draw it again, or click Draw zone to stop.`);
      }
    } else if (g.kind === 'box') {
      const a = toWorld(viewport, Math.min(g.x0, g.x1), Math.min(g.y0, g.y1));
      const b = toWorld(viewport, Math.max(g.x0, g.x1), Math.max(g.y0, g.y1));
      const inside = Math.abs(g.x1 - g.x0) < 3 && Math.abs(g.y1 - g.y0) < 3
        ? []
        : scene.index
            .search({ minX: a.xM, minY: a.yM, maxX: b.xM, maxY: b.yM })
            .filter((i) => i.rect.minX >= a.xM && i.rect.maxX <= b.xM && i.rect.minY >= a.yM && i.rect.maxY <= b.yM)
            .map((i) => i.placement.id);
      setSelection(g.additive ? new Set([...selection, ...inside]) : inside);
    }
    requestOverlay();
  };

  const onWheel = (event: React.WheelEvent) => {
    if (!viewport) return;
    const { x, y } = local(event);
    setViewport(zoomAt(viewport, x, y, Math.exp(-event.deltaY * 0.0015), minScale));
  };

  const onDrop = (event: React.DragEvent) => {
    const modelId = event.dataTransfer.getData(MODEL_DRAG_TYPE);
    if (!modelId || !viewport || !scene || !doc) return;
    event.preventDefault();
    const { x, y } = local(event);
    const w = toWorld(viewport, x, y);
    const step = snapOn ? gridStepM : 0;
    const command = dropPlacement(doc, scene.hall.id, modelId, snap(w.xM, step), snap(w.yM, step));
    if (command) void apply(command, 'place').then((ok) => ok && setSelection(command.entities.items.map((i) => i.id)));
  };

  if (!scene) return <div className="hall-view empty">Select a hall in the fleet tree.</div>;
  return (
    <div className="hall-view" ref={wrapRef} data-testid="hall-view" data-hall-id={hallId}>
      <canvas ref={baseRef} data-testid="hall-canvas" data-drawn-count="0" aria-label={`Floor plan of ${scene.hall.name}`} />
      <canvas
        ref={overlayRef}
        className="overlay"
        data-testid="hall-overlay"
        tabIndex={0}
        aria-label="Layout editor: drag to move, shift-click to add to the selection, R rotates, Delete removes, F fits"
        style={{ cursor: spaceDown ? 'grab' : 'default' }}
        title={hoverText}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onWheel={onWheel}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(MODEL_DRAG_TYPE)) e.preventDefault();
        }}
        onDrop={onDrop}
      />
      <div className="view-buttons">
        <div className="grid-step" title="Grid step for snapping and nudging">
          <label>
            <input type="checkbox" checked={snapOn} onChange={toggleSnap} aria-label="Snap to grid" data-testid="snap" /> Grid
          </label>
          {/* Refused at the field, saying why: 0 became 0.1 m silently, and a 1 km step was taken. */}
          <NumberField label="Grid step" testId="grid-step" quantity="length" units={unitSystem} digits={3} value={gridStepM} min={GRID_STEP_MIN_M} max={GRID_STEP_MAX_M} onCommit={setGridStep} compact />
          {lengthUnit.symbol}
        </div>
        <button onClick={() => setDrawZone(!drawZone)} aria-pressed={drawZone} title="Drag on free floor to draw a cooling zone" data-testid="draw-zone">Draw zone</button>
        <CommandButton name="zoomFit" testId="zoom-fit">Fit</CommandButton>
        <CommandButton name="zoomIn">+</CommandButton>
        <CommandButton name="zoomOut">−</CommandButton>
      </div>
    </div>
  );
}

function movesBy(scene: Scene, selection: ReadonlySet<string>, dxM: number, dyM: number) {
  return [...selection]
    .map((id) => scene.byId.get(id)?.placement)
    .filter((p): p is NonNullable<typeof p> => p !== undefined)
    .map((p) => ({ id: p.id, xM: round(p.xM + dxM), yM: round(p.yM + dyM) }));
}

/** Millimetre precision: keeps stored coordinates free of floating-point dust. */
function round(m: number): number {
  return Math.round(m * 1000) / 1000;
}

function prepare(canvas: HTMLCanvasElement, size: Size): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.floor(size.width * ratio);
  const h = Math.floor(size.height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${size.width}px`;
    canvas.style.height = `${size.height}px`;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

/** Rulers along the top and left edges, in the user's units, ticks on a 1-2-5 step. */
function drawRulers(ctx: CanvasRenderingContext2D, v: Viewport, size: Size, style: { text: string; background: string }, units: 'metric' | 'us'): void {
  const stepM = niceLengthStepM(v.scale, 70, units);
  const band = 16;
  ctx.fillStyle = style.background;
  ctx.globalAlpha = 0.85;
  ctx.fillRect(0, 0, size.width, band);
  ctx.fillRect(0, 0, band, size.height);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = style.text;
  ctx.fillStyle = style.text;
  ctx.font = '9px system-ui, sans-serif';
  ctx.lineWidth = 1;
  const start = toWorld(v, 0, 0);
  // Ticks start from a rounded-up negative position, which can be −0: "+ 0" prints it as 0.
  ctx.beginPath();
  for (let m = Math.ceil(start.xM / stepM) * stepM; v.offsetX + m * v.scale < size.width; m += stepM) {
    const x = Math.round(v.offsetX + m * v.scale) + 0.5;
    ctx.moveTo(x, band - 5);
    ctx.lineTo(x, band);
    ctx.fillText(formatQuantity(m + 0, 'length', units, 1), x + 2, 9);
  }
  for (let m = Math.ceil(start.yM / stepM) * stepM; v.offsetY + m * v.scale < size.height; m += stepM) {
    const y = Math.round(v.offsetY + m * v.scale) + 0.5;
    ctx.moveTo(band - 5, y);
    ctx.lineTo(band, y);
    ctx.save();
    ctx.translate(9, y - 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(formatQuantity(m + 0, 'length', units, 1), 0, 0);
    ctx.restore();
  }
  ctx.stroke();
}

function drawScaleBar(ctx: CanvasRenderingContext2D, v: Viewport, size: Size, color: string, units: 'metric' | 'us'): void {
  const stepM = niceLengthStepM(v.scale, 80, units);
  const x = 16;
  const y = size.height - 18;
  const px = stepM * v.scale;
  ctx.fillStyle = color;
  ctx.fillRect(x, y, px / 2, 4);
  ctx.strokeStyle = color;
  ctx.strokeRect(x, y, px, 4);
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(formatQuantity(stepM, 'length', units, 2), x + px + 6, y + 5);
}
