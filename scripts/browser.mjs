// Launches the headless Chromium that drives the VS Code web workbench (Debian's /usr/bin/chromium
// via playwright-core, so nothing is downloaded). Shared by run-integration, screenshots and tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Fresh profile per run (no cached workbench state between runs). close() closes the browser
 * first and only then deletes the profile, which Chromium keeps writing to until it exits.
 */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    // Playwright would otherwise close the browser and exit(130) on Ctrl-C before our own
    // handler (vscode-server.mjs onShutdown) has stopped the server and removed temp dirs.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // No sandbox: CI runs as root. The rest keeps Chromium from phoning home (we are offline).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  return { context, page, close };
}

/**
 * Runs "Corpus: Show Timeline" from the command palette, as a user would, and waits until the
 * page has drawn its events. Returns the page's frame (the webview sits in two nested iframes).
 */
export async function openTimeline(page) {
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget input');
  await palette.waitFor({ state: 'visible' });
  await palette.fill('>Corpus: Show Timeline');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Timeline' }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await webview.locator('.ev').first().waitFor({ state: 'visible', timeout: 60_000 });
  return webview;
}
