// `npm test`: typecheck, lint, the Electron security scan, the production npm audit, all vitest projects, the build,
// then the Playwright e2e suite in Chromium. Ends with one line "N passed, N failed" (checks count one each; a check
// that cannot run on this machine is named as skipped just above that line, and counts as neither).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-test-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const skipped = [];
// A check script exits with this when it could not run here (e.g. the registry refuses npm audit's request).
const SKIPPED_EXIT = 3;

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`=== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result.status;
}

function check(label, command, args) {
  const ok = run(label, command, args) === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(label);
}

function checkOrSkip(label, command, args) {
  const status = run(label, command, args);
  if (status === SKIPPED_EXIT) {
    totals.skipped += 1;
    skipped.push(label);
    return;
  }
  totals[status === 0 ? 'passed' : 'failed'] += 1;
  if (status !== 0) failures.push(label);
}

function countFromReport(label, file, read) {
  try {
    const { passed, failed } = read(JSON.parse(readFileSync(file, 'utf8')));
    totals.passed += passed;
    totals.failed += failed;
    if (failed > 0) failures.push(`${label} (${failed} failed)`);
  } catch {
    totals.failed += 1;
    failures.push(`${label} (no report: the runner did not finish)`);
  }
}

check('typecheck', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
check('electron security (electronegativity)', process.execPath, [path.join(root, 'scripts/check-electron-security.mjs')]);
checkOrSkip('npm audit (production, high and critical)', process.execPath, [path.join(root, 'scripts/audit-production.mjs')]);

const vitestReport = path.join(reports, 'vitest.json');
run('vitest (unit, contract, interop, renderer)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
countFromReport('vitest', vitestReport, (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests + (report.success || report.numFailedTests > 0 ? 0 : 1),
}));

check('build', process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);

const playwrightReport = path.join(reports, 'playwright.json');
run('e2e (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
countFromReport('e2e', playwrightReport, (report) => ({
  passed: report.stats.expected + report.stats.flaky,
  failed: report.stats.unexpected,
}));

if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join('; ')}\n`);
if (skipped.length > 0) process.stdout.write(`\nSkipped (could not run here): ${skipped.join('; ')}\n`);
// The closing line keeps its exact shape for CI; skipped checks are named on the line above it.
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed === 0 ? 0 : 1);
