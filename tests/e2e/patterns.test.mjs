// The pattern library through a real LSP client: kept up to date on disk while not open, and put
// to use in the commit box (hints, completion, hover, quick fixes), plus its outline and code lens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { startServer, tempRepository, codes, applyEdits } from './harness.mjs';

const watching = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } };

function git(dir, ...args) {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
}

function scmUri(dir) {
  return `vscode-scm:git/scm0/input?rootUri=${encodeURIComponent(pathToFileURL(dir).href)}`;
}

const hints = (params) => params.diagnostics.filter((d) => d.code === 'CL066').map((d) => d.message);

test('a library edited on disk, not open: its diagnostics and the hints in an open commit message follow', async () => {
  const repo = tempRepository();
  repo.write('COMMON_PATTERNS.md', '# Common Patterns\n\nWhat we learned.\n\n# Deployments\n\n- Rollout without a readiness probe\n');
  repo.write('deploy/app.yaml', 'kind: Deployment\n');
  git(repo.dir, 'add', 'deploy/app.yaml');
  const registrations = [];
  const server = await startServer({
    rootDir: repo.dir,
    capabilities: watching,
    onRequest: { 'client/registerCapability': (params) => { registrations.push(...params.registrations); return null; } },
  });
  const library = repo.uri('COMMON_PATTERNS.md');

  // Never opened: the server reads it from disk and publishes its findings.
  const before = await server.diagnostics(library, (p) => codes(p).includes('CL060'));
  assert.equal(before.version, undefined, 'not a version the client has');
  const globs = registrations.flatMap((r) => r.registerOptions.watchers.map((w) => w.globPattern));
  assert.ok(globs.includes('**/COMMON_PATTERNS.md'), JSON.stringify(globs));

  const uri = scmUri(repo.dir);
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'scminput', version: 1, text: 'Roll out the app\n' },
  });
  const first = await server.diagnostics(uri, (p) => codes(p).includes('CL001'));
  assert.deepEqual(hints(first), []);

  // Fixed on disk, with an entry that names the staged file's kind: both documents follow.
  repo.write('COMMON_PATTERNS.md', '# Common Patterns\n\nWhat we learned.\n\n# Deployments\n\n- Rollout without a readiness probe → add readinessProbe before traffic\n  - Matches: `deploy/*.yaml`, kind: Deployment\n');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: library, type: 2 }] });
  await server.diagnostics(library, (p) => p.diagnostics.length === 0);
  const hinted = await server.diagnostics(uri, (p) => hints(p).length === 1);
  const hint = hinted.diagnostics.find((d) => d.code === 'CL066');
  assert.equal(hint.severity, 3);
  assert.match(hint.message, /Rollout without a readiness probe → add readinessProbe before traffic/);

  // Deleted: its diagnostics go, and so does the hint.
  repo.write('COMMON_PATTERNS.md', '# Common Patterns\n\nWhat we learned.\n\n# Deployments\n\n- Rollout without a readiness probe\n');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: library, type: 2 }] });
  await server.diagnostics(library, (p) => codes(p).includes('CL060'));
  await server.diagnostics(uri, (p) => hints(p).length === 0);
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('in the commit box: hint quick fix, completion of entries, hover on a citation, unknown citations', async () => {
  const repo = tempRepository();
  repo.write('COMMON_PATTERNS.md', '# Common Patterns\n\nLessons.\n\n# Race Conditions\n\n- DNS lookups before CoreDNS is ready → wait for the kube-dns pods\n  - Matches: coredns, kube-dns\n- Two hooks write the same file → take a lock first\n');
  repo.write('deploy/dns.yaml', 'name: coredns\nselector: kube-dns\n');
  git(repo.dir, 'add', 'deploy/dns.yaml');
  const server = await startServer({ rootDir: repo.dir, capabilities: watching });
  const uri = scmUri(repo.dir);
  let text = 'Start the job after DNS\n\nPre-mortem:\n- Failure: the job starts too early\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'scminput', version: 1, text } });
  const published = await server.diagnostics(uri, (p) => hints(p).length === 1);
  const hint = published.diagnostics.find((d) => d.code === 'CL066');
  assert.deepEqual(hint.range.start, { line: 2, character: 0 }, 'on the pre-mortem heading');

  const actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: hint.range, context: { diagnostics: [hint] } });
  const add = actions.find((a) => a.title.startsWith('Add to the pre-mortem'));
  assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
  text = applyEdits(text, add.edit.changes[uri]);
  assert.equal(text, 'Start the job after DNS\n\nPre-mortem:\n- Failure: the job starts too early\n- Race: Pattern: DNS lookups before CoreDNS is ready → wait for the kube-dns pods\n');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
  const cited = await server.diagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(hints(cited), [], 'a cited entry is no longer offered');
  assert.ok(!codes(cited).includes('CL065'));

  // Hover on the citation shows the remedy.
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 25 } });
  assert.match(hover.contents.value, /wait for the kube-dns pods/);
  assert.match(hover.contents.value, /Race Conditions · COMMON_PATTERNS\.md, line 7/);

  // Completion on a new pre-mortem line offers the library's entries.
  text += '- ';
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  const items = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 2 } });
  const entry = items.find((i) => i.label === 'Two hooks write the same file');
  assert.ok(entry, JSON.stringify(items.map((i) => i.label)));
  assert.equal(entry.textEdit.newText, '- Pattern: Two hooks write the same file → take a lock first');
  assert.match(entry.documentation.value, /take a lock first/);

  // A citation of something the library does not have.
  text = text.replace(/- $/, '- Pattern: Two hooks write COMMIT_EDITMSG\n');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text }] });
  const unknown = await server.diagnostics(uri, (p) => p.version === 4);
  const finding = unknown.diagnostics.find((d) => d.code === 'CL065');
  assert.ok(finding, JSON.stringify(unknown.diagnostics));
  assert.match(finding.message, /did you mean "Two hooks write the same file"/);
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('a pre-mortem item becomes a library entry through a WorkspaceEdit, creating the category or the file', async () => {
  const repo = tempRepository();
  const server = await startServer({ rootDir: repo.dir, capabilities: watching });
  const uri = repo.uri('.git/COMMIT_EDITMSG');
  const text = 'Cache the index\n\nPre-mortem:\n- Race: two writers refresh the cache at once → take the index lock\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'git-commit', version: 1, text } });
  await server.diagnostics(uri, (p) => codes(p).includes('CL001'));
  const range = { start: { line: 3, character: 5 }, end: { line: 3, character: 5 } };
  const library = repo.uri('COMMON_PATTERNS.md');

  // No library yet: the edit creates it (the client supports the create operation).
  let actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
  let create = actions.find((a) => a.title.startsWith('Create COMMON_PATTERNS.md'));
  assert.ok(create, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(create.edit.documentChanges[0], { kind: 'create', uri: library, options: { ignoreIfExists: true } });
  assert.match(create.edit.documentChanges[1].edits[0].newText, /# Race Conditions\n\n- two writers refresh the cache at once → take the index lock\n$/);

  // A library without that category: the category is added at the end.
  const existing = '# Common Patterns\n\nLessons.\n\n# Deployments\n\n- Rollout stalls → check secrets first\n';
  repo.write('COMMON_PATTERNS.md', existing);
  actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
  const add = actions.find((a) => a.title.startsWith('Add "two writers refresh the cache at once" to COMMON_PATTERNS.md'));
  assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
  assert.match(add.title, /new category Race Conditions/);
  const updated = applyEdits(existing, add.edit.changes[library]);
  assert.equal(updated, existing + '\n# Race Conditions\n\n- two writers refresh the cache at once → take the index lock\n');

  // With the category there, the entry goes at its end; the file on disk is never written by the server.
  repo.write('COMMON_PATTERNS.md', updated);
  actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
  assert.ok(!actions.some((a) => a.title.includes('to COMMON_PATTERNS.md')), 'already in the library: not offered again');
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('the library open: outline of categories and entries, and a code lens with how many commits cited each', async () => {
  const repo = tempRepository();
  const library = '# Common Patterns\n\nLessons.\n\n# Race Conditions\n\n- Two hooks write the same file → take a lock first\n- Cache read during a rebase → read under the lock\n';
  repo.write('COMMON_PATTERNS.md', library);
  git(repo.dir, 'add', '.');
  git(repo.dir, 'commit', '-q', '-m', 'Add the library');
  for (const n of [1, 2]) git(repo.dir, 'commit', '-q', '--allow-empty', '-m', `Lock hooks ${n}\n\nPre-mortem:\n- Race: Pattern: two hooks write the same file`);
  const server = await startServer({ rootDir: repo.dir, capabilities: watching });
  const uri = repo.uri('COMMON_PATTERNS.md');
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: library } });
  await server.diagnostics(uri);

  const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.children.map((c) => c.name)]),
    [['Race Conditions', '2 entries', ['Two hooks write the same file', 'Cache read during a rebase']]]);

  const lenses = await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title]),
    [[6, 'cited by 2 commits'], [7, 'not cited in recent commits']]);
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('commit box: a small follow-up to the last commit is named as its fix-forward', async () => {
  const repo = tempRepository();
  // Who is committing comes from user.email, as git decides it.
  execFileSync('git', ['config', 'user.email', 'test@example.invalid'], { cwd: repo.dir });
  repo.write('src/csv.py', "def export(rows):\n    return ','.join(rows)\n");
  git(repo.dir, 'add', '-A');
  git(repo.dir, 'commit', '-q', '-m', 'Add the CSV exporter');
  const id = git(repo.dir, 'rev-parse', '--short=7', 'HEAD').trim();
  repo.write('src/csv.py', "def export(rows):\n    return ';'.join(rows)\n");
  git(repo.dir, 'add', '-A');
  const server = await startServer({ rootDir: repo.dir });
  const uri = scmUri(repo.dir);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'scminput', version: 1, text: 'Update csv.py\n' } });
  const published = await server.diagnostics(uri, (p) => codes(p).includes('CL047'));
  const finding = published.diagnostics.find((d) => d.code === 'CL047');
  assert.match(finding.message, new RegExp(`fix-forward of ${id} "Add the CSV exporter"`));
  assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
  // A subject that says what the change does is a step of its own.
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'Use semicolons as the CSV separator\n' }] });
  await server.diagnostics(uri, (p) => p.version === 2 && !codes(p).includes('CL047'));
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});
