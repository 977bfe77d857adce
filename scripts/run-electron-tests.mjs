// `npm run test:electron`: the integration tests of test/integration (not the Restricted Mode
// suite, which needs the offline harness's second server with workspace trust on), but in
// desktop VS Code via @vscode/test-electron (the standard way). It downloads VS Code into
// .vscode-test/, so it needs internet and a display (xvfb-run on Linux CI); that is why the
// offline code-server harness (run-integration.mjs) is the one `npm test` uses.
// VSCODE_VERSION picks the VS Code release (default: stable); VSCODE_EXECUTABLE uses a local install.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildExtension, buildTests } from './build-tests.mjs';
import { ROOT } from './vscode-server.mjs';

const FIXTURE = path.join(ROOT, 'test', 'integration', 'fixtures', 'workspace');

try {
  buildExtension();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const extensionTestsPath = await buildTests();

// Copy the fixture so state the extension writes (e.g. .corpus/) never lands in the repository.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-electron-'));
const folder = path.join(tmp, 'workspace');
fs.cpSync(FIXTURE, folder, { recursive: true });

let code = 0;
try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    ...(process.env.VSCODE_VERSION ? { version: process.env.VSCODE_VERSION } : {}),
    launchArgs: [
      folder,
      '--disable-extensions', // only the extension under development
      // runTests adds --no-sandbox, --disable-workspace-trust, --skip-welcome etc. itself.
      '--user-data-dir', path.join(tmp, 'user-data'), // short path (socket length) and a clean profile
    ],
  });
} catch (err) {
  console.error(`Integration tests failed: ${err instanceof Error ? err.message : err}`);
  code = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
