import { describe, expect, it } from 'vitest';
import { fitHallPlan, fitViewport, niceLengthStepM, niceStep, toScreen, toWorld, wheelZoomFactor, zoomAt, visibleWorld } from '../../renderer/src/layout/viewport';

describe('viewport', () => {
  it('fits a 40 × 20 m hall into 1000 × 600 px with 50 px margins at 22.5 px/m, centred', () => {
    // usable 900 × 500 px: min(900/40, 500/20) = min(22.5, 25) = 22.5 px/m
    const v = fitViewport({ widthM: 40, depthM: 20 }, { width: 1000, height: 600 }, 50);
    expect(v.scale).toBe(22.5);
    expect(v.offsetX).toBe(50); // (1000 − 900) / 2
    expect(v.offsetY).toBe(75); // (600 − 450) / 2
  });
  it('the hall plan fits below the 44 px band of floating tools: 40 × 20 m in 1000 × 600 px at 23.4 px/m', () => {
    // Usable 1000 − 2 × 32 = 936 px by 600 − 44 − 2 × 32 = 492 px: min(936/40, 492/20) = min(23.4, 24.6).
    const v = fitHallPlan({ widthM: 40, depthM: 20 }, { width: 1000, height: 600 });
    expect(v.scale).toBeCloseTo(23.4, 12);
    expect(v.offsetX).toBeCloseTo(32, 9);
    // (556 − 20 × 23.4) / 2 + 44 = 44 + 44.
    expect(v.offsetY).toBeCloseTo(88, 9);
  });
  it('screen and world transforms are inverse', () => {
    const v = { scale: 12.5, offsetX: 40, offsetY: -7 };
    const s = toScreen(v, 3.2, 8.1);
    const w = toWorld(v, s.x, s.y);
    expect(w.xM).toBeCloseTo(3.2, 12);
    expect(w.yM).toBeCloseTo(8.1, 12);
  });
  it('zooming keeps the point under the cursor fixed', () => {
    const v = { scale: 10, offsetX: 0, offsetY: 0 };
    const z = zoomAt(v, 300, 200, 2);
    const before = toWorld(v, 300, 200);
    const after = toWorld(z, 300, 200);
    expect(after.xM).toBeCloseTo(before.xM, 12);
    expect(after.yM).toBeCloseTo(before.yM, 12);
    expect(z.scale).toBe(20);
  });
  it('zooming out stops at the floor it is given; one already below it may still zoom in, and is not pushed out further', () => {
    const v = { scale: 10, offsetX: 0, offsetY: 0 };
    expect(zoomAt(v, 0, 0, 0.5, 8).scale).toBe(8);
    expect(zoomAt(v, 0, 0, 0.5, 4).scale).toBe(5);
    // At 10 px/m with a floor of 20 (the window shrank): out stays at 10, in goes in.
    expect(zoomAt(v, 0, 0, 0.8, 20).scale).toBe(10);
    expect(zoomAt(v, 0, 0, 1.25, 20).scale).toBe(12.5);
  });
  it('the visible world is the screen divided by the scale', () => {
    expect(visibleWorld({ scale: 10, offsetX: 0, offsetY: 0 }, { width: 500, height: 300 })).toEqual({ minX: 0, minY: 0, maxX: 50, maxY: 30 });
  });
  it('nice steps are 1-2-5 × 10^n: at 22.5 px/m a 60 px minimum gives 5 m', () => {
    // 60 / 22.5 = 2.67 m → next of 1, 2, 5 × 10^0 is 5
    expect(niceStep(22.5, 60)).toBe(5);
    expect(niceStep(1000, 60)).toBeCloseTo(0.1, 12);
  });

  it('steps whole feet for US users: at 22.5 px/m (6.858 px/ft) 60 px needs 8.75 ft, so 10 ft = 3.048 m', () => {
    expect(niceLengthStepM(22.5, 60, 'us')).toBeCloseTo(3.048, 12);
    expect(niceLengthStepM(22.5, 60, 'metric')).toBe(5);
  });
  it('zooms 1.2× per wheel notch, in proportion for touchpads, at most two notches an event', () => {
    expect(wheelZoomFactor(-100)).toBeCloseTo(1.2, 12);
    expect(wheelZoomFactor(100)).toBeCloseTo(1 / 1.2, 12);
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(1.2, 12);
    // A touchpad's 10 px is a tenth of a notch: 1.2^0.1 = 1.01840.
    expect(wheelZoomFactor(-10)).toBeCloseTo(1.0184, 4);
    expect(wheelZoomFactor(-1000)).toBeCloseTo(1.44, 12);
    expect(wheelZoomFactor(0)).toBe(1);
  });
});
