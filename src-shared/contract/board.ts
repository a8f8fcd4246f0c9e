// Commands and events of the Board page: names `board.verbNoun` / `board.nounPastTense`.
// Spread into the one table in commands.ts; each entry is { input, output } zod schemas like the core ones.

export const boardCommands = {} as const;

export const boardEvents = {} as const;
