// Bundles test/integration/*.ts into out/test/integration/*.js (cjs, node). `vscode` is provided
// by the extension host and `mocha` must stay one shared instance (index.js runs it, the test
// files register on its globals), so both stay external.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './vscode-server.mjs';

export const TEST_OUT = path.join(ROOT, 'out', 'test', 'integration');
export const TEST_ENTRY = path.join(TEST_OUT, 'index.js');

/**
 * Builds the extension exactly as it ships (`node esbuild.mjs`), so the harnesses exercise
 * dist/extension.js rather than the sources. Throws if the build fails.
 */
export function buildExtension() {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`extension build failed (node esbuild.mjs exited ${r.status})`);
}

export async function buildTests() {
  const srcDir = path.join(ROOT, 'test', 'integration');
  const entryPoints = fs.readdirSync(srcDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(srcDir, f));
  // Start clean so a deleted test file does not keep running from a stale bundle.
  fs.rmSync(TEST_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: TEST_OUT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'], // jsonc-parser's UMD build hides its requires from the bundler
    logLevel: 'warning',
  });
  return TEST_ENTRY;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildTests();
