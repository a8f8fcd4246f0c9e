// Commands and events of the Lesson page: names `lesson.verbNoun` / `lesson.nounPastTense`.
// Spread into the one table in commands.ts; each entry is { input, output } zod schemas like the core ones.

export const lessonCommands = {} as const;

export const lessonEvents = {} as const;
