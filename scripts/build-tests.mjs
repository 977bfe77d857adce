// Bundles test/<suite>/*.ts into out/test/<suite>/*.js (cjs, node); the suites are
// test/integration (trusted workspace) and test/integration-restricted (Restricted Mode).
// `vscode` is provided by the extension host and `mocha` must stay one shared instance
// (index.js runs it, the test files register on its globals), so both stay external.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './vscode-server.mjs';

/** The test entry (`extensionTestsPath`) of a suite once built. */
export const testEntry = (suite = 'integration') => path.join(ROOT, 'out', 'test', suite, 'index.js');
export const TEST_ENTRY = testEntry('integration');

/**
 * Builds the extension exactly as it ships (`node esbuild.mjs`), so the harnesses exercise
 * dist/extension.js rather than the sources. Throws if the build fails.
 */
export function buildExtension() {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`extension build failed (node esbuild.mjs exited ${r.status})`);
}

/** Builds one suite (a folder under test/) and returns its entry. */
export async function buildTests(suite = 'integration') {
  const srcDir = path.join(ROOT, 'test', suite);
  const outDir = path.dirname(testEntry(suite));
  const entryPoints = fs.readdirSync(srcDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(srcDir, f));
  // Start clean so a deleted test file does not keep running from a stale bundle.
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'], // jsonc-parser's UMD build hides its requires from the bundler
    logLevel: 'warning',
  });
  return testEntry(suite);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildTests('integration');
  await buildTests('integration-restricted');
}
