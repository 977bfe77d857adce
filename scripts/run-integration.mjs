// `npm run test:integration`: runs test/integration (mocha) inside a real VS Code extension host,
// offline. VS Code = code-server (scripts/vscode-server.mjs); its web workbench is driven by
// headless Chromium (scripts/browser.mjs). Then a UI smoke check looks for the "Corpus" activity
// bar item and saves out/smoke.png. Exit code: 0 only if every mocha test and the smoke check pass.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExtension, buildTests, TEST_ENTRY } from './build-tests.mjs';
import { launchBrowser } from './browser.mjs';
import { ensureServer, onShutdown, ROOT, startServer } from './vscode-server.mjs';

const FIXTURE = path.join(ROOT, 'test', 'integration', 'fixtures', 'workspace');
const OUT = path.join(ROOT, 'out');
const CONSOLE_LOG = path.join(OUT, 'integration-console.log');
const SMOKE_PNG = path.join(OUT, 'smoke.png');
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS) || 5 * 60_000;
const TEST_RUN_TIMEOUT_MS = 3 * 60_000;
const VERBOSE = !!process.env.VERBOSE; // VERBOSE=1 also streams server output and the whole browser console
const START_MARKER = '[corpus-lens integration tests]'; // printed first by test/integration/index.ts
const SUMMARY_RE = /^(\d+) passed, (\d+) failed$/;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[integration] ${msg}`);

let server = null;
const browsers = new Set();
let workspaceCopy = null;
const cleanup = onShutdown(async () => {
  // Browser first (it holds connections to the server), temp dirs last.
  for (const b of browsers) await b.close();
  if (server) await server.stop();
  if (workspaceCopy) fs.rmSync(workspaceCopy, { recursive: true, force: true });
});

let timedOut = false;
const overall = setTimeout(async () => {
  timedOut = true; // the main flow will now fail on the closed browser; don't report that too
  console.error(`\n[integration] FAILED: timed out after ${TIMEOUT_MS / 1000} s (set INTEGRATION_TIMEOUT_MS to change). Browser console: ${CONSOLE_LOG}`);
  await cleanup();
  process.exit(1);
}, TIMEOUT_MS);

/** Workbench console lines look like "%c INFO color: #33f <text>"; keep the text. */
function consoleText(msg) {
  return msg.text().replace(/^%c\s*(TRACE|DEBUG|INFO|WARN|ERR|ERROR)\s+color:\s*\S+\s?/, '');
}

/** Loads the workbench with the extension + test entry and resolves with mocha's results. */
async function runMochaSuite(consoleLog) {
  const browser = await launchBrowser();
  browsers.add(browser);
  const { page } = browser;
  const result = { exitCode: null, passed: 0, failed: 0, summary: false, lines: [] };
  let inMocha = false;
  // The workbench calls window.codeAutomationExit(code) when the test module's run() settles:
  // 0 if it resolved, non-zero if it rejected. That, not the server's exit status, is the verdict.
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  page.on('console', (msg) => {
    const text = consoleText(msg);
    consoleLog.write(`[${msg.type()}] ${text}\n`);
    for (const line of text.split('\n')) {
      if (line === START_MARKER) { inMocha = true; continue; }
      const summary = SUMMARY_RE.exec(line.trim());
      if (inMocha) {
        console.log(line);
        result.lines.push(line);
      } else if (VERBOSE || (msg.type() === 'error' && !/Failed to load resource/.test(line))) {
        console.log(`[workbench ${msg.type()}] ${line}`);
      }
      if (summary && inMocha) {
        result.summary = true;
        result.passed = Number(summary[1]);
        result.failed = Number(summary[2]);
        inMocha = false;
      }
    }
  });
  page.on('pageerror', (err) => {
    consoleLog.write(`[pageerror] ${err.stack || err}\n`);
    console.log(`[workbench pageerror] ${err.message}`);
  });
  const url = server.url({ extensionDevelopmentPath: ROOT, extensionTestsPath: TEST_ENTRY });
  if (VERBOSE) log(`opening ${url}`);
  await page.goto(url, { timeout: 60_000 });
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), TEST_RUN_TIMEOUT_MS); });
  const code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (code === 'timeout') {
    console.error(`[integration] the test run did not finish within ${TEST_RUN_TIMEOUT_MS / 1000} s`);
    result.exitCode = 1;
  } else {
    result.exitCode = code;
  }
  await browser.close();
  browsers.delete(browser);
  return result;
}

/** Opens the workbench with only the extension and checks the "Corpus" container in the activity bar. */
async function smokeCheck() {
  const browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
  browsers.add(browser);
  const { page } = browser;
  try {
    await page.goto(server.url({ extensionDevelopmentPath: ROOT }), { timeout: 60_000 });
    await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    // Containers contributed by extensions appear once the extension host has registered them.
    const item = page.locator('.part.activitybar .action-item a[aria-label^="Corpus"]').first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await item.click();
    // Its views render in the side bar; "Documents" is one of ours.
    await page.locator('.part.sidebar .pane-header', { hasText: 'Documents' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: SMOKE_PNG });
    log(`smoke check passed: "Corpus" view container shown, screenshot ${path.relative(ROOT, SMOKE_PNG)}`);
    return true;
  } catch (err) {
    await page.screenshot({ path: SMOKE_PNG }).catch(() => {});
    console.error(`[integration] smoke check FAILED: ${err.message.split('\n')[0]} (screenshot: ${path.relative(ROOT, SMOKE_PNG)})`);
    return false;
  } finally {
    await browser.close();
    browsers.delete(browser);
  }
}

let exitCode = 1;
try {
  await ensureServer((m) => console.log(m));
  log('building extension and tests');
  buildExtension();
  await buildTests();
  fs.mkdirSync(OUT, { recursive: true });
  // Run on a copy: the extension may write state (e.g. .corpus/) into the workspace folder.
  workspaceCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-fixture-'));
  const folder = path.join(workspaceCopy, 'workspace');
  fs.cpSync(FIXTURE, folder, { recursive: true });
  server = await startServer({ folder, verbose: VERBOSE });
  log(`VS Code server on ${server.baseUrl} (${elapsed()}), running mocha in the extension host…`);

  const consoleLog = fs.createWriteStream(CONSOLE_LOG);
  const mocha = await runMochaSuite(consoleLog);
  consoleLog.end();
  let mochaOk = mocha.exitCode === 0 && mocha.summary && mocha.failed === 0 && mocha.passed > 0;
  if (!mocha.summary) {
    console.error(`[integration] no mocha summary seen (exit code ${mocha.exitCode}); did the test entry load? Browser console: ${path.relative(ROOT, CONSOLE_LOG)}`);
    if (VERBOSE === false) console.error(server.output().split('\n').slice(-30).join('\n'));
  } else if (mocha.exitCode !== 0 && mocha.failed === 0) {
    console.error(`[integration] the extension host reported exit code ${mocha.exitCode}`);
    mochaOk = false;
  }

  log(`running UI smoke check (${elapsed()})`);
  const smokeOk = await smokeCheck();

  const passed = mocha.passed + (smokeOk ? 1 : 0);
  const failed = mocha.failed + (smokeOk ? 0 : 1) + (mocha.summary || mochaOk ? 0 : 1);
  exitCode = mochaOk && smokeOk ? 0 : 1;
  log(`${exitCode === 0 ? 'PASSED' : 'FAILED'} in ${elapsed()} (mocha tests + 1 UI smoke check)`);
  console.log(`${passed} passed, ${failed} failed`);
} catch (err) {
  if (!timedOut) console.error(`[integration] FAILED: ${err.stack || err}`);
  exitCode = 1;
} finally {
  clearTimeout(overall);
  await cleanup();
}
process.exit(exitCode);
