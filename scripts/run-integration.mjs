// `npm run test:integration`: runs test/integration (mocha) inside a real VS Code extension host,
// offline. VS Code = code-server (scripts/vscode-server.mjs); its web workbench is driven by
// headless Chromium (scripts/browser.mjs). Then a UI smoke check looks for the "Corpus" activity
// bar item, saves out/smoke.png and drives the timeline's page (its document box). Then a second server, with workspace trust on, runs
// test/integration-restricted on a folder it does not trust (Restricted Mode).
// Exit code: 0 only if every mocha test of both suites and the smoke check pass.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExtension, buildTests } from './build-tests.mjs';
import { launchBrowser, openTimeline } from './browser.mjs';
import { ensureServer, onShutdown, ROOT, startServer } from './vscode-server.mjs';

const OUT = path.join(ROOT, 'out');
/** The mocha suites: a folder under test/ with index.ts, *.test.ts and fixtures/workspace/. */
const SUITES = [
  // The UI smoke check runs on this suite's server, after its tests.
  { suite: 'integration', workspaceTrust: false, consoleLog: path.join(OUT, 'integration-console.log'), smoke: true },
  // Workspace trust on, folder untrusted; its last tests grant trust through the Workspace Trust editor.
  { suite: 'integration-restricted', workspaceTrust: true, consoleLog: path.join(OUT, 'integration-restricted-console.log'), onPage: grantTrustWhenAsked },
];
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
const workspaceCopies = new Set();
const cleanup = onShutdown(async () => {
  // Browser first (it holds connections to the server), temp dirs last.
  for (const b of browsers) await b.close();
  if (server) await server.stop();
  for (const dir of workspaceCopies) fs.rmSync(dir, { recursive: true, force: true });
});

let timedOut = false;
const overall = setTimeout(async () => {
  timedOut = true; // the main flow will now fail on the closed browser; don't report that too
  console.error(`\n[integration] FAILED: timed out after ${TIMEOUT_MS / 1000} s (set INTEGRATION_TIMEOUT_MS to change). Browser console: ${OUT}/integration*-console.log`);
  await cleanup();
  process.exit(1);
}, TIMEOUT_MS);

/** Workbench console lines look like "%c INFO color: #33f <text>"; keep the text. */
function consoleText(msg) {
  return msg.text().replace(/^%c\s*(TRACE|DEBUG|INFO|WARN|ERR|ERROR)\s+color:\s*\S+\s?/, '');
}

/**
 * What a user does when a test runs "Workspaces: Manage Workspace Trust": press "Trust" in the
 * Workspace Trust editor. Runs alongside the mocha run; the extension host cannot grant trust itself.
 */
async function grantTrustWhenAsked(page) {
  const button = page.locator('.workspace-trust-editor .workspace-trust-buttons-row .monaco-button', { hasText: /^Trust$/ }).first();
  try {
    await button.waitFor({ state: 'visible', timeout: TEST_RUN_TIMEOUT_MS });
    await button.click();
    log('pressed "Trust" in the Workspace Trust editor');
  } catch {
    /* the page closed, or no test asked: the tests waiting for trust report it */
  }
}

/** Loads the workbench with the extension + test entry and resolves with mocha's results. */
async function runMochaSuite(entry, consoleLog, onPage) {
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
  const url = server.url({ extensionDevelopmentPath: ROOT, extensionTestsPath: entry });
  if (VERBOSE) log(`opening ${url}`);
  await page.goto(url, { timeout: 60_000 });
  void onPage?.(page);
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
    log(`smoke check: "Corpus" view container shown, screenshot ${path.relative(ROOT, SMOKE_PNG)}`);
    await timelinePageCheck(page);
    log('smoke check passed: the timeline page found a document through the host and drew only its events');
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

/**
 * The timeline's page in a real webview, as a user drives it: the palette opens the timeline,
 * the document box is typed into (without the hamza of «أوغلو»), the host's suggestions come
 * back to the page, and choosing one leaves that document's events alone on the chart.
 */
async function timelinePageCheck(page) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
  const webview = await openTimeline(page);
  const status = webview.locator('.status');
  const lanes = async () => Number(/· (\d+) lanes/.exec((await status.textContent()) ?? '')?.[1]);
  const before = await lanes();
  if (!(before > 1)) throw new Error(`the timeline shows ${before} lanes before a document is chosen (status: ${await status.textContent()})`);
  const box = webview.locator('input[aria-label^="Filter by document"]');
  await box.click();
  await box.pressSequentially('جاويش اوغلو', { delay: 30 });
  const suggestion = webview.locator('#document-suggestions li[role="option"]', { hasText: 'lavrov-cavusoglu-arabic.txt' });
  await suggestion.waitFor({ state: 'visible', timeout: 15_000 });
  await box.press('Enter');
  await webview.locator('.status', { hasText: /· 1 lanes$/ }).waitFor({ timeout: 15_000 });
  const chosen = await box.inputValue();
  if (!chosen.includes('جاويش أوغلو')) throw new Error(`the document box shows «${chosen}», not the chosen document's title`);
}

/**
 * Starts a server on a fresh copy of the suite's fixture folder, runs the suite's mocha tests
 * (and the smoke check if asked), stops the server. Resolves with mocha's results, `ok` and `smokeOk`.
 */
async function runSuite({ suite, workspaceTrust, consoleLog: consoleLogPath, onPage, smoke = false }) {
  // Run on a copy: the extension may write state (e.g. .corpus/) into the workspace folder.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-fixture-'));
  workspaceCopies.add(copy);
  const folder = path.join(copy, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', suite, 'fixtures', 'workspace'), folder, { recursive: true });
  try {
    const entry = await buildTests(suite);
    server = await startServer({ folder, verbose: VERBOSE, workspaceTrust });
    log(`VS Code server on ${server.baseUrl}${workspaceTrust ? ' (workspace trust on)' : ''} (${elapsed()}), running test/${suite} in the extension host…`);
    const consoleLog = fs.createWriteStream(consoleLogPath);
    const mocha = await runMochaSuite(entry, consoleLog, onPage);
    consoleLog.end();
    let ok = mocha.exitCode === 0 && mocha.summary && mocha.failed === 0 && mocha.passed > 0;
    if (!mocha.summary) {
      console.error(`[integration] test/${suite}: no mocha summary seen (exit code ${mocha.exitCode}); did the test entry load? Browser console: ${path.relative(ROOT, consoleLogPath)}`);
      if (VERBOSE === false) console.error(server.output().split('\n').slice(-30).join('\n'));
    } else if (mocha.exitCode !== 0 && mocha.failed === 0) {
      console.error(`[integration] test/${suite}: the extension host reported exit code ${mocha.exitCode}`);
      ok = false;
    }
    let smokeOk;
    if (smoke) {
      log(`running UI smoke check (${elapsed()})`);
      smokeOk = await smokeCheck();
    }
    return { ...mocha, ok, smokeOk };
  } finally {
    if (server) await server.stop();
    server = null;
    fs.rmSync(copy, { recursive: true, force: true });
    workspaceCopies.delete(copy);
  }
}

let exitCode = 1;
try {
  await ensureServer((m) => console.log(m));
  log('building extension and tests');
  buildExtension();
  fs.mkdirSync(OUT, { recursive: true });

  let passed = 0;
  let failed = 0;
  let allOk = true;
  // INTEGRATION_SUITES=integration-restricted (comma-separated) runs only those suites, for quicker iteration.
  const only = process.env.INTEGRATION_SUITES?.split(',').map((x) => x.trim());
  const suites = SUITES.filter((x) => !only || only.includes(x.suite));
  if (suites.length === 0) throw new Error(`INTEGRATION_SUITES=${process.env.INTEGRATION_SUITES} names no suite (${SUITES.map((x) => x.suite).join(', ')})`);
  for (const spec of suites) {
    const result = await runSuite(spec);
    passed += result.passed + (result.smokeOk === true ? 1 : 0);
    // A suite that never reported counts as one failure.
    failed += result.failed + (result.summary || result.ok ? 0 : 1) + (result.smokeOk === false ? 1 : 0);
    allOk &&= result.ok && result.smokeOk !== false;
    log(`test/${spec.suite}: ${result.passed} passed, ${result.failed} failed (${elapsed()})`);
  }
  exitCode = allOk ? 0 : 1;
  const smoke = suites.some((x) => x.smoke) ? ' + 1 UI smoke check' : '';
  log(`${exitCode === 0 ? 'PASSED' : 'FAILED'} in ${elapsed()} (mocha tests of ${suites.map((x) => `test/${x.suite}`).join(' and ')}${smoke})`);
  console.log(`${passed} passed, ${failed} failed`);
} catch (err) {
  if (!timedOut) console.error(`[integration] FAILED: ${err.stack || err}`);
  exitCode = 1;
} finally {
  clearTimeout(overall);
  await cleanup();
}
process.exit(exitCode);
