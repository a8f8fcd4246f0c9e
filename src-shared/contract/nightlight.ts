// Commands and events of the Nightlight page: names `nightlight.verbNoun` / `nightlight.nounPastTense`.
// Spread into the one table in commands.ts; each entry is { input, output } zod schemas like the core ones.

export const nightlightCommands = {} as const;

export const nightlightEvents = {} as const;
