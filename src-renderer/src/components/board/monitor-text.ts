// How serial lines look in the monitor: a clock time with milliseconds, very long lines shortened for the screen
// (the saved log keeps them whole), and the search. Pure; the main side already made the text safe to show.

/** The screen shows at most this much of one line. */
export const DISPLAY_CHARS = 2_000;

/** The part of a line the screen shows, and how many characters were left off. */
export function displayLine(text: string): { text: string; hiddenChars: number } {
  if (text.length <= DISPLAY_CHARS) return { text, hiddenChars: 0 };
  return { text: text.slice(0, DISPLAY_CHARS), hiddenChars: text.length - DISPLAY_CHARS };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** 14:03:07.125 in local time: what the student's clock says, to the millisecond like the Arduino IDE. */
export function clockTime(atMs: number): string {
  const date = new Date(atMs);
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}.${pad(date.getMilliseconds(), 3)}`;
}

/** Case-insensitive "contains": the monitor's search. `needle` is already lower case. */
export function matchesFilter(text: string, needle: string): boolean {
  return needle === '' || text.toLowerCase().includes(needle);
}
