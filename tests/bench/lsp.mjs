// Language-server benchmark: careerlsp against vscode-markdown-languageserver (the peer), driven
// through vscode-jsonrpc in the same run: spawn → initialize result; edit → diagnostics latency
// (p50/p95 over 200 edits) on a 1 KB commit message, a 4 KB and a 1 MB PR description and a
// 10,000-entry COMMON_PATTERNS.md; RSS at the end.
// careerlsp pushes diagnostics (measured to the publishDiagnostics for the edited version); the peer
// serves pull diagnostics (measured to the textDocument/diagnostic answer after the edit), with this
// client tokenising for it through markdown-it as VS Code does.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const work = join(here, '.work', 'peer');
const peerRequire = createRequire(join(work, 'package.json'));
const MarkdownIt = peerRequire('markdown-it');
const markdownIt = new MarkdownIt();
const peerMain = join(work, 'node_modules', 'vscode-markdown-languageserver', 'dist', 'node', 'workerMain.js');
const EDITS = Number(process.env.EDITS ?? 200);
const STARTS = Number(process.env.STARTS ?? 10);

const servers = {
  careerlsp: { command: join(root, 'dist', 'server', 'careerlsp'), args: ['serve', '--stdio'], push: true },
  'vscode-markdown-languageserver': { command: process.execPath, args: [peerMain, '--stdio'], push: false },
};
// CAREERLSP_BENCH_JIT=1 adds the same server built for the .NET runtime (JIT, tiered PGO; what
// `dotnet build` gives), to compare NativeAOT with it in one run.
if (process.env.CAREERLSP_BENCH_JIT === '1') {
  servers['careerlsp (JIT)'] = { command: join(root, 'server', 'CareerLsp.Cli', 'bin', 'Release', 'net10.0', 'careerlsp'), args: ['serve', '--stdio'], push: true };
}

const premortem = '## Pre-mortem\n\n### Ways this could fail\n1. a\n2. b\n3. c\n4. d\n5. e\n\n### Dependencies that might not exist\n- f\n- g\n- h\n\n### Race conditions\n- i\n- j\n\n';
function prDescription(targetBytes) {
  let text = '# Add the parser\n\n## Documentation Reviewed\n- https://spec.commonmark.org/0.31.2/\n- https://git-scm.com/docs/git-commit\n\n' + premortem +
    '## Testing\n- In isolation: unit tests\n- In integration: a temporary repository\n- Failure cases: binary input\n\n';
  for (let n = 1; text.length < targetBytes - 400; n++) {
    text += `### Notes ${n}\n\nThe parser reads [the spec](https://spec.commonmark.org/) and keeps *positions* in UTF-16 units, as LSP asks; see \`server/CareerLsp.Core/Text/SourceText.cs\`.\n\n- item ${n}.1 with some text\n- item ${n}.2 with more text\n\n`;
  }
  return text + '## Checklist\n\n- [x] Tests pass\n- [x] Docs updated\n- [ ] Release notes\n';
}
const commitMessage = readFileSync(join(here, 'commit-message.txt'), 'utf8');
// Written by lsp.sh with the benchmark project's generator (the same library BenchmarkDotNet parses).
const patternLibrary = readFileSync(join(here, '.work', 'patterns', 'COMMON_PATTERNS.md'), 'utf8');
const patternEntry = patternLibrary.split('\n').find((l) => l.includes('(case 5000)'));
const documents = [
  { name: '1 KB commit message', file: '.git/COMMIT_EDITMSG', language: 'git-commit', text: commitMessage, toggle: ['feat(parser): read core.commentChar', 'fix typo in the parser, and oops'] },
  { name: '4 KB PR description', file: 'docs/change.pr.md', language: 'markdown', text: prDescription(4 * 1024), toggle: ['- [ ] Release notes', '- [x] Release notes'] },
  { name: '1 MB PR description', file: 'docs/large.pr.md', language: 'markdown', text: prDescription(1024 * 1024), toggle: ['- [ ] Release notes', '- [x] Release notes'] },
  // Removing and restoring an entry's remedy: a finding appears and goes.
  { name: '10,000-entry pattern library', file: 'COMMON_PATTERNS.md', language: 'markdown', text: patternLibrary, toggle: [patternEntry, patternEntry.slice(0, patternEntry.indexOf(' →'))] },
];

async function start(server, rootDir, texts) {
  const t0 = performance.now();
  const child = spawn(server.command, server.args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const waiter = waiters.get(`${p.uri}@${p.version}`);
    if (waiter) { waiters.delete(`${p.uri}@${p.version}`); waiter(); }
  });
  const settings = { markdown: { validate: { enabled: true } } };
  connection.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section ? i.section.split('.').reduce((o, k) => o?.[k], settings) ?? null : settings)));
  connection.onRequest('markdown/parse', (p) => markdownIt.parse(p.text ?? texts.get(p.uri) ?? '', {}));
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(rootDir).href, workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
  });
  const startup = performance.now() - t0;
  await connection.sendNotification('initialized', {});
  return { child, connection, startup, waiters };
}

async function stop(s) {
  await s.connection.sendRequest('shutdown');
  await s.connection.sendNotification('exit');
  await new Promise((resolve) => s.child.once('exit', resolve));
  s.connection.dispose();
}

const percentile = (values, p) => { const v = [...values].sort((a, b) => a - b); return v[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)]; };
const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const rootDir = mkdtempSync(join(tmpdir(), 'careerlsp-bench-'));
execFileSync('git', ['init', '-q', rootDir]);
const results = {};
for (const [name, server] of Object.entries(servers)) {
  const startups = [];
  for (let i = 0; i < STARTS; i++) { const s = await start(server, rootDir, new Map()); startups.push(s.startup); await stop(s); }
  const texts = new Map();
  const s = await start(server, rootDir, texts);
  const result = { startupMs: percentile(startups, 0.5), documents: {} };
  for (const doc of documents) {
    const uri = pathToFileURL(join(rootDir, doc.file)).href;
    let text = doc.text;
    texts.set(uri, text);
    const opened = server.push ? new Promise((r) => s.waiters.set(`${uri}@1`, r)) : null;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: doc.language, version: 1, text } });
    if (opened) await opened; else await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const latencies = [];
    for (let version = 2; version < EDITS + 2; version++) {
      const [from, to] = version % 2 === 0 ? doc.toggle : [doc.toggle[1], doc.toggle[0]];
      const at = text.indexOf(from);
      const lines = text.slice(0, at).split('\n');
      const start = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const end = { line: start.line, character: start.character + from.length };
      text = text.slice(0, at) + to + text.slice(at + from.length);
      texts.set(uri, text);
      const t0 = performance.now();
      const published = server.push ? new Promise((r) => s.waiters.set(`${uri}@${version}`, r)) : null;
      await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text: to }] });
      if (published) await published; else await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      latencies.push(performance.now() - t0);
    }
    result.documents[doc.name] = { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), bytes: Buffer.byteLength(doc.text) };
  }
  result.rssMiB = rssMiB(s.child.pid);
  await stop(s);
  results[name] = result;
}
rmSync(rootDir, { recursive: true, force: true });
writeFileSync(join(here, '.work', 'lsp.json'), JSON.stringify(results, null, 2));

const names = Object.keys(results);
const fmt = (n) => n.toFixed(n < 10 ? 2 : 1);
console.log(`| measurement | ${names.join(' | ')} |`);
console.log(`| --- |${names.map(() => ' ---: |').join('')}`);
console.log(`| spawn → initialize result (median of ${STARTS}) | ${names.map((n) => fmt(results[n].startupMs) + ' ms').join(' | ')} |`);
for (const doc of documents) {
  console.log(`| edit → diagnostics, ${doc.name}, p50 / p95 over ${EDITS} | ${names.map((n) => `${fmt(results[n].documents[doc.name].p50)} / ${fmt(results[n].documents[doc.name].p95)} ms`).join(' | ')} |`);
}
console.log(`| RSS at the end | ${names.map((n) => results[n].rssMiB.toFixed(0) + ' MiB').join(' | ')} |`);
const c = results.careerlsp, p = results['vscode-markdown-languageserver'];
const checks = [
  [`start-up ${fmt(c.startupMs)} ms vs the peer's ${fmt(p.startupMs)} ms: ${(c.startupMs / p.startupMs).toFixed(2)}x (at most 0.35x)`, c.startupMs <= 0.35 * p.startupMs],
  [`p95 on 4 KB ${fmt(c.documents['4 KB PR description'].p95)} ms (under 5 ms)`, c.documents['4 KB PR description'].p95 < 5],
  [`p95 on 1 MB ${fmt(c.documents['1 MB PR description'].p95)} ms (under 50 ms)`, c.documents['1 MB PR description'].p95 < 50],
  [`p95 on the 10,000-entry library ${fmt(c.documents['10,000-entry pattern library'].p95)} ms (under 30 ms)`, c.documents['10,000-entry pattern library'].p95 < 30],
];
console.log('\ntargets:\n' + checks.map(([text, ok]) => `- ${text}: ${ok ? 'met' : 'MISSED'}`).join('\n'));
