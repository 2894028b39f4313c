/** Injected at build time from package.json (esbuild/vite `define`); tests read package.json instead. */
declare const __APP_VERSION__: string | undefined;

export const APP_NAME = 'Fleet Planner';
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
