// `npm run screenshots`: README images of the real workbench. Starts the VS Code server with the
// extension on (a copy of) samples/corpus, drives it with headless Chromium at 1400x900, opens the
// Corpus view container and a document, then the timeline (command palette), and writes PNGs to media/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExtension } from './build-tests.mjs';
import { launchBrowser } from './browser.mjs';
import { onShutdown, ROOT, startServer } from './vscode-server.mjs';

const SAMPLES = path.join(ROOT, 'samples', 'corpus');
const MEDIA = path.join(ROOT, 'media');
const TIMEOUT_MS = Number(process.env.SCREENSHOTS_TIMEOUT_MS) || 4 * 60_000;
// Preferred document to show (Arabic text shows off the highlighting); else the first .txt.
const PREFERRED_DOC = process.env.SCREENSHOT_DOC || '2018-09-17-sochi-idlib-memorandum.txt';

let server = null;
let browser = null;
let tmp = null;
const cleanup = onShutdown(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});
const overall = setTimeout(async () => {
  console.error(`[screenshots] FAILED: timed out after ${TIMEOUT_MS / 1000} s`);
  await cleanup();
  process.exit(1);
}, TIMEOUT_MS);

async function shot(page, name) {
  const file = path.join(MEDIA, name);
  await page.screenshot({ path: file });
  console.log(`[screenshots] wrote ${path.relative(ROOT, file)}`);
}

let exitCode = 1;
try {
  buildExtension();
  // A copy named "corpus", so the extension's state files never land in samples/ and the
  // window title still reads "corpus".
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-shots-'));
  const folder = path.join(tmp, 'corpus');
  fs.cpSync(SAMPLES, folder, { recursive: true });
  const docs = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  const doc = docs.includes(PREFERRED_DOC) ? PREFERRED_DOC : docs[0];

  // Word wrap: Arabic lines are long, and wrapped they read in full in the picture.
  server = await startServer({ folder, verbose: !!process.env.VERBOSE, settings: { 'editor.wordWrap': 'on' } });
  browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
  const { page } = browser;
  page.setDefaultTimeout(60_000);
  await page.goto(server.url({ extensionDevelopmentPath: ROOT }));
  await page.locator('.part.activitybar').waitFor({ state: 'visible' });

  // 1. The Corpus view container.
  const corpusItem = page.locator('.part.activitybar .action-item a[aria-label^="Corpus"]').first();
  await corpusItem.waitFor({ state: 'visible', timeout: 30_000 });
  await corpusItem.click();
  await page.locator('.part.sidebar .pane-header', { hasText: 'Documents' }).first().waitFor({ state: 'visible' });

  // 2. A document in the editor. Through Quick Open rather than the tree, so it does not depend on
  // how the Documents view labels its items.
  if (doc) {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }); // focus the workbench
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(doc);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  } else {
    console.warn('[screenshots] samples/corpus has no .txt documents yet; the editor stays empty');
  }
  // Let the index, tree views and decorations settle (they update asynchronously).
  await page.waitForTimeout(Number(process.env.SCREENSHOT_SETTLE_MS) || 3000);
  await page.mouse.move(1390, 890); // no hover widgets or tooltips in the picture
  await page.waitForTimeout(300);
  fs.mkdirSync(MEDIA, { recursive: true });
  await shot(page, 'screenshot-workbench.png');

  // 3. The timeline, through the command palette as a user would run it. The side bar is
  // hidden so the chart gets the width; the webview sits in two nested iframes.
  await page.keyboard.press('Control+B');
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget input');
  await palette.waitFor({ state: 'visible' });
  await palette.fill('>Corpus: Show Timeline');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Timeline' }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await webview.locator('.ev').first().waitFor({ state: 'visible', timeout: 60_000 });
  // Select an Arabic sentence that names an agreement by its date, so the details pane shows it.
  const linked = webview.locator('.ev.linked').first();
  if (await linked.count()) await linked.focus();
  await page.waitForTimeout(Number(process.env.SCREENSHOT_SETTLE_MS) || 1500);
  await shot(page, 'screenshot-timeline.png');
  exitCode = 0;
} catch (err) {
  console.error(`[screenshots] FAILED: ${err.stack || err}`);
  fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  if (browser) await browser.page.screenshot({ path: path.join(ROOT, 'out', 'screenshots-failure.png') }).catch(() => {});
} finally {
  clearTimeout(overall);
  await cleanup();
}
process.exit(exitCode);
