// axe (WCAG 2.1 A and AA rules) on every page of the lab, in English and in Telugu: no serious or critical finding.
// A failure lists each rule with the elements it found, so the fix can go to the right component.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PAGES = [
  { link: 'Explorer', path: '/explorer' },
  { link: 'Playground', path: '/playground' },
  { link: 'Nightlight', path: '/nightlight' },
  { link: 'Board', path: '/board' },
  { link: 'Lesson', path: '/lesson' },
] as const;
const LOCALES = ['en', 'te'] as const;

interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function seriousFindings(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    for (const part of PAGES) {
      test(`${part.link} has no serious or critical axe findings`, async ({ page, lab }) => {
        await page.goto(`${lab.url}#${part.path}`);
        // The language is saved by the lab, so the page may open in either one: wait by class, not by words.
        await expect(page.locator('.pill--connected')).toBeVisible();
        await page.locator('#language-switcher').selectOption(locale);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.locator('main h1').first()).toBeVisible();
        // Let the page settle: loaded state, live status lines, first batches of events.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        expect(await seriousFindings(page)).toEqual([]);
      });
    }
  });
}

test('every part of the Lesson (steps, hints, questions, notes, profile forms) has no serious or critical axe findings', async ({ page, lab }) => {
  await page.goto(`${lab.url}#/lesson`);
  await expect(page.locator('.pill--connected')).toBeVisible();
  await page.locator('#language-switcher').selectOption('en');
  const findings: Record<string, Finding[]> = {};
  const scan = async (name: string) => {
    await page.waitForTimeout(200);
    const found = await seriousFindings(page);
    if (found.length > 0) findings[name] = found;
  };

  const question = page.locator('form[data-question="pre-always-online"]');
  await question.getByLabel('Yes').check();
  await question.getByRole('button', { name: 'Check my answer' }).click();
  await expect(question.getByTestId('quiz-feedback')).toBeVisible();
  await scan('pre-quiz with feedback');

  await page.locator('nav button[data-step="E4"]').click();
  await page.getByRole('button', { name: 'Show a hint' }).click();
  await scan('exercise step with a hint');

  await page.locator('nav button[data-step="security"]').click();
  await scan('concept step with its question');

  await page.getByRole('button', { name: 'Think about it' }).click();
  await page.locator('textarea').first().fill('A note');
  await expect(page.getByTestId('lesson-save-state')).toHaveText('Saved');
  await scan('reflection');

  await page.getByRole('button', { name: 'Assignment' }).click();
  await scan('assignment');

  await page.getByRole('button', { name: 'New student' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await scan('new student form with an error');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Reset progress' }).click();
  await scan('reset confirmation');

  expect(findings).toEqual({});
});
