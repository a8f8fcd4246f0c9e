// Playwright fixtures: one real headless lab per test file (worker), started on ephemeral ports and stopped after.
import { test as base } from '@playwright/test';
import { serveLab, type RunningLab } from '../support/serve-lab';

export const test = base.extend<object, { lab: RunningLab }>({
  lab: [
    async ({}, use) => {
      const lab = await serveLab();
      await use(lab);
      await lab.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
