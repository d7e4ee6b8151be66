// The training plan in the editor, as plain functions over the server's PlanView: what the status
// bar says, what the tree shows, the edit a checkbox toggle makes, the weekly file's name and text,
// and when a routine prompt is due. The extension (extension.ts, planUi.ts) wires them to VS Code.
import type { PlanItemView, PlanPromptView, PlanUnitView, PlanView, PromptKind } from './protocol';

/** Checklist progress of a unit: ticked boxes of all boxes. */
export function progress(unit: PlanUnitView): { done: number; total: number } {
  const boxes = unit.items.filter((i) => i.checked !== null);
  return { done: boxes.filter((i) => i.checked).length, total: boxes.length };
}

/** The status bar: today's unit (or units) and their checklist progress, or where the plan stands. */
export function statusText(plan: PlanView): { text: string; tooltip: string } {
  if (plan.file === null) {
    return { text: `$(calendar) ${plan.title}`, tooltip: 'No training plan in this workspace: the built-in routines are on. Add TRAINING_PLAN.md, or set plan.path in .careerlsp.json.' };
  }
  if (plan.current.length === 0) {
    const dated = flatten(plan.units).filter((u) => u.from && u.to);
    const first = dated.map((u) => u.from!).sort()[0];
    const last = dated.map((u) => u.to!).sort().at(-1);
    const where = dated.length === 0 ? 'every unit is finished' : first && plan.today < first ? `starts ${first}` : `ended ${last}`;
    return { text: `$(calendar) ${plan.title}: ${where}`, tooltip: `${plan.title}: ${where}` };
  }
  const parts = plan.current.map((u) => {
    const { done, total } = progress(u);
    return total > 0 ? `${u.title} ${done}/${total}` : u.title;
  });
  const tooltip = plan.current.map((u) => [u.title, u.from && u.to ? `${u.from} to ${u.to}` : '', u.goal ? `Goal: ${u.goal}` : ''].filter(Boolean).join('\n')).join('\n\n');
  return { text: `$(calendar) ${parts.join(' · ')}`, tooltip };
}

export function flatten(units: PlanUnitView[]): PlanUnitView[] {
  return units.flatMap((u) => [u, ...flatten(u.children ?? [])]);
}

/** Whether a unit is one of today's, or holds one (the tree shows those expanded). */
export function holdsCurrent(unit: PlanUnitView, plan: PlanView): boolean {
  const isCurrent = (u: PlanUnitView) => plan.current.some((c) => c.line === u.line && c.title === u.title);
  return isCurrent(unit) || (unit.children ?? []).some((c) => holdsCurrent(c, plan));
}

/** The edit that ticks or clears a checkbox: one character at the mark's position. */
export function toggleEdit(item: PlanItemView, checked: boolean): { line: number; column: number; text: string } | undefined {
  if (item.checked === null || item.line === undefined || item.column === undefined) return undefined;
  return { line: item.line, column: item.column, text: checked ? 'x' : ' ' };
}

/** ISO 8601 week of a date: year and number (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart.getTime()) / 86400000 + 1) / 7) };
}

/** `2026-W47.md`: the week's goals-and-review file. */
export function weekFileName(day: Date): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${String(week).padStart(2, '0')}.md`;
}

/** The plan's week number on a day (1 on the start's week), for "Week X" in the templates. */
export function planWeek(plan: PlanView, day: Date): number {
  const [y, m, d] = plan.start.split('-').map(Number);
  const start = Date.UTC(y, m - 1, d);
  const today = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
  return Math.max(1, Math.floor((today - start) / (7 * 86400000)) + 1);
}

/** The week's file: the goals template, then the review template if it is a separate one, with the week filled in. */
export function weekFileText(plan: PlanView, day: Date): string {
  const templates: string[] = [];
  for (const kind of ['weekly-goals', 'weekly-review'] as PromptKind[]) {
    const template = plan.prompts.find((p) => p.kind === kind && p.template)?.template;
    if (template && !templates.includes(template)) templates.push(template);
  }
  const week = String(planWeek(plan, day));
  const filled = templates.map((t) => t.replace(/\{week\}/g, week).replace(/\b(Week|WEEK|week)\s+(X|N|\[n\]|#)(?=\W|$)/g, `$1 ${week}`));
  return `${filled.map((t) => t.trimEnd()).join('\n\n')}\n`;
}

/** The self-assessment written into the week's file: each question and its rating. */
export function selfAssessmentText(questions: string[], ratings: number[]): string {
  const lines = questions.map((q, i) => `- ${q.replace(/\s*\(Target:[^)]*\)\s*$/i, '').trim()}: ${ratings[i]}/10`);
  return `\n## Self-assessment\n${lines.join('\n')}\n`;
}

/** What is remembered per routine and day. */
export type PromptRecord = { state: 'done' } | { state: 'snoozed'; until: number };

export interface PromptStore {
  get(key: string): PromptRecord | undefined;
  update(key: string, value: PromptRecord): Thenable<void> | Promise<void> | void;
}

export interface PromptTimes {
  /** "HH:MM", local time; empty turns the prompt off. */
  morning: string;
  evening: string;
}

export function dayKey(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

export function recordKey(kind: PromptKind, day: Date): string {
  return `careerlsp.prompt/${kind}/${dayKey(day)}`;
}

/** Minutes after midnight of "HH:MM", or undefined when it is not a time. */
export function minutesOf(time: string): number | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Whether a routine may be shown now: not done today, not snoozed past now. */
export function mayShow(kind: PromptKind, now: Date, store: PromptStore): boolean {
  const record = store.get(recordKey(kind, now));
  if (!record) return true;
  return record.state === 'snoozed' && now.getTime() >= record.until;
}

/** The timed routines due now: their time has come today and they may be shown. */
export function dueRoutines(now: Date, times: PromptTimes, store: PromptStore): PromptKind[] {
  const minutes = now.getHours() * 60 + now.getMinutes();
  const due: PromptKind[] = [];
  for (const kind of ['morning', 'evening'] as const) {
    const at = minutesOf(times[kind]);
    if (at !== undefined && minutes >= at && mayShow(kind, now, store)) due.push(kind);
  }
  // An evening prompt that is due makes a still-open morning one moot.
  return due.includes('evening') ? ['evening'] : due;
}

/** The routine of a kind to show: the plan's first (the pre-commit checklist before a deployment list). */
export function routineOf(plan: PlanView, kind: PromptKind): PlanPromptView | undefined {
  return plan.prompts.find((p) => p.kind === kind);
}

export type PromptAnswer = 'Open' | 'Snooze' | 'Done today' | undefined;

/** What an answer leaves recorded: done for the day, or snoozed (a dismissed prompt is snoozed too). */
export function afterAnswer(answer: PromptAnswer, now: Date, snoozeMinutes: number): PromptRecord {
  if (answer === 'Done today' || answer === 'Open') return { state: 'done' };
  return { state: 'snoozed', until: now.getTime() + Math.max(1, snoozeMinutes) * 60000 };
}
