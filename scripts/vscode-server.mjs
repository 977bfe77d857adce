// Installs (once, cached) and starts a real VS Code server: code-server, which is VS Code's
// own workbench + extension host served over HTTP. We use it instead of a downloaded VS Code
// because it installs from the npm registry alone, so tests, demo and screenshots work offline.
// Shared by run-integration.mjs, demo.mjs and screenshots.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// 4.100.3 = VS Code 1.100.3, the last line whose server runs on Node 20.
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
const TOOLS_DIR = path.join(ROOT, '.cache', 'vscode-server', CODE_SERVER_VERSION);
// Written last: its presence means every step below finished, so later runs skip the install.
const MARKER = path.join(TOOLS_DIR, '.install-complete');
const CODE_SERVER_DIR = path.join(TOOLS_DIR, 'node_modules', 'code-server');
const ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

/** Runs a command, sending its output to `logFile`; rejects with the log tail on failure. */
function run(cmd, args, cwd, logFile, env = {}) {
  return new Promise((resolve, reject) => {
    fs.appendFileSync(logFile, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', out, out], env: { ...process.env, npm_config_yes: 'true', ...env } });
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}) in ${cwd}\n${tail}\nFull log: ${logFile}`));
    });
  });
}

function which(bin) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, bin);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/**
 * Makes sure code-server is installed under .cache/vscode-server/<version>/ and returns its entry.
 * code-server's own postinstall downloads things, so we skip every install script and do by hand
 * what it would do, using only the npm registry and Debian's ripgrep.
 */
export async function ensureServer(log = console.log) {
  if (fs.existsSync(MARKER) && fs.existsSync(ENTRY)) return ENTRY;
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (`rg`) is required: apt-get install -y ripgrep (see .ci/run)');
  const started = Date.now();
  log(`[vscode-server] installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, TOOLS_DIR)} (first run only, ~3 min)…`);
  // Start from scratch: a folder without the marker is a broken half-install.
  fs.rmSync(TOOLS_DIR, { recursive: true, force: true });
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  // Own package.json, or npm would walk up and install into the repository's node_modules.
  fs.writeFileSync(path.join(TOOLS_DIR, 'package.json'), JSON.stringify({ name: 'vscode-server-tools', private: true }) + '\n');
  const logFile = path.join(TOOLS_DIR, 'install.log');
  fs.writeFileSync(logFile, '');
  const vscodeDir = path.join(CODE_SERVER_DIR, 'lib', 'vscode');
  const step = async (what, fn) => { log(`[vscode-server]   ${what}`); await fn(); };

  await step('npm install code-server', () =>
    run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], TOOLS_DIR, logFile));
  await step('install VS Code server dependencies', () =>
    run('npm', ['install', '--unsafe-perm', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir, logFile));
  await step('build native modules', () =>
    run('npm', ['rebuild', 'kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'], vscodeDir, logFile));
  await step('link ripgrep, asar and helper scripts', async () => {
    // @vscode/ripgrep's postinstall would download rg from GitHub; Debian's binary does the same job.
    const rgDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(rgDir, { recursive: true });
    fs.copyFileSync(rg, path.join(rgDir, 'rg'));
    fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
    // The server resolves modules through node_modules.asar (normally created by the build).
    symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
    symlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    symlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  });
  await step('install built-in extension dependencies', () =>
    run('npm', ['install', '--unsafe-perm', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], path.join(vscodeDir, 'extensions'), logFile));
  await step('build argon2', () => run('npm', ['rebuild', 'argon2'], TOOLS_DIR, logFile));
  if (!fs.existsSync(ENTRY)) throw new Error(`code-server entry missing after install: ${ENTRY}`);
  fs.writeFileSync(MARKER, `${new Date().toISOString()}\n`);
  log(`[vscode-server] installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return ENTRY;
}

function symlink(target, linkPath) {
  fs.mkdirSync(path.dirname(linkPath), { recursive: true });
  fs.rmSync(linkPath, { force: true, recursive: true });
  fs.symlinkSync(target, linkPath);
}

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** `preferred` if it can be bound on `host`, otherwise any free port. */
export async function freePort(preferred, host = '127.0.0.1') {
  if (preferred && (await portIsFree(preferred, host))) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The workbench URL. code-server's CLI rejects --extensionDevelopmentPath/--extensionTestsPath,
 * but the web workbench reads the same options from the `payload` query parameter; paths must be
 * vscode-remote URIs because the extension host runs on the server side.
 */
export function workbenchUrl(port, folder, { extensionDevelopmentPath, extensionTestsPath, host = '127.0.0.1' } = {}) {
  // The payload's authority must be the host:port the browser uses, or the paths won't resolve.
  const base = `http://${host}:${port}/`;
  const remote = (p) => `vscode-remote://${host}:${port}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  let url = `${base}?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Starts code-server on `folder` and waits until it answers HTTP. Everything it writes (settings,
 * extensions, logs, XDG dirs) goes to a fresh temp dir so runs never see the user's VS Code state.
 * Workspace trust is off unless `workspaceTrust` is true: then the folder opens in Restricted
 * Mode (the browser profile is fresh, so it has trusted nothing), without the startup dialog.
 * Returns { port, baseUrl, url(opts), tmpDir, output(), exited, stop() }; stop() kills the process group.
 */
export async function startServer({ folder, port, host = '127.0.0.1', log = console.log, verbose = false, settings = {}, extensionsDir = null, workspaceTrust = false }) {
  const entry = await ensureServer(log);
  port = await freePort(port, host);
  // Where this machine reaches the server (a wildcard bind address is not a URL host).
  const localHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-vscode-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const xdg = path.join(tmpDir, 'xdg');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  // Quiet, deterministic workbench: no welcome page, no trust prompt, no telemetry popups.
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': workspaceTrust,
    // With trust on: no modal "Do you trust the authors?" dialog (it would block the workbench
    // UI), no banner; the folder simply opens restricted.
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    ...settings,
  }, null, 2));
  for (const d of ['config', 'data', 'cache']) fs.mkdirSync(path.join(xdg, d), { recursive: true });

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir ?? path.join(tmpDir, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    path.resolve(folder),
  ];
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true, // own process group, so stop() also kills the extension host and pty helpers
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(xdg, 'config'),
      XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_CACHE_HOME: path.join(xdg, 'cache'),
      EXTENSIONS_GALLERY: '{}', // no marketplace: offline, and nothing gets auto-installed
    },
  });
  const onData = (chunk) => {
    const s = chunk.toString();
    output += s;
    if (verbose) process.stdout.write(s.replace(/^/gm, '[server] '));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = server.stopping = true;
    if (exited === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
      if (exited === null) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  const server = {
    port,
    tmpDir,
    baseUrl: `http://${localHost}:${port}/`,
    url: (opts) => workbenchUrl(port, folder, { host: localHost, ...opts }),
    output: () => output,
    exited: exitedPromise, // resolves with { code, signal } when the server process ends
    stopping: false, // true once stop() was called, so an exit after it is not a crash
    stop,
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${output}`);
    }
    try {
      const res = await globalThis.fetch(`${server.baseUrl}healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${server.baseUrl} within 60 s:\n${output}`);
    }
    await sleep(200);
  }
  return server;
}

/**
 * Runs `cleanup` on Ctrl-C / SIGTERM / SIGHUP (then exits 130), exactly once, so that no server
 * or browser outlives the script. Returns the same once-only cleanup for the normal path.
 */
export function onShutdown(cleanup) {
  let done = null;
  const once = () => (done ??= Promise.resolve().then(cleanup).catch((e) => console.error('cleanup failed:', e)));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // `on`, not `once`: a listener must stay registered while the async cleanup runs, or other
    // libraries' handlers see none left and exit early. A repeated signal (npm run and the
    // terminal both deliver Ctrl-C) just waits for the same cleanup, which is bounded (~5 s).
    process.on(sig, async () => {
      if (!done) console.error(`\nReceived ${sig}, shutting down…`);
      await once();
      process.exit(130);
    });
  }
  return once;
}
