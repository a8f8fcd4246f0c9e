// `npm run audit:prod`: `npm audit --omit=dev --audit-level=high`, reported in one line. Exits 0 when no high or critical
// advisory touches a production dependency, 1 when one does, and 3 (skipped) when the registry refuses the audit call.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const AUDIT_UNAVAILABLE_EXIT = 3;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: root, encoding: 'utf8' });

let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  // Some registries and mirrors serve packages but not the advisory endpoint (405 for its POST): nothing was checked.
  const reason = report?.message ?? (result.stderr.trim() || `npm audit exited with ${result.status}`);
  console.log(`npm audit could not run, so production dependencies were NOT checked: ${reason}`);
  process.exit(AUDIT_UNAVAILABLE_EXIT);
}

const summary = ['critical', 'high', 'moderate', 'low', 'info'].map((level) => `${counts[level] ?? 0} ${level}`).join(', ');
console.log(`npm audit --omit=dev: ${summary} (${report.metadata.dependencies?.prod ?? '?'} production packages).`);
const serious = Object.values(report.vulnerabilities ?? {}).filter((entry) => entry.severity === 'high' || entry.severity === 'critical');
for (const entry of serious) {
  const fix = entry.fixAvailable === false ? 'no fix released yet' : 'a fixed version exists: bump it in package.json';
  console.log(`  ${entry.severity} ${entry.name} ${entry.range}: ${fix}`);
}
process.exit(serious.length > 0 ? 1 : 0);
