/** The colour of each hall use, the same on the site plan, the charts and the printed sheet. */
export const USE_COLOURS = { mining: '#e0a030', ai: '#3f9d5b', idle: '#adb5bd' } as const;
