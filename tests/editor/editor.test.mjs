// What a person sees in real VS Code (code-server 4.100.3 = VS Code 1.100.3) with the packaged
// extension, in Debian's Chromium: the commit box's squiggle, hover and quick fix; a PR draft's
// finding and fix in the Problems panel; the pattern library checked while it is not open; the
// training plan in the status bar and the plan view, a routine prompt; the progress view.
// Screenshots go to docs/screenshots (the README shows them). Setup: tests/editor/setup.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
  editor = await startEditor({ folder: ws.dir, settings: { 'careerlsp.prompts.morning': '00:00', 'careerlsp.prompts.evening': '' } });
  page = editor.page;
});

after(async () => {
  await editor?.stop();
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

  await box.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+.');
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
