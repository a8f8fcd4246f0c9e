// Which production packages the renderer bundle already contains, so the installers need not ship them again.
// Reads package-lock.json only; it never drops a package that the main side (or any other dependency) still needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Libraries that vite bundles into out/renderer: nothing outside the renderer imports them. A package added here by
 * mistake is still shipped when another production dependency needs it; a renderer library missing here is only
 * shipped twice, never broken.
 */
export const RENDERER_BUNDLED_PACKAGES = [
  'vue',
  'vue-router',
  'vue-i18n',
  'pinia',
  'uplot',
  '@tanstack/vue-virtual',
  '@fontsource/noto-sans-telugu',
] as const;

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Node's lookup: `name` as required from the package at `from` (a lock path such as node_modules/a/node_modules/b). */
function resolveLockPath(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

function closure(packages: Record<string, LockEntry>, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = roots.map((root) => resolveLockPath(packages, '', root));
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    const entry = packages[next] ?? {};
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      pending.push(resolveLockPath(packages, next, name));
    }
  }
  return seen;
}

/** Lock paths (node_modules/...) needed only by the renderer-bundled packages. */
export function bundledOnlyPackagePaths(projectDir: string): string[] {
  const lock = JSON.parse(readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const productionRoots = Object.keys(lock.packages['']?.dependencies ?? {});
  const bundled = new Set<string>(RENDERER_BUNDLED_PACKAGES);
  const stillNeeded = closure(lock.packages, productionRoots.filter((name) => !bundled.has(name)));
  return [...closure(lock.packages, [...bundled])].filter((lockPath) => !stillNeeded.has(lockPath)).sort();
}

/** electron-builder `files` patterns that leave those packages out of app.asar. */
export function excludeBundledOnlyPackages(projectDir: string): string[] {
  return bundledOnlyPackagePaths(projectDir).map((lockPath) => `!${lockPath}{,/**}`);
}
