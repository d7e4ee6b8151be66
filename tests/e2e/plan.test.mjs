// careerLsp/plan and careerLsp/report through a real LSP client: the plan, today's unit and the
// routines (from the editor's copy when the plan is open), the habit report as a page, clear errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, tempRepository } from './harness.mjs';

const plan = [
  '# Platform plan',
  '## Phase 1: Basics (Weeks 1-2)',
  '### Week 1: Git',
  '**Goal:** Know what each command writes',
  '- [ ] Read git-log(1)',
  '### Week 2: Shell',
  '- [ ] Write a script with set -euo pipefail',
  '## Morning routine',
  '1. Read yesterday\'s commits',
  '',
].join('\n');

test('careerLsp/plan answers with the current unit and the routines, from the open copy when there is one', async () => {
  const repo = tempRepository();
  repo.write('TRAINING_PLAN.md', plan);
  const server = await startServer({ rootDir: repo.dir });
  const first = await server.connection.sendRequest('careerLsp/plan', { today: '2026-03-03', start: '2026-03-02' });
  assert.equal(first.title, 'Platform plan');
  assert.equal(first.startFrom, 'given');
  assert.deepEqual(first.current.map((u) => [u.kind, u.title, u.from, u.to, u.goal]), [['week', 'Week 1: Git', '2026-03-02', '2026-03-08', 'Know what each command writes']]);
  assert.deepEqual(first.current[0].items, [{ text: 'Read git-log(1)', checked: false, line: 4, column: 3 }]);
  assert.deepEqual(first.prompts.map((p) => [p.kind, p.builtIn]).slice(0, 3), [['morning', false], ['before-commit', true], ['evening', true]]);
  assert.equal(first.units[0].children.length, 2);

  // Ticked in the editor, not saved: the answer follows the editor.
  const uri = repo.uri('TRAINING_PLAN.md');
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: plan.replace('- [ ] Read git-log', '- [x] Read git-log') } });
  const edited = await server.connection.sendRequest('careerLsp/plan', { uri: repo.uri(''), today: '2026-03-03', start: '2026-03-02' });
  assert.equal(edited.current[0].items[0].checked, true);
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('careerLsp/plan: bad dates and a missing configured plan are errors with a reason, and the server keeps serving', async () => {
  const repo = tempRepository();
  repo.write('.careerlsp.json', '{ "plan": { "path": "docs/missing.md" } }');
  const server = await startServer({ rootDir: repo.dir });
  await assert.rejects(server.connection.sendRequest('careerLsp/plan', { today: '03/03/2026' }), (e) => e.code === -32602 && /today takes a date as YYYY-MM-DD/.test(e.message));
  await assert.rejects(server.connection.sendRequest('careerLsp/plan', {}), (e) => e.code === -32803 && /cannot read the training plan .*missing\.md: it does not exist/.test(e.message));
  repo.write('.careerlsp.json', '{}');
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: repo.uri('.careerlsp.json'), type: 2 }] });
  const builtIn = await server.connection.sendRequest('careerLsp/plan', {});
  assert.equal(builtIn.file, null);
  assert.ok(builtIn.prompts.every((p) => p.builtIn));
  assert.equal(await server.stop(), 0);
  repo.cleanup();
});

test('careerLsp/report answers with the habit report as one self-contained page', async () => {
  const repo = tempRepository();
  const git = (...args) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo.dir });
  repo.write('a.txt', 'a\n');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'Add a\n\nSources Consulted:\n- https://git-scm.com/docs/git-log\n');
  repo.write('b.txt', 'b\n');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'Add b');
  const server = await startServer({ rootDir: repo.dir });
  const report = await server.connection.sendRequest('careerLsp/report', {});
  assert.equal(report.commits, 2);
  assert.equal(report.weeks, 1);
  assert.match(report.html, /^<!DOCTYPE html>/);
  assert.match(report.html, /<svg /);
  assert.doesNotMatch(report.html, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no script and no remote resource');
  await assert.rejects(server.connection.sendRequest('careerLsp/report', { since: 'yesterday' }), (e) => e.code === -32602 && /since takes a date/.test(e.message));
  assert.equal(await server.stop(), 0);
  repo.cleanup();

  const plain = mkdtempSync(join(tmpdir(), 'careerlsp-e2e-plain-'));
  const outside = await startServer({ rootDir: plain });
  await assert.rejects(outside.connection.sendRequest('careerLsp/report', {}), (e) => e.code === -32803 && /not in a git repository/.test(e.message));
  assert.equal(await outside.stop(), 0);
  rmSync(plain, { recursive: true, force: true });
});
