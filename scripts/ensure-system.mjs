// Installs what `npm test` and `npm run demo` need on a fresh machine, before anything else runs:
// the npm dependencies (when node_modules is missing) and the Debian packages the offline
// VS Code harness uses (libkrb5-dev to build the server's kerberos module, ripgrep for its
// search, chromium to drive the workbench). Uses only Node built-ins: node_modules may not exist.
//   node scripts/ensure-system.mjs [--no-browser]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const needBrowser = !process.argv.includes('--no-browser');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`[setup] ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const wanted = ['libkrb5-dev', 'ripgrep', ...(needBrowser ? ['chromium'] : [])];
const missing = fs.existsSync('/usr/bin/dpkg-query') ? wanted.filter((p) => !debInstalled(p)) : [];
if (missing.length > 0) {
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  console.log(`[setup] installing Debian packages: ${missing.join(' ')}`);
  const [cmd, ...pre] = root ? ['apt-get'] : [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update']);
  run(cmd, [...pre, 'install', '-y', '--no-install-recommends', ...missing]);
}

if (!fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) {
  console.log('[setup] node_modules missing: npm ci');
  run('npm', ['ci']);
}
