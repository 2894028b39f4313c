/**
 * Hash routes: '#/' is the planner; other views (print, reports) register here so the
 * same build serves them in Electron's hidden print window and in the browser build.
 */
import type { ComponentType } from 'react';

export type RouteView = ComponentType<{ params: URLSearchParams }>;

export const ROUTES: Record<string, RouteView> = {};

export function parseHash(hash: string): { path: string; params: URLSearchParams } {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query) };
}
