// The student's reflection notes and assignment while they type: local drafts saved after a pause (debounced),
// merged into one save. Knows nothing about the bridge: the store gives it the function that saves.
import { ref } from 'vue';
import type { ReflectionId } from '../../../../src-shared/contract/lesson';

export type NotesPatch = { reflections?: Partial<Record<ReflectionId, string>>; assignment?: string };
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/** Long enough not to save on every key, short enough that closing the app right after typing loses at most this much. */
export const NOTES_SAVE_DELAY_MS = 800;

export function createNotesDraft(save: (patch: NotesPatch) => Promise<boolean>, delayMs = NOTES_SAVE_DELAY_MS) {
  const reflections = ref<Record<string, string>>({});
  const assignment = ref('');
  const saveState = ref<SaveState>('idle');
  let pending: NotesPatch = {};
  /** Fields typed in since the last replace(): the draft is the truth for them (saves land later than keys). */
  let touched: NotesPatch = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<boolean> = Promise.resolve(true);

  function hasPending(): boolean {
    return pending.reflections !== undefined || pending.assignment !== undefined;
  }

  function schedule(): void {
    saveState.value = 'pending';
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  }

  /** Saves what is waiting now; resolves once every save so far has finished. */
  async function flush(): Promise<boolean> {
    clearTimeout(timer);
    timer = undefined;
    if (!hasPending()) return saving;
    const patch = pending;
    pending = {};
    saveState.value = 'saving';
    saving = saving.then(() => save(patch));
    const saved = await saving;
    if (!hasPending()) saveState.value = saved ? 'saved' : 'failed';
    return saved;
  }

  function setReflection(id: ReflectionId, text: string): void {
    reflections.value = { ...reflections.value, [id]: text };
    pending = { ...pending, reflections: { ...pending.reflections, [id]: text } };
    touched = { ...touched, reflections: { ...touched.reflections, [id]: text } };
    schedule();
  }

  function setAssignment(text: string): void {
    assignment.value = text;
    pending = { ...pending, assignment: text };
    touched = { ...touched, assignment: text };
    schedule();
  }

  /** Takes what the lab has saved, except the fields the student typed in: an older state must not undo keys. */
  function adopt(saved: { reflections: Record<string, string>; assignment: string }): void {
    reflections.value = { ...saved.reflections, ...touched.reflections };
    assignment.value = touched.assignment ?? saved.assignment;
  }

  /** Another profile or a reset: drafts of the old progress must not leak into the new one. */
  function replace(saved: { reflections: Record<string, string>; assignment: string }): void {
    clearTimeout(timer);
    timer = undefined;
    pending = {};
    touched = {};
    saveState.value = 'idle';
    reflections.value = { ...saved.reflections };
    assignment.value = saved.assignment;
  }

  function dispose(): void {
    clearTimeout(timer);
  }

  return { reflections, assignment, saveState, setReflection, setAssignment, flush, adopt, replace, hasPending, dispose };
}
