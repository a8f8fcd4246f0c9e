// Reads the Lesson's "Take me there" values (query parameters, see lessonTargetSchema) into the view that is shown.
// Each view names its keys and how to apply them; an applied key is dropped from the address (router.replace), so a
// reload or a later visit never applies it again over what the student typed. A key no view understood stays visible.
import { nextTick, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

/** Applies one value; false when the value is not one this view understands (the key then stays in the address). */
export type PrefillHandler = (value: string) => boolean | Promise<boolean>;

/** Handlers run in the order they are listed here, whatever the order in the address (a section before its field). */
export type PrefillHandlers = Record<string, PrefillHandler>;

function textOf(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : null;
}

/** A handler that throws on an odd value (a hand-edited address) counts as not understood, never as an unhandled error. */
async function understood(handler: PrefillHandler, value: string): Promise<boolean> {
  try {
    return await handler(value);
  } catch {
    return false;
  }
}

/** Call `apply()` once the view's data is loaded; later changes of the query (same page) are applied by themselves. */
export function usePrefill(handlers: PrefillHandlers) {
  const route = useRoute();
  const router = useRouter();
  const path = route.path;
  let queue: Promise<void> = Promise.resolve();

  async function applyNow(): Promise<void> {
    const query = route.query;
    const applied: string[] = [];
    for (const [key, handler] of Object.entries(handlers)) {
      const value = textOf(query[key]);
      if (value === null) continue;
      if (await understood(handler, value)) applied.push(key);
      else console.warn(`Take me there: ${path} did not understand ${key}=${JSON.stringify(value)}.`);
    }
    if (applied.length === 0 || route.path !== path) return;
    const rest = Object.fromEntries(Object.entries(route.query).filter(([key]) => !applied.includes(key)));
    await router.replace({ path, query: rest, hash: route.hash });
  }

  /** One run at a time: a query change while applying waits for the run before it. */
  function apply(): Promise<void> {
    const next = queue.then(applyNow);
    queue = next.catch(() => undefined);
    return next;
  }

  watch(
    () => route.query,
    (query) => {
      if (route.path === path && Object.keys(query).some((key) => key in handlers)) void apply();
    },
  );
  return { apply };
}

/** Brings a part of the page into view and puts the keyboard there (a heading gets tabindex -1 to take focus). */
export async function focusPart(selector: string): Promise<boolean> {
  await nextTick();
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) return false;
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.scrollIntoView?.({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}

/** "true" / "false" as the lesson writes them; anything else is not understood. */
export function parseFlag(value: string): boolean | null {
  return value === 'true' ? true : value === 'false' ? false : null;
}
