// Shared by the real-editor runners and the demo: installs (once) and starts code-server on a loopback
// port with a throw-away profile, and launches Debian's Chromium through playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.100.3';
const cacheDir = process.env.CODE_SERVER_PREFIX ?? join(repoRoot, '.cache/code-server');
export const codeServerBin = join(cacheDir, 'node_modules/.bin/code-server');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs code-server into .cache/ unless a finished install is there (the script skips itself then). */
export function ensureCodeServer() {
  if (!existsSync(join(cacheDir, `.installed-${CODE_SERVER_VERSION}`)) || !existsSync(chromiumPath)) {
    execFileSync('bash', [join(repoRoot, 'scripts/install-code-server.sh')], { stdio: 'inherit' });
  }
  return codeServerBin;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh temporary profile: a copy of samples/ as the workspace, user settings, and XDG dirs so that
 * code-server writes nothing under $HOME.
 */
export function createProfile(prefix, settings = {}) {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const workspace = join(root, 'ws');
  cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
  const dirs = {
    root,
    workspace,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    browser: join(root, 'chromium'),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.browser]) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        ...settings,
      },
      null,
      2,
    ),
  );
  return dirs;
}

function codeServerEnv(profile, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: profile.xdgConfig,
    XDG_DATA_HOME: profile.xdgData,
    // The marketplace (open-vsx.org) is off limits: point the gallery at a closed loopback port.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/vscode/gallery', itemUrl: 'http://127.0.0.1:9/vscode/item' }),
    ...extra,
  };
}

function commonArgs(profile) {
  return [
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    profile.userData,
    '--extensions-dir',
    profile.extensions,
  ];
}

/** `code-server --install-extension <vsix>` into the profile; returns its output. */
export function installExtension(profile, vsixPath) {
  return execFileSync(codeServerBin, [...commonArgs(profile), '--install-extension', vsixPath], {
    env: codeServerEnv(profile),
    encoding: 'utf8',
  });
}

/** Starts code-server on 127.0.0.1:port and resolves once it answers /healthz. */
export async function startCodeServer(profile, { port, env = {}, log = join(profile.root, 'code-server.log') } = {}) {
  const args = [...commonArgs(profile), '--bind-addr', `127.0.0.1:${port}`, profile.workspace];
  const child = spawn(codeServerBin, args, { env: codeServerEnv(profile, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(`exited (${code ?? signal})`)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await Promise.race([exited, fetch(`${url}/healthz`).then((response) => response.ok, () => false)]);
    if (state === true) break;
    if (typeof state === 'string') throw new Error(`code-server ${state} before answering:\n${output}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    output: () => output,
    writeLog: () => writeFileSync(log, output),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // code-server was started in its own process group: end the group it leads (its extension hosts).
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
  };
}

/** Debian's Chromium with a fresh profile, through playwright-core (no browser download). */
export async function launchChromium(profile, { headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profile.browser, {
    executablePath: chromiumPath,
    headless,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The extension host's log text (activation lines), or '' before it exists. */
export function extensionHostLog(profile) {
  const logs = join(profile.userData, 'logs');
  if (!existsSync(logs)) return '';
  let text = '';
  for (const session of readdirSync(logs)) {
    const dir = join(logs, session);
    for (const hostDir of safeList(dir).filter((name) => name.startsWith('exthost'))) {
      for (const file of safeList(join(dir, hostDir)).filter((name) => name.endsWith('.log'))) {
        text += readFileSync(join(dir, hostDir, file), 'utf8');
      }
    }
  }
  return text;
}

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
