// What a person sees in real VS Code (code-server 4.100.3 = VS Code 1.100.3) with the packaged
// extension, in Debian's Chromium: the commit box's squiggle, hover and quick fix; a PR draft's
// finding and fix in the Problems panel; the pattern library checked while it is not open; the
// training plan in the status bar and the plan view, a routine prompt; the progress view.
// Screenshots are taken for npm run screenshots (docs/screenshots, the README shows them). Setup: tests/editor/setup.sh.
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEditor, workspace, command, screenshot } from './harness.mjs';

const today = new Date();
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const plan = [
  '# Habit plan',
  '',
  '## Week 1: Read before writing',
  '**Goal:** Read the documentation before each change',
  '- [ ] Read git-commit(1)',
  '- [ ] Cite one source in every commit',
  '',
  '## Week 2: Test before committing',
  '- [ ] Run the tests before each push',
  '',
].join('\n');

const library = '# Common Patterns\n\nWhat we learned.\n\n# Git\n\n- Fix-forward commits pile up → amend the commit instead\n';

let ws, editor, page;

/** A scenario; when it fails, what the screen showed is kept beside the log. */
function test(name, body) {
  nodeTest(name, async () => {
    try {
      await body();
    } catch (error) {
      process.stderr.write(`editor tests: the CareerLsp output channel:\n${editor?.serverLog().slice(-6000)}\n`);
      await page?.screenshot({ path: `/tmp/careerlsp-editor-failure-${name.slice(0, 20).replace(/[^a-z0-9]+/gi, '-')}.png` }).catch(() => {});
      throw error;
    }
  });
}

before(async () => {
  ws = workspace({
    'README.md': '# demo\n',
    'COMMON_PATTERNS.md': library,
    'TRAINING_PLAN.md': plan,
    '.careerlsp.json': JSON.stringify({ plan: { start: iso(today) } }),
    'notes.pr.md': '# Add the reader\n\n## Documentation Reviewed\n- https://docs.python.org/3/library/csv.html\n\n## Pre-mortem\n- Failure: the file is empty\n\n## Testing\n- In isolation: unit tests for read()\n- In integration: the CLI reads a real file\n- Failure cases: an empty file\n',
  });
  ws.git('add', '-A');
  ws.git('commit', '-q', '-m', 'Start');
  ws.write('src/reader.py', 'def read():\n    return 1\n');
  ws.git('add', 'src/reader.py');
  editor = await startEditor({ folder: ws.dir, settings: { 'careerlsp.prompts.morning': '00:00', 'careerlsp.prompts.evening': '', 'careerlsp.trace.server': 'messages' } });
  page = editor.page;
});

after(async () => {
  await editor?.stop();
  ws?.remove();
});

/** Moves the mouse onto an element; the editor re-renders decorations, so its box is asked until it stays. */
async function pointAt(locator) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await locator.waitFor();
    const box = await locator.boundingBox().catch(() => null);
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 3);
      return;
    }
    if (Date.now() > deadline) throw new Error('the element kept disappearing');
  }
}

/** Picks an entry of the open quick-fix menu with the keyboard (the menu blocks the pointer elsewhere). */
async function choose(title) {
  const rows = page.locator('.action-widget .monaco-list-row');
  await rows.filter({ hasText: title }).first().waitFor();
  for (let i = 0; i < 20; i++) {
    if (await page.locator('.action-widget .monaco-list-row.focused', { hasText: title }).count() > 0) {
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden' });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`"${title}" could not be focused in the quick-fix menu`);
}

const squiggles = (scope) => page.locator(`${scope} .squiggly-error, ${scope} .squiggly-warning`);

test('at start: the commit-msg hook offered (Install writes it, it runs the bundled server) and the morning routine prompt answered', async () => {
  // VS Code hides the notification centre when its last notification goes: opened before the offer
  // arrived, beside only a passing one ("Activating Extensions..."), it closed again (seen under
  // load). The offer's toast shows it has arrived; the centre then keeps it.
  await page.locator('.notifications-toasts .notification-list-item', { hasText: "Install CareerLsp's commit-msg hook" }).waitFor();
  await command(page, 'Notifications: Show Notifications');
  const offer = page.locator('.notifications-center .notification-list-item', { hasText: "Install CareerLsp's commit-msg hook" });
  await offer.waitFor();
  await offer.locator('.monaco-button', { hasText: 'Install the hook' }).click();
  await page.locator('.notifications-center .notification-list-item', { hasText: 'Installed the commit-msg hook' }).waitFor();
  // The morning routine is due (its time is set to 00:00): a notification with its actions. It is
  // answered here, while the notification centre holds the start's notifications only: later in
  // the run, "Done today" (mouse or keyboard) left it open in most runs, for a reason not found.
  const routine = page.locator('.notifications-center .notification-list-item', { hasText: 'Morning routine' });
  await routine.waitFor();
  for (const action of ['Open', 'Snooze', 'Done today']) await routine.locator('.monaco-button', { hasText: action }).first().waitFor();
  await screenshot(page, 'routine-prompt');
  await routine.locator('.monaco-button', { hasText: 'Done today' }).click();
  await routine.waitFor({ state: 'detached' });
  await command(page, 'Notifications: Clear All Notifications');
  await page.keyboard.press('Escape');
  const hook = ws.read('.git/hooks/commit-msg');
  assert.match(hook, /careerlsp-managed-hook/);
  // No careerlsp on PATH here: the hook falls back to the server inside the installed extension.
  assert.match(hook, /elif \[ -f '[^']*\/extensions\/careerlsp\.careerlsp-[^']*\/server\/careerlsp' \]/);
  const path = (process.env.PATH ?? '').split(':').filter((d) => d && !existsSync(join(d, 'careerlsp'))).join(':');
  const commit = spawnSync('git', ['commit', '-q', '-m', 'oops'], { cwd: ws.dir, encoding: 'utf8', env: { ...process.env, PATH: path } });
  assert.notEqual(commit.status, 0);
  assert.match(commit.stdout + commit.stderr, /sources-required/);
  // The output channel that failures print is found on disk (with careerlsp.trace.server, the
  // traffic is in it); VS Code writes it in the background, so it is asked until it shows.
  const deadline = Date.now() + 15_000;
  while (!/'initialize/.test(editor.serverLog())) {
    if (Date.now() > deadline) assert.fail(`the CareerLsp output channel has no initialize request:\n${editor.serverLog().slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

test('the commit box: a squiggle without Sources Consulted, its explanation on hover, the quick fix, and no squiggle once filled in', async () => {
  await page.keyboard.press('Control+Shift+G');
  const box = page.locator('.scm-editor .monaco-editor').first();
  await box.waitFor();
  await box.click();
  await page.keyboard.type('Add the reader');
  const squiggle = page.locator('.scm-editor .squiggly-error').first();
  await squiggle.waitFor();
  // The text above the squiggle takes the pointer: move the mouse where a person would point.
  await pointAt(squiggle);
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Sources Consulted' });
  await hover.waitFor();
  assert.match(await hover.innerText(), /No Sources Consulted section/);
  await screenshot(page, 'commit-box-squiggle');

  // The hover's "Quick Fix..." shows the actions the hover asked for, with no request of its own;
  // Ctrl+. here lost its menu to VS Code's automatic request in 1 of 20 runs under load.
  await hover.locator('.action-container', { hasText: /Quick Fix\.\.\./ }).click();
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add a Sources Consulted section' });
  await fix.waitFor();
  await screenshot(page, 'commit-box-quick-fix');
  await choose('Add a Sources Consulted section');
  await page.locator('.scm-editor .view-lines', { hasText: 'Sources Consulted:' }).waitFor();

  // The skeleton's placeholder is a finding of its own until it is replaced with a real source.
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Shift+K'); // The placeholder's line (it wraps in the narrow box).
  await page.locator('.scm-editor .view-lines', { hasText: '<URL' }).waitFor({ state: 'detached' });
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n- https://git-scm.com/docs/git-commit');
  await page.locator('.scm-editor .view-lines', { hasText: 'git-scm.com/docs/git-commit' }).waitFor();
  await squiggles('.scm-editor').first().waitFor({ state: 'detached' });
  assert.equal(await squiggles('.scm-editor').count(), 0);
  await screenshot(page, 'commit-box-filled-in');
});

/** Opens a workspace file with Quick Open, as a person would. */
async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor(); // What Enter opens.
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
}

const problems = () => page.locator('.markers-panel .monaco-list-row');

test('a PR draft with a short pre-mortem: the finding in the Problems panel, and its quick fix', async () => {
  await openFile('notes.pr.md');
  await page.keyboard.press('Control+Shift+M');
  const row = problems().filter({ hasText: 'The pre-mortem has 1 of 5 ways this could fail' });
  await row.waitFor();
  await screenshot(page, 'pr-draft-problems');
  // Enter on the problem selects its range in the editor. The editor takes focus before it moves
  // the selection: wait for what a person would look at, the cursor's line in the status bar
  // ("Ln 6, Col 14 (10 selected)"), to be the problem's.
  const [, line] = (await row.innerText()).match(/\[Ln (\d+), Col \d+\]/);
  await row.click();
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
  await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+`) }).waitFor();
  // The lightbulb at the problem, clicked as a person does, shows the actions VS Code already asked
  // for at this position and sends no request of its own. A Ctrl+. here can be replaced by VS Code's
  // automatic request and read "No code actions available" on a busy machine, although the server
  // answered it (COMMON_PATTERNS.md, Editor tests).
  // Revealed while the panel was still changing its height, line 6 can stay at the editor's top, its
  // lightbulb (on line 5) under the sticky heading that then takes the click (COMMON_PATTERNS.md).
  // The draft has 13 lines: scroll up, as a person would, to see all of it.
  const active = page.locator('.editor-group-container.active');
  for (let i = 0; i < 13; i++) await page.keyboard.press('Control+ArrowUp'); // Scrolls; the cursor stays.
  await active.locator('.sticky-widget .sticky-line-content').first().waitFor({ state: 'hidden' });
  const bulb = active.locator('.lightBulbWidget:visible, [class*="gutter-lightbulb"]').first();
  await bulb.waitFor();
  await bulb.click();
  await page.locator('.action-widget .monaco-list-row', { hasText: 'Add the 9 missing pre-mortem items' }).first().waitFor();
  await choose('Add the 9 missing pre-mortem items');
  await page.locator('.editor-group-container.active .view-lines', { hasText: '- Race: <what could happen at the same time>' }).waitFor();
  // The labelled items are there; they count once written: until then the finding says so.
  await problems().filter({ hasText: '9 placeholders were not counted' }).waitFor();
  await screenshot(page, 'pr-draft-fixed');
});

test('COMMON_PATTERNS.md edited on disk, not open: the finding appears in the Problems panel, and goes once fixed on disk', async () => {
  await page.keyboard.press('Control+Shift+M');
  ws.write('COMMON_PATTERNS.md', `${library}- Secrets mounted before they exist\n`);
  const row = problems().filter({ hasText: 'no remedy' });
  await row.waitFor();
  await screenshot(page, 'pattern-library-problems');
  ws.write('COMMON_PATTERNS.md', `${library}- Secrets mounted before they exist → use an init container\n`);
  await row.waitFor({ state: 'detached' });
});

test('the training plan: today\'s unit in the status bar, the plan view, a checkbox that edits the file', async () => {
  const status = page.locator('.statusbar-item', { hasText: 'Week 1: Read before writing 0/2' });
  await status.waitFor();
  await status.click();
  const item = page.locator('.monaco-list-row', { hasText: 'Read git-commit(1)' });
  await item.waitFor();
  await page.locator('.monaco-list-row', { hasText: 'Week 1: Read before writing' }).first().waitFor();
  await screenshot(page, 'plan-view');
  await item.locator('.custom-view-tree-node-item-checkbox').click();
  await page.locator('.statusbar-item', { hasText: 'Week 1: Read before writing 1/2' }).waitFor();
  assert.match(ws.read('TRAINING_PLAN.md'), /^- \[x\] Read git-commit\(1\)$/m);
  assert.match(ws.read('TRAINING_PLAN.md'), /^- \[ \] Cite one source in every commit$/m);
  await screenshot(page, 'plan-view-ticked');
});

test('the progress view renders the report\'s charts', async () => {
  await command(page, 'CareerLsp: Show progress');
  await page.locator('.tabs-container .tab.active', { hasText: 'Progress' }).waitFor();
  // The webview is a frame (VS Code's host page) holding the content's frame.
  const content = page.frameLocator('iframe.webview.ready').frameLocator('iframe').last();
  await content.locator('figure svg').first().waitFor();
  assert.equal(await content.locator('figure svg polyline').count(), 3); // Sources, pre-mortem, fix-forward.
  assert.match(await content.locator('h1').innerText(), /^Habits in careerlsp-editor-ws-/);
  assert.equal(await content.locator('script').count(), 0);
  await screenshot(page, 'progress-view');
});
