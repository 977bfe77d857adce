// Checks the packaged extension the way a user gets it: installs dist/corpus-lens.vsix with the
// VS Code server's own `--install-extension`, starts the server WITHOUT extensionDevelopmentPath on
// a copy of the integration fixture, and waits in Chromium until the Documents view lists a
// fixture document, which only happens once the installed extension has activated and indexed.
//   node scripts/check-vsix.mjs [path/to.vsix]     (run after `npm run package`)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { ensureServer, onShutdown, ROOT, startServer } from './vscode-server.mjs';

const vsix = path.resolve(process.argv[2] || path.join(ROOT, 'dist', 'corpus-lens.vsix'));
const FIXTURE = path.join(ROOT, 'test', 'integration', 'fixtures', 'workspace');
const PNG = path.join(ROOT, 'out', 'vsix.png');
const log = (m) => console.log(`[vsix] ${m}`);

let server = null;
let browser = null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-vsix-'));
const cleanup = onShutdown(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

let ok = false;
try {
  if (!fs.existsSync(vsix)) throw new Error(`${path.relative(ROOT, vsix)} not found: run npm run package first`);
  log(`${path.relative(ROOT, vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`);
  const entry = await ensureServer(log);
  const extensionsDir = path.join(tmp, 'extensions');
  const install = spawnSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdg'), EXTENSIONS_GALLERY: '{}' },
  });
  const installOut = `${install.stdout}${install.stderr}`;
  if (install.status !== 0 || !/successfully installed/i.test(installOut)) throw new Error(`install failed (exit ${install.status}):\n${installOut}`);
  log(installOut.trim().split('\n').pop());

  const folder = path.join(tmp, 'workspace');
  fs.cpSync(FIXTURE, folder, { recursive: true });
  server = await startServer({ folder, extensionsDir, log });
  browser = await launchBrowser();
  const { page } = browser;
  await page.goto(server.url(), { timeout: 60_000 });
  const item = page.locator('.part.activitybar .action-item a[aria-label^="Corpus"]').first();
  await item.waitFor({ state: 'visible', timeout: 60_000 });
  await item.click();
  // A tree row with a fixture document's title: the installed extension activated and indexed.
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Russian Foreign Minister Sergey Lavrov' }).first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.screenshot({ path: PNG });
  log(`installed extension activated and indexed the fixture (screenshot ${path.relative(ROOT, PNG)})`);
  ok = true;
} catch (err) {
  if (browser) await browser.page.screenshot({ path: PNG }).catch(() => {});
  console.error(`[vsix] FAILED: ${err.message}`);
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
