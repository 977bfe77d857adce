// Test entry loaded by VS Code's extension host (the `extensionTestsPath`), both in the offline
// code-server harness (scripts/run-integration.mjs) and under @vscode/test-electron
// (scripts/run-electron-tests.mjs). VS Code calls run(); a rejection makes the host exit non-zero.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** First line of the run; scripts/run-integration.mjs prints from here to the summary line. */
export const START_MARKER = '[corpus-lens integration tests]';

export function run(): Promise<void> {
  // Reporters print through Base.consoleLog with printf-style arguments. The web host forwards
  // console.log to the browser console without substituting them, so format here, once.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  console.log(START_MARKER);
  // INTEGRATION_GREP=<regexp> (in the environment of `npm run test:integration`, which the
  // server and its extension host inherit) runs only the matching tests, for quicker iteration.
  const grep = process.env.INTEGRATION_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  // The bundled tests sit next to this file in out/test/integration/.
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      // The spec reporter prints through console.log, which the extension host forwards to the
      // workbench (browser console in the web host, stdout under test-electron).
      const runner = mocha.run((failures) => {
        const { passes = 0, failures: failed = failures } = runner.stats ?? {};
        console.log(`${passes} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
