// Real VS Code (code-server) with the packaged extension, driven in Debian's Chromium through
// playwright-core. Each run gets its own user data, extensions and workspace folders, and its own
// port; everything is removed afterwards. Synchronisation waits for what a person would see.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
const codeServer = join(here, '.work', 'code-server', 'node_modules', '.bin', 'code-server');
// Screenshots are taken only for `npm run screenshots`, into the folder it names, which it copies
// to docs/screenshots once every scenario has passed: npm test never writes into the repository.
const shots = process.env.CAREERLSP_SCREENSHOTS_DIR;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

/** A git repository for the editor to open, with the files a scenario needs. */
export function workspace(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'careerlsp-editor-ws-'));
  const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Editor Test');
  git('config', 'user.email', 'editor-test@example.invalid');
  for (const [path, text] of Object.entries(files)) write(path, text);
  function write(path, text) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, git, write, read: (path) => readFileSync(join(dir, path), 'utf8'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Installs the VSIX into fresh folders and starts code-server on a free loopback port. */
export async function startEditor({ folder, settings = {} }) {
  // The linux-x64 VSIX, as a user on this machine installs it, with its native server.
  const version = JSON.parse(readFileSync(join(root, 'vscode-extension', 'package.json'), 'utf8')).version;
  const vsix = join(root, 'dist', `careerlsp-${version}-linux-x64.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  if (!existsSync(codeServer)) throw new Error('code-server is not installed: run bash tests/editor/setup.sh');
  const base = mkdtempSync(join(tmpdir(), 'careerlsp-editor-'));
  const userData = join(base, 'user'), extensions = join(base, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'always',
    'git.autofetch': false,
    'editor.hover.delay': 200,
    'window.restoreWindows': 'none',
    ...settings,
  }, null, 2));
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--config', '/dev/null'];
  // code-server keeps its own files under XDG folders (~/.config, ~/.local/share): this run's instead.
  const env = { ...process.env, VSCODE_PROXY_URI: '', XDG_CONFIG_HOME: join(base, 'config'), XDG_DATA_HOME: join(base, 'data'), XDG_CACHE_HOME: join(base, 'cache') };
  execFileSync(codeServer, [...common, '--install-extension', vsix], { stdio: 'pipe', env });
  const port = await freePort();
  const log = [];
  const child = spawn(codeServer, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-workspace-trust', '--disable-getting-started-override', folder],
    { stdio: ['ignore', 'pipe', 'pipe'], env });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch { /* Not listening yet. */ }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`code-server did not start:\n${log.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // Like code-server, Chromium writes under XDG folders (crash-report settings, a dconf cache).
    env,
    // Playwright gives the browser a fresh, empty profile of its own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }).catch((error) => { child.kill('SIGKILL'); throw error; });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    log,
    /** The extension's output channel (the server's stderr and, with careerlsp.trace.server, the traffic). */
    serverLog() {
      try {
        // The extension host's output channels live in logs/<session>/exthost<N>/output_logging_*/.
        return execFileSync('sh', ['-c', `cat "${userData}"/logs/*/exthost*/output_logging_*/*CareerLsp*.log 2>/dev/null || true`], { encoding: 'utf8' });
      } catch { return ''; }
    },
    async stop() {
      await browser.close().catch(() => {});
      child.kill('SIGTERM');
      await new Promise((resolve) => { if (child.exitCode !== null) resolve(); else child.on('exit', resolve); });
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Runs a command from the command palette, as a person would. */
export async function command(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  // Enter runs the focused row: wait until that is the command (the list filters, then re-sorts
  // recently used commands first; a matching row lower down is not enough).
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

export async function screenshot(page, name) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}
