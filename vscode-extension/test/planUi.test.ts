import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from './vscode-mock';
import { PlanFeature, type Clock, type PromptSettings } from '../src/planUi';
import type { PlanView } from '../src/protocol';
import { memoryStore, samplePlan } from './plan.test';

const planText = [
  '# Platform plan',
  '## Phase 1 (Weeks 1-2)',
  '### Week 1: Git',
  '**Goal:** Know what each command writes',
  '- [x] Read git-log(1)',
  '- [ ] Read git-diff(1)',
  '1. Explain it',
  '### Week 2: Shell',
  '- [ ] Write a script',
  '',
].join('\n');

/** A clock the test moves by hand; `every` ticks are fired by `advance`. */
function fakeClock(start: Date): Clock & { set(date: Date): Promise<void> } {
  let now = start;
  const ticks: (() => void)[] = [];
  return {
    now: () => now,
    every: (_ms, tick) => { ticks.push(tick); return { dispose: () => {} }; },
    async set(date: Date) {
      now = date;
      for (const tick of ticks) tick();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const settings = (overrides: Partial<PromptSettings> = {}) => () => ({ enabled: true, morning: '09:00', evening: '18:00', beforeCommit: true, snoozeMinutes: 30, ...overrides });

async function feature(plan: PlanView = samplePlan(), clock = fakeClock(new Date(2026, 2, 3, 8, 0)), promptSettings = settings()) {
  const store = memoryStore();
  let served = plan;
  const f = new PlanFeature({ fetch: async () => served }, store, clock, promptSettings);
  await f.refresh();
  return { f, store, clock, serve: (p: PlanView) => { served = p; } };
}

beforeEach(() => {
  vscode.reset({}, undefined, '/ws');
  vscode.files.set('/ws/TRAINING_PLAN.md', planText);
});

describe('status bar and tree', () => {
  it('shows today\'s unit, and opens the plan view on click', async () => {
    const { f } = await feature();
    const status = vscode.calls.statusItems.at(-1);
    expect(status.text).toBe('$(calendar) Week 1: Git 1/2');
    expect(status.visible).toBe(true);
    expect(status.command).toBe('careerlsp.showPlan');
    await vscode.calls.commands.get('careerlsp.showPlan')!();
    expect(vscode.calls.executed).toContainEqual({ command: 'careerlsp.plan.focus', args: [] });
    f.dispose();
  });

  it('lists the units with today\'s expanded and its items as checkboxes', async () => {
    const { f } = await feature();
    const [phase] = f.tree.getChildren();
    const phaseItem = f.tree.getTreeItem(phase) as unknown as vscode.TreeItem;
    expect([phaseItem.label, phaseItem.collapsibleState, phaseItem.description]).toEqual(['Phase 1 (Weeks 1-2)', vscode.TreeItemCollapsibleState.Expanded, '2026-03-02 – 2026-03-15']);
    const [week1, week2] = f.tree.getChildren(phase);
    expect((f.tree.getTreeItem(week1) as any).iconPath).toEqual(new vscode.ThemeIcon('target'));
    expect((f.tree.getTreeItem(week2) as any).collapsibleState).toBe(vscode.TreeItemCollapsibleState.Collapsed);
    const items = f.tree.getChildren(week1).map((n) => f.tree.getTreeItem(n) as any);
    expect(items.map((i) => [i.label, i.checkboxState])).toEqual([
      ['Read git-log(1)', vscode.TreeItemCheckboxState.Checked], ['Read git-diff(1)', vscode.TreeItemCheckboxState.Unchecked], ['Explain it', undefined]]);
  });

  it('ticking a box edits the plan file through a WorkspaceEdit, saves it, and asks for the plan again', async () => {
    const { f, serve } = await feature();
    const [phase] = f.tree.getChildren();
    const [week1] = f.tree.getChildren(phase);
    const [, diff] = f.tree.getChildren(week1);
    const ticked = samplePlan();
    ticked.current[0].items[1].checked = true;
    serve(ticked);
    for (const handler of vscode.calls.treeViews[0].checkbox) await handler({ items: [[diff, vscode.TreeItemCheckboxState.Checked]] });
    expect(vscode.files.get('/ws/TRAINING_PLAN.md')).toBe(planText.replace('- [ ] Read git-diff', '- [x] Read git-diff'));
    expect(vscode.calls.edits).toHaveLength(1);
    expect(vscode.calls.saved).toEqual(['/ws/TRAINING_PLAN.md']);
    expect(vscode.calls.statusItems.at(-1).text).toBe('$(calendar) Week 1: Git 2/2');
  });
});

describe('keeping up to date', () => {
  it('reads the plan again when its file changes on disk, and when the day changes', async () => {
    vscode.watchers.length = 0;
    const { f, clock, serve } = await feature();
    const watcher = vscode.watchers.at(-1)!;
    expect([watcher.pattern.base.fsPath, watcher.pattern.pattern]).toEqual(['/ws', 'TRAINING_PLAN.md']);
    const ticked = samplePlan();
    ticked.current[0].items[1].checked = true;
    serve(ticked);
    for (const handler of watcher.change) handler();
    await new Promise((r) => setTimeout(r, 0));
    expect(vscode.calls.statusItems.at(-1).text).toBe('$(calendar) Week 1: Git 2/2');
    serve(samplePlan({ current: [samplePlan().units[0].children![1]], today: '2026-03-09' }));
    await clock.set(new Date(2026, 2, 9, 7, 0));
    expect(vscode.calls.statusItems.at(-1).text).toBe('$(calendar) Week 2: Shell 0/1');
    f.dispose();
    expect(watcher.disposed).toBe(true);
  });
});

describe('routine prompts', () => {
  it('fire at their time with Open / Snooze / Done today, and snooze and done hold', async () => {
    const { f, clock } = await feature();
    await clock.set(new Date(2026, 2, 3, 8, 59));
    expect(vscode.calls.infos).toEqual([]);
    vscode.answers.info.push('Snooze');
    await clock.set(new Date(2026, 2, 3, 9, 0));
    expect(vscode.calls.infos).toEqual([{ message: 'Morning routine: Read yesterday\'s commits', actions: ['Open', 'Snooze', 'Done today'] }]);
    await clock.set(new Date(2026, 2, 3, 9, 29));
    expect(vscode.calls.infos).toHaveLength(1);
    vscode.answers.info.push('Done today');
    await clock.set(new Date(2026, 2, 3, 9, 30));
    expect(vscode.calls.infos).toHaveLength(2);
    await clock.set(new Date(2026, 2, 3, 12, 0));
    expect(vscode.calls.infos).toHaveLength(2);
    // The evening one, built in here: Open lists its items to tick off.
    vscode.answers.info.push('Open');
    vscode.answers.quickPick.push([]);
    await clock.set(new Date(2026, 2, 3, 18, 0));
    expect(vscode.calls.infos.at(-1)!.message).toBe('Evening routine: Add a pattern');
    expect(vscode.calls.quickPicks.at(-1)!.options).toEqual({ title: 'Evening routine', canPickMany: true });
    await clock.set(new Date(2026, 2, 3, 21, 0));
    expect(vscode.calls.infos).toHaveLength(3);
    // A new day.
    vscode.answers.info.push('Open');
    await clock.set(new Date(2026, 2, 4, 9, 1));
    expect(vscode.calls.infos).toHaveLength(4);
    expect(vscode.calls.shown.at(-1)).toEqual({ uri: '/ws/TRAINING_PLAN.md', selection: new vscode.Range(10, 0, 10, 0) });
    f.dispose();
  });

  it('show the pre-commit checklist when a commit message is being written, once a day until done', async () => {
    const { f } = await feature();
    const typing = async (languageId: string) => { for (const handler of vscode.listeners.change) handler({ document: { languageId, uri: vscode.Uri.parse('vscode-scm:input') } }); await new Promise((r) => setTimeout(r, 0)); };
    await typing('markdown');
    expect(vscode.calls.infos).toEqual([]);
    vscode.answers.info.push('Done today');
    await typing('scminput');
    expect(vscode.calls.infos).toEqual([{ message: 'Pre-Commit Checklist: Does it work locally?', actions: ['Open', 'Snooze', 'Done today'] }]);
    await typing('scminput');
    await typing('git-commit');
    expect(vscode.calls.infos).toHaveLength(1);
    f.dispose();
  });

  it('stay quiet when turned off', async () => {
    const { f, clock } = await feature(samplePlan(), fakeClock(new Date(2026, 2, 3, 8, 0)), settings({ enabled: false }));
    await clock.set(new Date(2026, 2, 3, 9, 0));
    await f.commitMessageStarted();
    expect(vscode.calls.infos).toEqual([]);
  });
});

describe('weekly files, self-assessment and hours', () => {
  it('creates this week\'s file from the template once, and never overwrites it', async () => {
    const { f } = await feature(samplePlan(), fakeClock(new Date(2026, 2, 10, 8, 0)));
    await vscode.calls.commands.get('careerlsp.newWeek')!();
    expect(vscode.files.get('/ws/reviews/2026-W11.md')).toBe('## Week 2 Goals\n- [ ] Read:\n\n## Week 2 Review\n- What went well:\n');
    expect(vscode.calls.shown.at(-1)!.uri).toBe('/ws/reviews/2026-W11.md');
    vscode.files.set('/ws/reviews/2026-W11.md', 'my notes\n');
    await vscode.calls.commands.get('careerlsp.newWeek')!();
    expect(vscode.files.get('/ws/reviews/2026-W11.md')).toBe('my notes\n');
    expect(vscode.calls.edits).toHaveLength(1);
    f.dispose();
  });

  it('writes the self-assessment ratings into the week\'s file, and nothing when cancelled', async () => {
    const { f } = await feature(samplePlan(), fakeClock(new Date(2026, 2, 10, 8, 0)));
    vscode.answers.quickPick.push('8', undefined);
    await vscode.calls.commands.get('careerlsp.selfAssessment')!();
    expect(vscode.files.has('/ws/reviews/2026-W11.md')).toBe(false);
    vscode.answers.quickPick.push('8', '6');
    await vscode.calls.commands.get('careerlsp.selfAssessment')!();
    expect(vscode.files.get('/ws/reviews/2026-W11.md')).toBe(
      '## Week 2 Goals\n- [ ] Read:\n\n## Week 2 Review\n- What went well:\n\n## Self-assessment\n- Did I read docs BEFORE implementing?: 8/10\n- Did I test BEFORE committing?: 6/10\n');
    f.dispose();
  });

  it('logs hours into a table plan\'s actual-hours cell', async () => {
    const table = '| Topic | Actual hours |\n|---|---|\n| Helm | |\n';
    vscode.files.set('/ws/TRAINING_PLAN.md', table);
    const plan = samplePlan({ units: [{ kind: 'row', title: 'Helm', from: null, to: null, line: 2, items: [], children: [], hours: { text: '', line: 2, start: 8, end: 9 } }] });
    const { f } = await feature(plan);
    vscode.answers.quickPick.push(0);
    vscode.answers.input.push('2.5');
    await vscode.calls.commands.get('careerlsp.logHours')!();
    expect(vscode.files.get('/ws/TRAINING_PLAN.md')).toBe('| Topic | Actual hours |\n|---|---|\n| Helm | 2.5 |\n');
    vscode.answers.quickPick.push(0);
    vscode.answers.input.push('lots');
    await vscode.calls.commands.get('careerlsp.logHours')!();
    expect(vscode.calls.edits).toHaveLength(1); // Not a number: nothing written.
    f.dispose();
  });
});
