// `npm run demo`: VS Code in your browser with Corpus Lens loaded on samples/corpus.
// Works from a fresh clone: installs npm dependencies and the VS Code server if missing, builds,
// starts the server and prints the URL. Runs until Ctrl-C.
//   PORT=9000 npm run demo     (default 8080, or any free port if that one is taken)
//   HOST=0.0.0.0 npm run demo  (listen on all interfaces, e.g. inside a container)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Before importing anything from node_modules: npm dependencies and the Debian packages the
// VS Code server needs (the browser is the user's own, so Chromium is not required here).
{
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-system.mjs'), '--no-browser'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { ensureServer, onShutdown, startServer } = await import('./vscode-server.mjs');
const { buildExtension } = await import('./build-tests.mjs');

const folder = path.join(ROOT, 'samples', 'corpus');
fs.mkdirSync(folder, { recursive: true }); // may still be empty; the workbench opens it anyway
const port = Number(process.env.PORT) || 8080;
const host = process.env.HOST || '127.0.0.1';

let server = null;
const cleanup = onShutdown(async () => { if (server) await server.stop(); });
try {
  await ensureServer((m) => console.log(m));
  buildExtension();
  server = await startServer({ folder, port, host, verbose: !!process.env.VERBOSE });
} catch (err) {
  console.error(`[demo] ${err.stack || err}`);
  await cleanup();
  process.exit(1);
}

if (server.port !== port) console.log(`[demo] port ${port} is taken; using ${server.port}`);
const url = server.url({ extensionDevelopmentPath: ROOT });
console.log(`
Corpus Lens demo is running on samples/corpus.
Open this URL in a browser (the long form loads the extension from this checkout):

  ${url}

${host === '127.0.0.1' ? '' : `(Listening on ${host}; from another machine replace 127.0.0.1 in BOTH places of the URL.)\n`}Press Ctrl-C to stop.`);

// Stay up until Ctrl-C (handled by onShutdown) or until the server dies on its own.
const { code, signal } = await server.exited;
if (!server.stopping) {
  // Not a Ctrl-C (onShutdown handles that and exits): the server crashed.
  console.error(`[demo] VS Code server exited (code ${code}, signal ${signal})\n${server.output().split('\n').slice(-20).join('\n')}`);
  await cleanup();
  process.exit(1);
}
