// The renderer's Content-Security-Policy: strict enough that injected script cannot run.
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, CONTENT_SECURITY_POLICY } from '../../../src-main/app/csp';

function directive(policy: string, name: string): string[] | undefined {
  const entry = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([key]) => key === name);
  return entry?.slice(1);
}

describe('CONTENT_SECURITY_POLICY', () => {
  it('never allows eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directive(CONTENT_SECURITY_POLICY, 'script-src')).toEqual(["'self'"]);
  });

  it('keeps everything to our own origin and forbids plugins, base tags and framing', () => {
    expect(directive(CONTENT_SECURITY_POLICY, 'default-src')).toEqual(["'self'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'connect-src')).toEqual(["'self'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'object-src')).toEqual(["'none'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'base-uri')).toEqual(["'none'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'frame-ancestors')).toEqual(["'none'"]);
  });

  it('is one header value without newlines', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/);
    expect(buildContentSecurityPolicy({ 'a-src': ["'self'", 'data:'], 'b-src': ["'none'"] })).toBe("a-src 'self' data:; b-src 'none'");
  });
});
