// Bad input straight onto the server's stdin: each gets the right error or a log line on stderr,
// and the server answers the next valid request.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { serverPath } from './harness.mjs';

// A failed assertion skips a test's kill(): end what is left, or the server keeps the run alive.
const running = new Set();
after(() => { for (const child of running) child.kill('SIGKILL'); });

function rawServer() {
  const child = spawn(serverPath, ['serve'], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += c; });
  let buffer = Buffer.alloc(0);
  const messages = [];
  const waiters = [];
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (true) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))[1]);
      if (buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      buffer = buffer.subarray(end + 4 + length);
      const waiter = waiters.find((w) => w.predicate(message));
      if (waiter) { waiters.splice(waiters.indexOf(waiter), 1); waiter.resolve(message); } else messages.push(message);
    }
  });
  const frame = (json) => {
    const body = Buffer.from(typeof json === 'string' ? json : JSON.stringify(json), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  };
  return {
    child,
    stderr: () => stderr,
    write: (bytes) => new Promise((resolve) => child.stdin.write(bytes, resolve)),
    send: (json) => new Promise((resolve) => child.stdin.write(frame(json), resolve)),
    next(predicate, timeoutMs = 10000) {
      const found = messages.find(predicate);
      if (found) { messages.splice(messages.indexOf(found), 1); return Promise.resolve(found); }
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        setTimeout(() => reject(new Error(`timed out; stderr:\n${stderr}`)), timeoutMs).unref();
      });
    },
    async request(id, method, params = {}) {
      await this.send({ jsonrpc: '2.0', id, method, params });
      return this.next((m) => m.id === id);
    },
  };
}

test('requests before initialize get -32002; then initialize works', async () => {
  const s = rawServer();
  assert.equal((await s.request(1, 'textDocument/hover', { textDocument: { uri: 'file:///a' }, position: { line: 0, character: 0 } })).error.code, -32002);
  assert.ok((await s.request(2, 'initialize', { capabilities: {} })).result.capabilities);
  s.child.kill();
});

test('garbage, bad headers, invalid JSON, unknown methods and bad edits leave the server serving', async () => {
  const s = rawServer();
  await s.request(1, 'initialize', { capabilities: {} });
  await s.send({ jsonrpc: '2.0', method: 'initialized', params: {} });

  await s.write(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]));
  await s.write(Buffer.from('Content-Length: banana\r\n\r\n', 'ascii'));
  await s.write(Buffer.from('Content-Type: text/plain\r\n\r\n', 'ascii'));
  await s.send('{"jsonrpc": "2.0", "id": 3, "method": ');
  assert.equal((await s.next((m) => m.error?.code === -32700)).id, null);
  assert.equal((await s.request(4, 'no/suchMethod')).error.code, -32601);
  assert.equal((await s.request(5, 'textDocument/hover', { textDocument: 42 })).error.code, -32602);

  await s.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///x/COMMIT_EDITMSG', version: 2 }, contentChanges: [{ text: 'x' }] } });
  const uri = 'file:///nowhere/COMMIT_EDITMSG';
  await s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'git-commit', version: 1, text: 'Subject\n' } } });
  const opened = await s.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 1);
  assert.ok(opened.params.diagnostics.some((d) => d.code === 'CL001'));
  // The server publishes only diagnostics that differ from the last it sent (found when an edit
  // that left them unchanged was waited for in CI): this edit adds the section, so they change.
  await s.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 41, character: 0 } }, text: '\nSources Consulted:\n- man git-commit\n' }] } });
  const published = await s.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 2);
  assert.ok(!published.params.diagnostics.some((d) => d.code === 'CL001'), JSON.stringify(published.params.diagnostics));

  const symbols = await s.request(6, 'textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols.result));
  const log = s.stderr();
  assert.match(log, /Content-Length is not a number/);
  assert.match(log, /invalid JSON/);
  assert.match(log, /which is not open; ignored/);
  assert.match(log, /outside the document .*clamped/);
  s.child.kill();
});

test('a 20 MB document is answered with one finding and the server keeps serving', async () => {
  const s = rawServer();
  await s.request(1, 'initialize', { capabilities: {} });
  await s.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  const text = 'x'.repeat(20 * 1024 * 1024);
  await s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///nowhere/COMMIT_EDITMSG', languageId: 'git-commit', version: 1, text } } });
  const published = await s.next((m) => m.method === 'textDocument/publishDiagnostics', 30000);
  assert.deepEqual(published.params.diagnostics.map((d) => d.code), ['CL081']);
  assert.equal((await s.request(2, 'shutdown')).result, null);
  await s.send({ jsonrpc: '2.0', method: 'exit' });
  const code = await new Promise((resolve) => s.child.on('exit', resolve));
  assert.equal(code, 0);
});
