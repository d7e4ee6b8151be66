// Spawns the published careerlsp server and talks to it through vscode-jsonrpc, the library
// VS Code's language client is built on, exactly as an editor would.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverPath = process.env.CAREERLSP_BIN ?? join(root, 'dist', 'server', 'careerlsp');

/** A git repository in a temporary directory, removed by cleanup(). */
export function tempRepository() {
  const dir = mkdtempSync(join(tmpdir(), 'careerlsp-e2e-'));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  return {
    dir,
    uri: (relative) => pathToFileURL(join(dir, relative)).href,
    write(relative, text) {
      mkdirSync(dirname(join(dir, relative)), { recursive: true });
      writeFileSync(join(dir, relative), text);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// A failed assertion skips a test's stop(): kill what is left, or the server keeps the run alive.
const running = new Set();
after(() => { for (const child of running) child.kill('SIGKILL'); });

/**
 * Starts the server; returns the connection, the process, its stderr so far, and diagnostics waiters.
 * `command` and `args` replace how it is started (a wrapper such as unshare, another build).
 */
export async function startServer({ rootDir, capabilities = {}, onRequest = {}, command = serverPath, args = ['serve', '--stdio'] } = {}) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  const latest = new Map();
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    latest.set(params.uri, params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  for (const [method, handler] of Object.entries(onRequest)) connection.onRequest(method, handler);
  connection.listen();

  const result = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: rootDir ? pathToFileURL(rootDir).href : null,
    workspaceFolders: rootDir ? [{ uri: pathToFileURL(rootDir).href, name: 'repo' }] : null,
    capabilities,
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    child,
    result,
    exited,
    stderr: () => stderr,
    /** Resolves with the next (or current) diagnostics for uri that satisfy predicate. */
    diagnostics(uri, predicate = () => true, timeoutMs = 10000) {
      const current = latest.get(uri);
      if (current && predicate(current)) return Promise.resolve(current);
      return new Promise((resolve, reject) => {
        const waiter = { uri, predicate, resolve };
        waiters.push(waiter);
        // unref: a pending timeout must not keep the test process alive after the test is done.
        setTimeout(() => {
          if (waiters.includes(waiter)) reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(latest.get(uri)?.diagnostics?.map((d) => d.code))}\n${stderr}`));
        }, timeoutMs).unref();
      });
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

export const codes = (params) => params.diagnostics.map((d) => d.code);

/** Applies LSP text edits (UTF-16 positions) to a string, last edit first. */
export function applyEdits(text, edits) {
  const lines = text.split('\n');
  const offset = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const edit of sorted) text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
  return text;
}
