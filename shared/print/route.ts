/**
 * The print route's query, both ways: what the preview reads from its URL and what the
 * command line and Export PDF ask a browser to load. One declaration, so a request
 * written here is read back the same there.
 */
import type { UnitSystem } from '../units';
import { defaultPaper, PAPER_NAMES, type Orientation, type PaperName } from './paper';
import type { PrintRequest } from './sheets';

/** The request in the route; a paper the user has not chosen is the usual one for the fleet's units. */
export function readPrintRequest(params: URLSearchParams, units: UnitSystem): PrintRequest {
  const paper = (PAPER_NAMES as string[]).includes(params.get('paper') ?? '') ? (params.get('paper') as PaperName) : defaultPaper(units);
  const orientation: Orientation = params.get('orientation') === 'portrait' ? 'portrait' : 'landscape';
  const scaleParam = params.get('scale');
  const scale = scaleParam && /^\d+$/.test(scaleParam) ? Number(scaleParam) : 'fit';
  return {
    hallId: params.get('hall') ?? undefined,
    siteId: params.get('site') ?? undefined,
    paper,
    orientation,
    scale,
    date: params.get('date') ?? new Date().toISOString().slice(0, 10),
  };
}

/** "/print?hall=…&paper=A3&orientation=landscape&scale=fit&date=…": the route that prints `req`. */
export function printRoute(req: PrintRequest): string {
  const params = new URLSearchParams();
  if (req.hallId) params.set('hall', req.hallId);
  else if (req.siteId) params.set('site', req.siteId);
  params.set('paper', req.paper);
  params.set('orientation', req.orientation);
  params.set('scale', String(req.scale));
  params.set('date', req.date);
  return `/print?${params.toString()}`;
}
