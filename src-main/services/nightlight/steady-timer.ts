// A repeating timer that keeps its rate on a busy machine: runs are due on a fixed timeline (start + n × period), not
// "a period after the last one" like setInterval, so one late run makes the next one sooner instead of pushing every
// later one back. Runs missed by more than a period (a blocked loop, a sleeping laptop) are skipped, never bunched.

export interface SteadyTimer {
  stop(): void;
}

export function startSteadyTimer(run: () => void, periodMs: number): SteadyTimer {
  const now = (): number => Date.now();
  let nextAtMs = now() + periodMs;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    timer = setTimeout(fire, Math.max(0, nextAtMs - now()));
  };
  const fire = (): void => {
    run();
    if (stopped) return;
    const currentMs = now();
    nextAtMs += periodMs;
    if (nextAtMs <= currentMs) nextAtMs += (Math.floor((currentMs - nextAtMs) / periodMs) + 1) * periodMs;
    schedule();
  };
  schedule();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
