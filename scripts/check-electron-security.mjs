// `npm run check:electron`: Electronegativity over the app's sources (src-main, src-preload, src-renderer) in one scan,
// so its global checks see the window, the preload and the CSP together. Fails on any finding above LOW that is not
// silenced in the code by an `eng-disable` comment with its reason, and on any file it could not parse.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src-main', 'src-preload', 'src-renderer'];
// The one check that needs the network (it downloads Electron's release list); `npm audit` covers Electron's advisories.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

// Electronegativity's command line is broken with the commander it finds (it does not declare it), so this calls
// its documented programmatic entry point instead.
const runElectronegativity = createRequire(import.meta.url)('@doyensec/electronegativity');

const electronVersion = JSON.parse(await readFile(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const scanDir = await mkdtemp(path.join(os.tmpdir(), 'mqtt-lab-electronegativity-'));
let result;
let scannedFiles = 0;
try {
  for (const folder of SOURCES) await cp(path.join(root, folder), path.join(scanDir, folder), { recursive: true });
  // The file types Electronegativity reads (.vue files are not among them: they cannot reach Electron's APIs anyway).
  scannedFiles = (await readdir(scanDir, { recursive: true })).filter((file) => /\.(jsx?|tsx?|html?)$/.test(file)).length;
  result = await runElectronegativity(
    { input: scanDir, isRelative: true, excludeFromScan: EXCLUDED_CHECKS, electronVersionOverride: electronVersion },
    false,
  );
} finally {
  await rm(scanDir, { recursive: true, force: true });
}

const { issues, errors } = result;
const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((name) => [name, 0]));
for (const issue of issues) bySeverity[issue.severity.name] = (bySeverity[issue.severity.name] ?? 0) + 1;
const describe = (issue) =>
  `${issue.severity.name} ${issue.confidence.name} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column}` +
  `${issue.manualReview ? ' (review)' : ''}\n    ${issue.description}`;

console.log(
  `Electronegativity on ${SOURCES.join(', ')} (Electron ${electronVersion}): ${scannedFiles} files, ` +
    `${result.atomicChecks} file checks, ${result.globalChecks} global checks, ${errors.length} parse warnings.`,
);
console.log(`Findings by severity: ${SEVERITY_ORDER.map((name) => `${name} ${bySeverity[name]}`).join(', ')}.`);
for (const issue of issues) console.log(`  ${describe(issue)}`);

const blocking = issues.filter((issue) => SEVERITY_ORDER.indexOf(issue.severity.name) > SEVERITY_ORDER.indexOf('LOW'));
const unparsed = errors.filter((error) => !error.tolerable);
for (const error of unparsed) console.error(`Could not check ${error.file}: ${error.message}`);
if (blocking.length > 0 || unparsed.length > 0) {
  console.error(
    `\n${blocking.length} finding(s) above LOW and ${unparsed.length} file(s) not checked. Fix each finding, or, when it ` +
      'is a false positive, add `// eng-disable CHECK_ID` on the reported line with a comment that says why.',
  );
  process.exit(1);
}
console.log('No finding above LOW.');
