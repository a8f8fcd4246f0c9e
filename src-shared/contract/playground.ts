// Commands and events of the Playground page: names `playground.verbNoun` / `playground.nounPastTense`.
// Spread into the one table in commands.ts; each entry is { input, output } zod schemas like the core ones.

export const playgroundCommands = {} as const;

export const playgroundEvents = {} as const;
