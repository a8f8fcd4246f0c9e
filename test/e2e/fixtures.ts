// Playwright fixtures: one real headless lab per test FILE, started on ephemeral ports with a fresh data folder.
// Tests in one file share it (in order); the next file gets a new lab, so no file sees another's profiles or state.
import { test as base } from '@playwright/test';
import { serveLab, type RunningLab } from '../support/serve-lab';

/** Holds the lab of the file being run; a test from another file stops it and starts a fresh one. */
class LabPerFile {
  private current: { file: string; lab: RunningLab } | undefined;

  async forFile(file: string): Promise<RunningLab> {
    if (this.current?.file === file) return this.current.lab;
    await this.stop();
    this.current = { file, lab: await serveLab() };
    return this.current.lab;
  }

  async stop(): Promise<void> {
    const running = this.current;
    this.current = undefined;
    await running?.lab.stop();
  }
}

export const test = base.extend<{ lab: RunningLab }, { labs: LabPerFile }>({
  labs: [
    async ({}, use) => {
      const labs = new LabPerFile();
      await use(labs);
      await labs.stop();
    },
    { scope: 'worker' },
  ],
  lab: async ({ labs }, use, testInfo) => {
    await use(await labs.forFile(testInfo.file));
  },
});

export { expect } from '@playwright/test';
