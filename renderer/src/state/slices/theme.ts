/** The colour theme: the user's choice, kept on this machine, else the system's. */
import type { StateCreator } from 'zustand';

export type Theme = 'light' | 'dark';

export interface ThemeSlice {
  theme: Theme;
  toggleTheme(): void;
}

const THEME_KEY = 'fleet-planner.theme';

function initialTheme(): Theme {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const themeSlice: StateCreator<ThemeSlice> = (set, get) => ({
  theme: initialTheme(),
  toggleTheme() {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Not kept for the next session; the theme still changes now.
    }
    set({ theme });
  },
});
