// Main-thread work per frame in Chromium, for the explorer-ui benchmark: a page script (Performance API) that records
// when the main thread is busy, the arithmetic that turns busy intervals into work per frame, and a Chromium trace of
// the same window (top-level RunTask events on CrRendererMain) to cross-check it. Method: docs/benchmarks.md.
import type { Browser, Page } from '@playwright/test';

/**
 * Installed with `page.addInitScript` before the app loads (a string: tsx would add helpers the page lacks).
 * Busy intervals, in performance.now() milliseconds, come from three places:
 * - rendering: from a requestAnimationFrame callback to a MessageChannel message posted from it; the message is a new
 *   task, so it runs only after the frame's task (rAF callbacks, style, layout, paint, commit) has finished;
 * - WebSocket messages (the host's batches): from just before the app's `onmessage` handler to a listener added after
 *   it, which runs after the microtask checkpoint that follows the handler, so Vue's re-render of the batch is included;
 * - timers (setTimeout / setInterval callbacks), ended by a microtask queued after the callback's own microtasks.
 * Frames are the intervals between requestAnimationFrame timestamps (vsync times). Overlaps are merged later.
 */
export const FRAME_WORK_PAGE_SCRIPT = `(() => {
  const state = { running: false, frames: [], busy: [], longTasks: 0, longFrames: 0, longFrameMaxMs: 0 };
  window.__frameWork = state;
  const now = () => performance.now();
  const push = (start, end) => { if (state.running) state.busy.push(start, end); };

  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => push(event.data, now());
  const tick = (vsync) => {
    if (!state.running) return;
    state.frames.push(vsync);
    channel.port2.postMessage(now());
    requestAnimationFrame(tick);
  };
  state.start = () => {
    state.running = true;
    requestAnimationFrame(tick);
  };

  const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    enumerable: onmessage.enumerable,
    get() { return onmessage.get.call(this); },
    set(handler) {
      if (typeof handler !== 'function') return onmessage.set.call(this, handler);
      const socket = this;
      onmessage.set.call(this, function (event) { socket.__frameWorkStart = now(); return handler.call(this, event); });
      socket.__frameWorkEnd ??= () => push(socket.__frameWorkStart, now());
      socket.removeEventListener('message', socket.__frameWorkEnd);
      socket.addEventListener('message', socket.__frameWorkEnd);
    },
  });

  for (const name of ['setTimeout', 'setInterval']) {
    const original = window[name];
    window[name] = function (callback, ...rest) {
      if (typeof callback !== 'function') return original.call(this, callback, ...rest);
      return original.call(this, function (...args) {
        const start = now();
        try { return callback.apply(this, args); } finally { queueMicrotask(() => push(start, now())); }
      }, ...rest);
    };
  }

  const observe = (type, onEntry) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type }); } catch { /* older Chromium */ }
  };
  observe('longtask', () => { if (state.running) state.longTasks++; });
  observe('long-animation-frame', (entry) => {
    if (!state.running) return;
    state.longFrames++;
    state.longFrameMaxMs = Math.max(state.longFrameMaxMs, entry.duration);
  });
})()`;

export interface FrameWorkSamples {
  /** requestAnimationFrame timestamps (ms): frame i is [frames[i], frames[i+1]). */
  frames: number[];
  /** Busy intervals as flat [start, end, start, end, ...] pairs (ms), possibly overlapping. */
  busy: number[];
  longTasks: number;
  /** Long Animation Frames (Chromium's own per-frame entries, only reported for frames over 50 ms). */
  longFrames: number;
  longFrameMaxMs: number;
}

export async function startFrameWork(page: Page): Promise<void> {
  await page.evaluate('window.__frameWork.start()');
}

export async function stopFrameWork(page: Page): Promise<FrameWorkSamples> {
  return (await page.evaluate(`(() => {
    const state = window.__frameWork;
    state.running = false;
    return { frames: state.frames, busy: state.busy, longTasks: state.longTasks, longFrames: state.longFrames, longFrameMaxMs: state.longFrameMaxMs };
  })()`)) as FrameWorkSamples;
}

/** Merges possibly overlapping [start, end] pairs into sorted, disjoint intervals. */
function mergeIntervals(flat: readonly number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i + 1]! > flat[i]!) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of pairs) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Busy milliseconds inside each window [edges[i], edges[i+1]). */
export function workPerWindow(edges: readonly number[], busyFlat: readonly number[]): number[] {
  const busy = mergeIntervals(busyFlat);
  const work: number[] = [];
  let first = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    while (first < busy.length && busy[first]![1] <= from) first++;
    let sum = 0;
    for (let j = first; j < busy.length && busy[j]![0] < to; j++) sum += Math.min(to, busy[j]![1]) - Math.max(from, busy[j]![0]);
    work.push(sum);
  }
  return work;
}

export interface Spread {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.floor((sorted.length - 1) * p)] ?? NaN) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), max: at(1), n: sorted.length };
}

export interface MainThreadTrace {
  /** Page time (performance.now() ms) the trace covers. */
  fromMs: number;
  toMs: number;
  /** Top-level tasks on the page's renderer main thread, flat [start, end] pairs in page time (wall clock). */
  tasks: number[];
  /** The same tasks with the thread's CPU time instead of wall time: [start, start + cpu]. Time the thread sat
   * runnable but descheduled (a loaded machine) counts in `tasks` and not here. */
  cpu: number[];
}

/**
 * Traces the page's renderer for `durationMs` and returns its main thread's top-level tasks (RunTask), in page time:
 * a performance.mark placed after tracing starts carries both the trace clock (ts) and page time (startTime).
 */
export async function traceMainThread(browser: Browser, page: Page, durationMs: number): Promise<MainThreadTrace> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing'] });
  const fromMs = (await page.evaluate(`performance.mark('frame-work-trace').startTime`)) as number;
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  const toMs = (await page.evaluate('performance.now()')) as number;
  const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const mark = events.find((event) => event.name === 'frame-work-trace' && event.cat === 'blink.user_timing');
  if (!mark?.args?.data?.startTime) throw new Error('The trace has no frame-work-trace mark; cannot line it up with page time.');
  const offsetMs = mark.ts / 1000 - mark.args.data.startTime;
  const tasks: number[] = [];
  const cpu: number[] = [];
  for (const event of events) {
    if (event.pid !== mark.pid || event.tid !== mark.tid || event.name !== 'RunTask' || event.ph !== 'X') continue;
    const start = event.ts / 1000 - offsetMs;
    tasks.push(start, start + (event.dur ?? 0) / 1000);
    cpu.push(start, start + (event.tdur ?? event.dur ?? 0) / 1000);
  }
  return { fromMs, toMs, tasks, cpu };
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { startTime?: number } };
}

/** Fixed windows of one 60 Hz frame (16.67 ms) from `fromMs` to `toMs`. */
export function vsyncGrid(fromMs: number, toMs: number): number[] {
  const edges: number[] = [];
  for (let at = fromMs; at <= toMs; at += 1000 / 60) edges.push(at);
  return edges;
}

/**
 * The page's numbers next to the trace's for the frames inside the traced window: work p95 from the Performance API
 * and from the trace (same frames), the trace on a fixed 16.67 ms grid (a long task fills every grid window it
 * covers, so this reads higher when there are long tasks), and the thread's CPU time per frame (load-independent).
 */
export function crossCheck(frames: readonly number[], busy: readonly number[], trace: MainThreadTrace) {
  const traced = frames.filter((at) => at >= trace.fromMs && at <= trace.toMs);
  const wall = spread(workPerWindow(traced, trace.tasks));
  const cpu = spread(workPerWindow(traced, trace.cpu));
  return {
    frames: wall.n,
    pageApiWorkP95Ms: spread(workPerWindow(traced, busy)).p95,
    traceWorkP95Ms: wall.p95,
    traceWorkMaxMs: wall.max,
    traceWorkP95MsOn16_7msGrid: spread(workPerWindow(vsyncGrid(trace.fromMs, trace.toMs), trace.tasks)).p95,
    traceCpuP95Ms: cpu.p95,
    traceCpuMaxMs: cpu.max,
  };
}
