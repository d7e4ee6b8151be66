import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, tempRepository, codes, applyEdits } from './harness.mjs';

const premortem = 'Pre-mortem:\n- Failure: a\n- Failure: b\n- Failure: c\n- Dependency: d\n- Race: e\n';

test('initialize advertises incremental sync, quick fixes, hover, completion and symbols', async () => {
  const server = await startServer();
  const caps = server.result.capabilities;
  assert.equal(caps.textDocumentSync.change, 2);
  assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix']);
  assert.equal(caps.hoverProvider, true);
  assert.equal(caps.documentSymbolProvider, true);
  assert.equal(caps.positionEncoding, 'utf-16');
  assert.equal(await server.stop(), 0);
});

test('commit box (scminput): diagnostics appear, then go when the message is fixed', async () => {
  const repo = tempRepository();
  const server = await startServer({ rootDir: repo.dir });
  const uri = `vscode-scm:git/scm0/input?rootUri=${encodeURIComponent(pathToFileURL(repo.dir).href)}`;
  const text = 'Add the parser\n\nIt parses.\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'scminput', version: 1, text } });
  const first = await server.diagnostics(uri, (p) => codes(p).includes('CL001'));
  const sources = first.diagnostics.find((d) => d.code === 'CL001');
  assert.deepEqual(sources.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
  assert.equal(sources.severity, 1);
  assert.match(sources.codeDescription.href, /^file:\/\/.*\/docs\/rules\/CL001-sources-required\.md$/);

  // Incremental edit: append the two sections after "It parses.".
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: `\nSources Consulted:\n- https://git-scm.com/docs/git-commit\n\n${premortem}` }],
  });
  const fixed = await server.diagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(codes(fixed), []);
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('COMMIT_EDITMSG (git-commit): a quick fix applied by the client clears the finding', async () => {
  const repo = tempRepository();
  const server = await startServer({ rootDir: repo.dir });
  const uri = repo.uri('.git/COMMIT_EDITMSG');
  let text = `Add the parser\n\n${premortem}\n# Please enter the commit message for your changes.\n`;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'git-commit', version: 1, text } });
  const before = await server.diagnostics(uri, (p) => codes(p).includes('CL001'));
  const diagnostic = before.diagnostics.find((d) => d.code === 'CL001');

  const actions = await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  });
  const fix = actions.find((a) => a.title.includes('Sources Consulted'));
  assert.ok(fix, JSON.stringify(actions));
  assert.equal(fix.kind, 'quickfix');
  text = applyEdits(text, fix.edit.changes[uri]);
  assert.match(text, /Sources Consulted:\n- <URL, man page, repository path or issue you read>/);
  assert.ok(text.indexOf('Sources Consulted:') < text.indexOf('# Please enter'), 'inserted before the comment block');

  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
  const after = await server.diagnostics(uri, (p) => p.version === 2);
  assert.ok(!codes(after).includes('CL001'));
  assert.ok(codes(after).includes('CL004'), 'the skeleton placeholder is flagged until filled in');

  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: after.diagnostics.find((d) => d.code === 'CL004').range.start });
  assert.match(hover.contents.value, /citations-placeholder/);
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('PR draft: symbols, completion of missing headings, and closing clears diagnostics', async () => {
  const repo = tempRepository();
  const server = await startServer({ rootDir: repo.dir });
  const uri = repo.uri('docs/feature.pr.md');
  const text = '## Pre-mortem\n\n### Race conditions\n- two saves\n\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const diagnostics = await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.ok(codes(diagnostics).includes('CL002'));
  const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols[0].name, 'Pre-mortem');
  assert.equal(symbols[0].children[0].name, 'Race conditions');
  const completion = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 0 } });
  const labels = completion.map((c) => c.label);
  assert.ok(labels.includes('## Documentation Reviewed') && labels.includes('## Testing'), labels.join(', '));
  assert.ok(!labels.includes('## Pre-mortem'), 'a section that exists is not offered again');
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await server.diagnostics(uri, (p) => p.diagnostics.length === 0);
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('configuration: a setting change and an edit to .careerlsp.json on disk re-check open documents', async () => {
  const repo = tempRepository();
  let settings = {};
  const registrations = [];
  const server = await startServer({
    rootDir: repo.dir,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    onRequest: {
      'workspace/configuration': () => [settings],
      'client/registerCapability': (params) => { registrations.push(...params.registrations); return null; },
    },
  });
  const uri = repo.uri('.git/COMMIT_EDITMSG');
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'git-commit', version: 1, text: `Add it\n\n${premortem}` } });
  await server.diagnostics(uri, (p) => codes(p).includes('CL001'));
  assert.equal(registrations[0]?.method, 'workspace/didChangeWatchedFiles');
  assert.equal(registrations[0].registerOptions.watchers[0].globPattern, '**/.careerlsp.json');

  // The repository's own file, edited on disk while not open.
  repo.write('.careerlsp.json', '{ "rules": { "sources-required": "off" } }');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: repo.uri('.careerlsp.json'), type: 1 }] });
  await server.diagnostics(uri, (p) => !codes(p).includes('CL001'));

  // A settings change pulled with workspace/configuration: configFile points elsewhere.
  const other = join(repo.dir, 'strict.json');
  writeFileSync(other, '{ "rules": { "subject-max-length": { "max": 3 } } }');
  settings = { configFile: other };
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const strict = await server.diagnostics(uri, (p) => codes(p).includes('CL041'));
  assert.ok(codes(strict).includes('CL001'), 'the override replaces the repository file');
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('exit without shutdown ends with code 1; a cancelled request leaves the server serving', async () => {
  const server = await startServer();
  const uri = 'file:///nowhere/COMMIT_EDITMSG';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'git-commit', version: 1, text: 'x\n' } });
  const { CancellationTokenSource } = await import('vscode-jsonrpc/node.js');
  const source = new CancellationTokenSource();
  const pending = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, source.token);
  source.cancel();
  await pending.catch((e) => assert.equal(e.code, -32800));
  const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols));
  await server.connection.sendNotification('exit');
  assert.equal(await server.exited, 1);
  server.connection.dispose();
});

test('completion offers sources cited in recent commits, most cited first', async () => {
  const { execFileSync } = await import('node:child_process');
  const repo = tempRepository();
  const git = (...args) => execFileSync('git', ['-C', repo.dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args]);
  repo.write('a.txt', 'a\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'One\n\nSources Consulted:\n- https://git-scm.com/docs/githooks\n- TODO\n');
  repo.write('b.txt', 'b\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'Two\n\nSources Consulted:\n- https://git-scm.com/docs/githooks\n- githooks(5)\n');
  const server = await startServer({ rootDir: repo.dir });
  const uri = repo.uri('.git/COMMIT_EDITMSG');
  const text = 'Three\n\nSources Consulted:\n- \n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'git-commit', version: 1, text } });
  await server.diagnostics(uri);
  const items = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 2 } });
  assert.deepEqual(items.map((i) => i.label), ['https://git-scm.com/docs/githooks', 'githooks(5)']);
  assert.equal(items[0].detail, 'cited in 2 recent commits');
  assert.equal(items[0].textEdit.newText, '- https://git-scm.com/docs/githooks');
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('quick fixes replace a placeholder source with one cited before, and start a draft from the PR template', async () => {
  const { execFileSync } = await import('node:child_process');
  const repo = tempRepository();
  const git = (...args) => execFileSync('git', ['-C', repo.dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args]);
  repo.write('.github/pull_request_template.md', '## Documentation Reviewed\n- <link>\n\n## Pre-mortem\n- Failure: <…>\n\n## Testing\n- In isolation: <…>\n\nDescribe what this change does and why.\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'One\n\nSources Consulted:\n- https://git-scm.com/docs/githooks\n');
  const server = await startServer({ rootDir: repo.dir });

  const commitUri = repo.uri('.git/COMMIT_EDITMSG');
  let text = 'Two\n\nSources Consulted:\n- TODO\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: commitUri, languageId: 'git-commit', version: 1, text } });
  const placeholder = (await server.diagnostics(commitUri, (p) => codes(p).includes('CL004'))).diagnostics.find((d) => d.code === 'CL004');
  const actions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: commitUri }, range: placeholder.range, context: { diagnostics: [placeholder] } });
  assert.deepEqual(actions.map((a) => a.title), ['Remove this entry', 'Replace with https://git-scm.com/docs/githooks (cited in 1 recent commit)']);
  text = applyEdits(text, actions[1].edit.changes[commitUri]);
  assert.equal(text, 'Two\n\nSources Consulted:\n- https://git-scm.com/docs/githooks\n');

  const draftUri = repo.uri('docs/change.pr.md');
  let draft = 'Adds the hook.\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: draft } });
  const missing = (await server.diagnostics(draftUri, (p) => codes(p).includes('CL002'))).diagnostics.find((d) => d.code === 'CL002');
  const draftActions = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: draftUri }, range: missing.range, context: { diagnostics: [missing] } });
  const insert = draftActions.find((a) => a.title === 'Insert the PR template (.github/pull_request_template.md)');
  assert.ok(insert, draftActions.map((a) => a.title).join(', '));
  draft = applyEdits(draft, insert.edit.changes[draftUri]);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text: draft }] });
  const after = await server.diagnostics(draftUri, (p) => p.version === 2);
  assert.ok(!codes(after).some((c) => ['CL002', 'CL010', 'CL020'].includes(c)), codes(after).join(','));
  assert.ok(after.diagnostics.some((d) => d.code === 'CL031' && d.message.includes("PR template's text")), 'the template is now known to the server');
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('$/setTrace verbose makes the server trace each check with $/logTrace', async () => {
  const server = await startServer();
  const traces = [];
  server.connection.onNotification('$/logTrace', (p) => traces.push(p));
  await server.connection.sendNotification('$/setTrace', { value: 'verbose' });
  const uri = 'file:///nowhere/COMMIT_EDITMSG';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'git-commit', version: 1, text: 'oops\n' } });
  // The trace precedes the diagnostics on the same ordered stream.
  await server.diagnostics(uri);
  const trace = traces.find((t) => t.message.includes('COMMIT_EDITMSG version 1 as CommitMessage'));
  assert.ok(trace, JSON.stringify(traces));
  assert.match(trace.verbose, /fix-forward-subject/);
  assert.equal(await server.stop(), 0);
});

test('COMMON_PATTERNS.md gets the pattern library diagnostics, with related information for duplicates', async () => {
  const repo = tempRepository();
  const server = await startServer({ rootDir: repo.dir });
  const uri = repo.uri('COMMON_PATTERNS.md');
  const text = '# Git\n\n- Fix typo commits → amend\n- fix typo commits → squash\nprose\n';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const published = await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(codes(published).sort(), ['CL062']);
  assert.deepEqual(published.diagnostics[0].relatedInformation[0].location.range.start, { line: 2, character: 2 });
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});
