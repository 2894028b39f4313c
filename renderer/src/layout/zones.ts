import type { FleetDoc, Zone } from '../../../shared/model/schema';

/** A new cooling zone over the rectangle dragged on the floor, clipped to the hall; null if it is too small to mean one. */
export function newZone(doc: FleetDoc, hallId: string, x0: number, y0: number, x1: number, y1: number): Zone | null {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return null;
  const minX = Math.max(0, Math.min(x0, x1));
  const minY = Math.max(0, Math.min(y0, y1));
  const maxX = Math.min(hall.widthM, Math.max(x0, x1));
  const maxY = Math.min(hall.depthM, Math.max(y0, y1));
  if (maxX - minX < 0.5 || maxY - minY < 0.5) return null;
  const used = new Set(doc.zones.map((z) => z.id));
  let n = doc.zones.filter((z) => z.hallId === hallId).length + 1;
  while (used.has(`${hallId}-z${n}`)) n++;
  return { id: `${hallId}-z${n}`, hallId, name: `Zone ${n}`, xM: minX, yM: minY, widthM: maxX - minX, depthM: maxY - minY, airCoolingKw: 0 };
}
