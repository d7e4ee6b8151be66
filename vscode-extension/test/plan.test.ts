import { describe, expect, it } from 'vitest';
import {
  afterAnswer, dueRoutines, isoWeek, minutesOf, planWeek, recordKey, selfAssessmentText, statusText, toggleEdit, weekFileName, weekFileText,
  type PromptRecord, type PromptStore,
} from '../src/plan';
import type { PlanView } from '../src/protocol';

export function samplePlan(overrides: Partial<PlanView> = {}): PlanView {
  const week1 = {
    kind: 'week' as const, title: 'Week 1: Git', from: '2026-03-02', to: '2026-03-08', line: 2, goal: 'Know what each command writes',
    items: [{ text: 'Read git-log(1)', checked: true, line: 4, column: 3 }, { text: 'Read git-diff(1)', checked: false, line: 5, column: 3 }, { text: 'Explain it', checked: null, line: 6 }],
    children: [],
  };
  return {
    title: 'Platform plan', file: '/ws/TRAINING_PLAN.md', start: '2026-03-02', startFrom: 'given', today: '2026-03-03', reviewFolder: 'reviews',
    units: [{ kind: 'phase', title: 'Phase 1 (Weeks 1-2)', from: '2026-03-02', to: '2026-03-15', line: 1, items: [], children: [week1,
      { kind: 'week', title: 'Week 2: Shell', from: '2026-03-09', to: '2026-03-15', line: 7, items: [{ text: 'Write a script', checked: false, line: 8, column: 3 }], children: [] }] }],
    current: [{ ...week1, children: undefined }],
    prompts: [
      { kind: 'morning', title: 'Morning routine', builtIn: false, line: 10, items: [{ text: 'Read yesterday\'s commits', checked: null, line: 11 }] },
      { kind: 'before-commit', title: 'Pre-Commit Checklist', builtIn: false, line: 13, items: [{ text: 'Does it work locally?', checked: false, line: 14, column: 5 }] },
      { kind: 'evening', title: 'Evening routine', builtIn: true, line: null, items: [{ text: 'Add a pattern', checked: false }] },
      { kind: 'weekly-goals', title: 'Week X Goals', builtIn: false, line: 20, items: [], template: '## Week X Goals\n- [ ] Read:\n\n## Week X Review\n- What went well:\n' },
      { kind: 'weekly-review', title: 'Week X Review', builtIn: false, line: 24, items: [], template: '## Week X Goals\n- [ ] Read:\n\n## Week X Review\n- What went well:\n' },
      { kind: 'self-assessment', title: 'Weekly Self-Assessment', builtIn: false, line: 30, items: [
        { text: 'Did I read docs BEFORE implementing? (Target: 10/10)', checked: false, line: 31, column: 3 },
        { text: 'Did I test BEFORE committing? (Target: 10/10)', checked: false, line: 32, column: 3 }] },
    ],
    ...overrides,
  };
}

export function memoryStore(): PromptStore & { values: Map<string, PromptRecord> } {
  const values = new Map<string, PromptRecord>();
  return { values, get: (key) => values.get(key), update: (key, value) => { values.set(key, value); } };
}

describe('status bar', () => {
  it('shows today\'s unit with its checklist progress and the goal in the tooltip', () => {
    const { text, tooltip } = statusText(samplePlan());
    expect(text).toBe('$(calendar) Week 1: Git 1/2');
    expect(tooltip).toBe('Week 1: Git\n2026-03-02 to 2026-03-08\nGoal: Know what each command writes');
  });

  it('says when the plan starts or ended, and when everything is done', () => {
    expect(statusText(samplePlan({ current: [], today: '2026-03-01' })).text).toBe('$(calendar) Platform plan: starts 2026-03-02');
    expect(statusText(samplePlan({ current: [], today: '2026-04-01' })).text).toBe('$(calendar) Platform plan: ended 2026-03-15');
    expect(statusText(samplePlan({ current: [], units: [] })).text).toBe('$(calendar) Platform plan: every unit is finished');
    // The built-in plan has routines, not units: the status says whose they are.
    const builtIn = statusText(samplePlan({ file: null, title: 'CareerLsp habits', current: [], units: [] }));
    expect(builtIn.text).toBe('$(calendar) CareerLsp habits');
    expect(builtIn.tooltip).toContain('Add TRAINING_PLAN.md');
  });
});

describe('toggling', () => {
  it('replaces the one character between the brackets', () => {
    expect(toggleEdit({ text: 'x', checked: false, line: 5, column: 3 }, true)).toEqual({ line: 5, column: 3, text: 'x' });
    expect(toggleEdit({ text: 'x', checked: true, line: 4, column: 3 }, false)).toEqual({ line: 4, column: 3, text: ' ' });
    expect(toggleEdit({ text: 'an exercise', checked: null, line: 6 }, true)).toBeUndefined();
    expect(toggleEdit({ text: 'built in', checked: false }, true)).toBeUndefined();
  });
});

describe('the week\'s file', () => {
  it('is named by ISO week, including the weeks that belong to the year before or after', () => {
    expect(isoWeek(new Date(2026, 10, 22))).toEqual({ year: 2026, week: 47 });
    expect(weekFileName(new Date(2021, 0, 3))).toBe('2020-W53.md');
    expect(weekFileName(new Date(2024, 11, 30))).toBe('2025-W01.md');
  });

  it('fills the plan\'s week number into the template, once even when goals and review share it', () => {
    const plan = samplePlan();
    expect(planWeek(plan, new Date(2026, 2, 10))).toBe(2);
    expect(weekFileText(plan, new Date(2026, 2, 10))).toBe('## Week 2 Goals\n- [ ] Read:\n\n## Week 2 Review\n- What went well:\n');
    const builtIn = samplePlan({ prompts: [
      { kind: 'weekly-goals', title: 'g', builtIn: true, line: null, items: [], template: '## Week {week} goals\n- [ ] Read:\n' },
      { kind: 'weekly-review', title: 'r', builtIn: true, line: null, items: [], template: '## Week {week} review\n- Went well:\n' }] });
    expect(weekFileText(builtIn, new Date(2026, 2, 2))).toBe('## Week 1 goals\n- [ ] Read:\n\n## Week 1 review\n- Went well:\n');
  });

  it('writes the self-assessment without the targets', () => {
    expect(selfAssessmentText(['Did I test BEFORE committing? (Target: 10/10)', 'Did I question assumptions?'], [7, 9]))
      .toBe('\n## Self-assessment\n- Did I test BEFORE committing?: 7/10\n- Did I question assumptions?: 9/10\n');
  });
});

describe('routine times', () => {
  const times = { morning: '09:00', evening: '18:00' };

  it('reads HH:MM and nothing else', () => {
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('9:05')).toBe(545);
    expect(minutesOf('24:00')).toBeUndefined();
    expect(minutesOf('')).toBeUndefined();
  });

  it('are due from their time on, until done; a snooze holds them back for its minutes', () => {
    const store = memoryStore();
    expect(dueRoutines(new Date(2026, 2, 3, 8, 59), times, store)).toEqual([]);
    const nine = new Date(2026, 2, 3, 9, 0);
    expect(dueRoutines(nine, times, store)).toEqual(['morning']);
    store.update(recordKey('morning', nine), afterAnswer('Snooze', nine, 30));
    expect(dueRoutines(new Date(2026, 2, 3, 9, 29), times, store)).toEqual([]);
    expect(dueRoutines(new Date(2026, 2, 3, 9, 30), times, store)).toEqual(['morning']);
    store.update(recordKey('morning', nine), afterAnswer('Done today', nine, 30));
    expect(dueRoutines(new Date(2026, 2, 3, 12, 0), times, store)).toEqual([]);
    // The evening replaces a morning prompt still open; the next day starts afresh.
    expect(dueRoutines(new Date(2026, 2, 3, 18, 0), times, memoryStore())).toEqual(['evening']);
    expect(dueRoutines(new Date(2026, 2, 4, 9, 0), times, store)).toEqual(['morning']);
    expect(dueRoutines(new Date(2026, 2, 4, 9, 0), { morning: '', evening: '' }, store)).toEqual([]);
  });

  it('treat a dismissed prompt as snoozed, and Open as seen for the day', () => {
    const now = new Date(2026, 2, 3, 9, 0);
    expect(afterAnswer(undefined, now, 10)).toEqual({ state: 'snoozed', until: now.getTime() + 600000 });
    expect(afterAnswer('Open', now, 10)).toEqual({ state: 'done' });
  });
});
