// The virtual light sensor: a level 0..1023 set by the student (slider, presets, HTTP) or, in random mode, a new
// random level every period between min and max. It starts at 0, as CounterFit's sensor does.
import type { RandomLight } from '../../../src-shared/contract/nightlight';

export class LightSensor {
  private level = 0;
  private randomSettings: RandomLight = { enabled: false, min: 0, max: 1023, periodMs: 2000 };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly random: () => number = Math.random,
  ) {}

  get light(): number {
    return this.level;
  }

  get randomMode(): RandomLight {
    return { ...this.randomSettings };
  }

  /** Sets the level by hand; that stops random mode. */
  set(light: number): void {
    this.stopRandom();
    this.randomSettings = { ...this.randomSettings, enabled: false };
    this.level = light;
    this.onChange();
  }

  setRandom(patch: Partial<RandomLight> & { enabled: boolean }): void {
    const next = { ...this.randomSettings, ...withoutUndefined(patch) };
    if (next.min > next.max) [next.min, next.max] = [next.max, next.min];
    this.randomSettings = next;
    this.stopRandom();
    if (next.enabled) {
      this.pick();
      this.timer = setInterval(() => this.pick(), next.periodMs);
    }
    this.onChange();
  }

  dispose(): void {
    this.stopRandom();
  }

  private pick(): void {
    const { min, max } = this.randomSettings;
    this.level = min + Math.floor(this.random() * (max - min + 1));
    this.onChange();
  }

  private stopRandom(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
