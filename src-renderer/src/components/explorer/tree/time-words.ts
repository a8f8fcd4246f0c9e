// Short words for "how long ago" and "how often", as i18n keys with values, so rows read "3 s ago" and "2.5/s".

export interface Words {
  key: string;
  values: Record<string, number | string>;
  count: number;
}

export function ageWords(lastMs: number | null, nowMs: number): Words | null {
  if (lastMs === null) return null;
  const seconds = Math.max(0, Math.floor((nowMs - lastMs) / 1000));
  if (seconds < 1) return { key: 'explorer.time.justNow', values: {}, count: 0 };
  if (seconds < 60) return { key: 'explorer.time.seconds', values: { count: seconds }, count: seconds };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { key: 'explorer.time.minutes', values: { count: minutes }, count: minutes };
  const hours = Math.floor(minutes / 60);
  return { key: 'explorer.time.hours', values: { count: hours }, count: hours };
}

/** Messages per second with one decimal below 10, whole above; null when it is (almost) quiet. */
export function rateText(perSecond: number): string | null {
  if (perSecond < 0.05) return null;
  return perSecond < 10 ? perSecond.toFixed(1) : String(Math.round(perSecond));
}
