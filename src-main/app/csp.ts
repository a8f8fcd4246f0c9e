// The Content-Security-Policy the app protocol sends with every response of the Electron renderer.
// Pure data: no Electron imports, so tests and the headless host can read it too.

/**
 * Electron security checklist #7: define a Content Security Policy.
 * Everything comes from our own origin (app://lab); no eval, no inline script, no plugins, no frames.
 * style-src has no 'unsafe-inline': Vite extracts component styles into files, and Vue's :style
 * bindings go through the CSSOM, which CSP does not block.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function buildContentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = buildContentSecurityPolicy(CSP_DIRECTIVES);
