// What the explorer subscribes to by default and what it refuses on a public broker.
import { describe, expect, it } from 'vitest';
import { defaultFilterFor, refusalFor } from '../../../src-main/services/explorer/subscription-policy';
import { englishErrorMessage } from '../../../src-shared/i18n/error-text';

describe('subscription policy', () => {
  it("uses '#' on the built-in broker and the student's own '<ID>/#' elsewhere", () => {
    expect(defaultFilterFor('builtin', 'lab-4k2x9q')).toBe('#');
    expect(defaultFilterFor('public', 'lab-4k2x9q')).toBe('lab-4k2x9q/#');
    expect(defaultFilterFor('custom', 'lab-4k2x9q')).toBe('lab-4k2x9q/#');
  });

  it("refuses '#' and leading '+' on a public broker, explaining why and offering '<ID>/#'", () => {
    expect(englishErrorMessage(refusalFor('#', 'public', 'lab-4k2x9q')!)).toMatch(/every topic on the broker.*strangers.*"lab-4k2x9q\/#"/);
    expect(englishErrorMessage(refusalFor('+/telemetry', 'public', 'lab-4k2x9q')!)).toMatch(/starts with a wildcard/);
    expect(refusalFor('lab-4k2x9q/#', 'public', 'lab-4k2x9q')).toBeNull();
    expect(refusalFor('$SYS/#', 'public', 'lab-4k2x9q')).toBeNull();
    expect(refusalFor('#', 'builtin', 'lab-4k2x9q')).toBeNull();
    expect(refusalFor('#', 'custom', 'lab-4k2x9q')).toBeNull();
  });
});
