import { describe, expect, it } from 'vitest';
import { dragHallTo, hallDropCommand, siteSnapM, startHallDrag } from '../../renderer/src/layout/site-drag';
import { sampleSmall } from '../../shared/samples';

const hall = { ...sampleSmall().halls[0]!, siteXM: 10, siteYM: 10 };

describe('dragging a hall on its site plan', () => {
  it('moves the corner by the pointer, snapped to whole metres: 10 + 12.4 → 22, 10 − 3.6 → 6', () => {
    const drag = dragHallTo(startHallDrag(hall, { xM: 50, yM: 20 }), hall, { xM: 62.4, yM: 16.4 }, siteSnapM('metric'));
    expect(drag).toMatchObject({ siteXM: 22, siteYM: 6, moved: true });
    expect(hallDropCommand(drag, hall)).toEqual({ type: 'update', table: 'halls', id: hall.id, patch: { siteXM: 22, siteYM: 6 } });
  });

  it('snaps to whole feet in US units: 12.4 m is 40.68 ft, so the corner moves 41 ft = 12.497 m', () => {
    const drag = dragHallTo(startHallDrag(hall, { xM: 0, yM: 0 }), hall, { xM: 12.4, yM: 0 }, siteSnapM('us'));
    // 10 m + 12.4 m = 22.4 m = 73.49 ft → 73 ft = 22.250 m.
    expect(drag.siteXM).toBeCloseTo(22.25, 3);
    expect(siteSnapM('us')).toBe(0.3048);
  });

  it('a press and release in place is a click: no command, so the hall opens instead', () => {
    const drag = dragHallTo(startHallDrag(hall, { xM: 5, yM: 5 }), hall, { xM: 5.3, yM: 4.8 }, siteSnapM('metric'));
    expect(drag.moved).toBe(false);
    expect(hallDropCommand(drag, hall)).toBeNull();
  });

  it('a drag back to where it started drops nothing but stays a drag (it does not open the hall)', () => {
    const start = startHallDrag(hall, { xM: 5, yM: 5 });
    const away = dragHallTo(start, hall, { xM: 15, yM: 5 }, 1);
    const back = dragHallTo(away, hall, { xM: 5, yM: 5 }, 1);
    expect(back.moved).toBe(true);
    expect(hallDropCommand(back, hall)).toBeNull();
  });
});
