/**
 * The hall floor plan: a cached static canvas with everything, and an overlay canvas
 * for what moves (the dragged selection, the selection box, the scale bar). React
 * renders the two canvases once; drawing happens in effects and animation frames.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { snap, type Rect } from '../../../shared/geometry/footprint';
import { IDLE, type Gesture, type GestureContext } from './gestures/gesture';
import { press } from './gestures/idle';
import type { Translating } from './gestures/translating';
import { crossing, type Boxing } from './gestures/brushing';
import { displayUnit, formatQuantity } from '../../../shared/units';
import { NumberField } from '../shell/fields';
import { useFleet } from '../state/store';
import { DARK, LIGHT, drawHall, drawItem } from './draw';
import { buildScene, hitTest, type Scene } from './scene';
import { describeViolation } from '../../../shared/constraints';
import { fitHallPlan, fitRect, niceLengthStepM, toWorld, visibleWorld, wheelZoomFactor, zoomAt, type Size, type Viewport } from './viewport';
import { dropPlacement, MODEL_DRAG_TYPE } from './palette-drop';
import { useEditorKeys } from './editor-keys';
import { CommandButton } from '../commands/CommandButton';
import { GRID_STEP_MAX_M, GRID_STEP_MIN_M, useLayoutSettings } from './settings';
import { largest, smallest } from '../../../shared/arrays';

export function HallView({ hallId }: { hallId: string }) {
  const doc = useFleet((s) => s.document?.doc);
  const violations = useFleet((s) => s.checks.violations);
  const focus = useFleet((s) => s.focus);
  const offenders = useMemo(() => {
    const worst = new Map<string, 'error' | 'warning'>();
    for (const v of violations) for (const id of v.objectIds) if (worst.get(id) !== 'error') worst.set(id, v.severity);
    return worst;
  }, [violations]);
  const highlightedZones = useMemo(() => new Set(focus?.zoneIds), [focus]);
  const [hoverText, setHoverText] = useState('');
  const selection = useFleet((s) => s.selection);
  const apply = useFleet((s) => s.apply);
  const theme = useFleet((s) => s.theme);
  const { gridStepM, snapOn, setGridStep, toggleSnap } = useLayoutSettings();
  const wrapRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<Size>({ width: 800, height: 600 });
  /** The view the user panned or zoomed to, and the hall it was of. */
  const [view, setView] = useState<{ hallId: string; viewport: Viewport } | null>(null);
  const gesture = useRef<Gesture>(IDLE);
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
  const fitted = useMemo(() => (hall ? fitHallPlan(hall, size) : null), [hall, size]);
  const setViewport = useCallback((viewport: Viewport) => setView({ hallId, viewport }), [hallId]);
  // Another hall is drawn fitted at once, not first in the last hall's view and then again.
  const viewport = view?.hallId === hallId ? view.viewport : fitted;
  const fit = useCallback(() => {
    if (fitted) setViewport(fitted);
  }, [fitted, setViewport]);
  useEffect(fit, [fit]);

  // Static layer: redrawn when the document, the view or the selection changes.
  useEffect(() => {
    const canvas = baseRef.current;
    if (!canvas || !scene || !viewport) return;
    const ctx = prepare(canvas, size);
    const count = drawHall(ctx, scene, viewport, size, style, { selection, offenders, gridStepM, highlightedZones });
    canvas.dataset.drawnCount = String(count);
    canvas.dataset.highlightedZones = [...highlightedZones].join(' ');
    // What the view shows, in hall metres, for what reads the plan from outside (the e2e tests).
    const seen = visibleWorld(viewport, size);
    canvas.dataset.visibleM = [seen.minX, seen.minY, seen.maxX, seen.maxY].map((x) => x.toFixed(2)).join(' ');
  }, [scene, viewport, size, style, selection, offenders, gridStepM, highlightedZones]);

  const drawOverlay = useCallback(() => {
    frame.current = 0;
    const canvas = overlayRef.current;
    if (!canvas || !scene || !viewport) return;
    const frameStart = performance.now();
    const ctx = prepare(canvas, size);
    ctx.clearRect(0, 0, size.width, size.height);
    const g = gesture.current;
    if (g.name === 'translating') {
      const { dxM, dyM, breaks } = g as Translating;
      for (const id of selection) {
        const item = scene.byId.get(id);
        if (item) drawItem(ctx, item, viewport, style, { selection, offenders }, dxM, dyM, breaks ? style.offender : undefined);
      }
      canvas.dataset.dropBreaks = String(breaks);
      // Frame cost while dragging, for the frame-time benchmark (a user timing, free when unread).
      performance.measure('fleet:drag-frame', { start: frameStart });
    }
    if (g.name === 'brushing' || g.name === 'drawingZone') {
      const { rect } = g as Boxing;
      const { x0, y0, x1, y1 } = rect;
      ctx.strokeStyle = style.selection;
      ctx.fillStyle = 'rgba(13,110,253,0.08)';
      ctx.lineWidth = 1;
      // A crossing box (dragged leftwards, takes what it touches) is dashed, as CAD tools draw it.
      ctx.setLineDash(g.name === 'brushing' && crossing(rect) ? [6, 4] : []);
      ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      ctx.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      ctx.setLineDash([]);
    }
    drawRulers(ctx, viewport, size, style, unitSystem);
    drawScaleBar(ctx, viewport, size, style.text, unitSystem);
  }, [scene, viewport, size, style, selection, offenders, unitSystem]);
  const requestOverlay = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(drawOverlay);
  }, [drawOverlay]);
  useEffect(() => drawOverlay(), [drawOverlay]);

  /** The gesture's view of the editor, read fresh for each pointer event. */
  const context = (): GestureContext | null => {
    if (!scene || !viewport || !doc) return null;
    const state = useFleet.getState();
    return {
      doc,
      scene,
      viewport,
      selection: state.selection,
      snapStepM: snapOn ? gridStepM : 0,
      setViewport,
      setSelection: state.setSelection,
      apply: (command, label) => void state.apply(command, label),
      breaksLimit: (command) => {
        const breaks = state.preview(command);
        state.showDropPreview(breaks);
        return breaks.length > 0;
      },
      say: state.say,
      zoneDrawn: () => setDrawZone(false),
    };
  };
  /** Escape during a gesture: what was there comes back. False when no gesture is under way. */
  const cancelGesture = (): boolean => {
    const ctx = context();
    if (gesture.current === IDLE || !ctx) return false;
    gesture.current = gesture.current.cancel(ctx);
    useFleet.getState().showDropPreview([]);
    requestOverlay();
    return true;
  };

  useEditorKeys({ scene, viewport, setViewport, fit, minScale, size, setSpaceDown, cancelGesture, gestureUnderWay: () => gesture.current !== IDLE });

  // A problem clicked in the list: bring its objects and zones into view, or the whole hall for a rule about the hall.
  useEffect(() => {
    if (!focus || !scene) return;
    const target = focusRect(scene, focus);
    if (target) setViewport(fitRect(target, size));
    else if (!focus.ids.length && !focus.zoneIds.length) fit();
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
    const ctx = context();
    if (!ctx) return;
    overlayRef.current?.setPointerCapture(event.pointerId);
    overlayRef.current?.focus();
    gesture.current = press(ctx, { at: local(event), button: event.button, additive: event.shiftKey || event.ctrlKey || event.metaKey, spaceDown, drawZone });
    requestOverlay();
  };

  const onPointerMove = (event: React.PointerEvent) => {
    const ctx = context();
    if (!ctx) return;
    const at = local(event);
    if (gesture.current === IDLE) {
      setHoverText(describeAt(ctx.scene, ctx.viewport, at.x, at.y));
      return;
    }
    gesture.current = gesture.current.move(ctx, at);
    requestOverlay();
  };

  const onPointerUp = (event: React.PointerEvent) => {
    const ctx = context();
    const g = gesture.current;
    gesture.current = IDLE;
    if (ctx) g.up(ctx, local(event));
    useFleet.getState().showDropPreview([]);
    requestOverlay();
  };

  const onWheel = (event: React.WheelEvent) => {
    if (!viewport) return;
    const { x, y } = local(event);
    setViewport(zoomAt(viewport, x, y, wheelZoomFactor(event.deltaY, event.deltaMode), minScale));
  };

  const onDrop = (event: React.DragEvent) => {
    const modelId = event.dataTransfer.getData(MODEL_DRAG_TYPE);
    if (!modelId || !viewport || !scene || !doc) return;
    event.preventDefault();
    const { x, y } = local(event);
    const w = toWorld(viewport, x, y);
    const step = snapOn ? gridStepM : 0;
    const command = dropPlacement(doc, scene.hall.id, modelId, snap(w.xM, step), snap(w.yM, step));
    if (command) void apply(command, 'place').then((ok) => ok && useFleet.getState().setSelection(command.entities.items.map((i) => i.id)));
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
          <NumberField label="Grid step" testId="grid-step" quantity="length" units={unitSystem} value={gridStepM} min={GRID_STEP_MIN_M} max={GRID_STEP_MAX_M} onCommit={setGridStep} compact />
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

/** The box around what a focus names in this hall (a margin around it), or null when it names nothing here. */
function focusRect(scene: Scene, focus: { ids: string[]; zoneIds: string[] }): Rect | null {
  const rects: Rect[] = focus.ids.map((id) => scene.byId.get(id)?.rect).filter((r): r is Rect => !!r);
  for (const z of scene.zones) if (focus.zoneIds.includes(z.id)) rects.push({ minX: z.xM, minY: z.yM, maxX: z.xM + z.widthM, maxY: z.yM + z.depthM });
  if (!rects.length) return null;
  const pad = 3;
  return {
    minX: smallest(rects.map((r) => r.minX)) - pad,
    minY: smallest(rects.map((r) => r.minY)) - pad,
    maxX: largest(rects.map((r) => r.maxX)) + pad,
    maxY: largest(rects.map((r) => r.maxY)) + pad,
  };
}
