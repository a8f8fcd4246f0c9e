// Commands and events of the Explorer page: names `explorer.verbNoun` / `explorer.nounPastTense`.
// Spread into the one table in commands.ts; each entry is { input, output } zod schemas like the core ones.

export const explorerCommands = {} as const;

export const explorerEvents = {} as const;
