// The training plan in VS Code: a status bar item with today's unit, the plan tree (checkboxes edit
// the plan file through a WorkspaceEdit, so the edit is undoable), routine prompts at their times and
// when a commit message is being written, and the commands for the week's file, the self-assessment
// and logging hours. The server computes the plan (careerLsp/plan); this renders it.
import * as vscode from 'vscode';
import {
  afterAnswer, dayKey, dueRoutines, flatten, holdsCurrent, mayShow, recordKey, routineOf, selfAssessmentText, statusText, toggleEdit,
  weekFileName, weekFileText, type PromptAnswer, type PromptRecord, type PromptStore,
} from './plan';
import type { PlanItemView, PlanPromptView, PlanUnitView, PlanView, PromptKind } from './protocol';

/** Where the plan comes from: the server's careerLsp/plan (tests pass their own). */
export interface PlanSource {
  fetch(): Promise<PlanView | undefined>;
}

/** The clock the prompts read; tests pass a fake one. */
export interface Clock {
  now(): Date;
  every(milliseconds: number, tick: () => void): vscode.Disposable;
}

export const systemClock: Clock = {
  now: () => new Date(),
  every: (milliseconds, tick) => {
    const handle = setInterval(tick, milliseconds);
    return { dispose: () => clearInterval(handle) };
  },
};

type Node = { kind: 'unit'; unit: PlanUnitView } | { kind: 'item'; item: PlanItemView; unit: PlanUnitView };

/** The plan tree: units (today's expanded), their items with checkboxes, then the units under them. */
export class PlanTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  plan: PlanView | undefined;

  refresh(plan: PlanView | undefined): void {
    this.plan = plan;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!this.plan) return [];
    if (!node) return this.plan.units.map((unit) => ({ kind: 'unit', unit }));
    if (node.kind === 'item') return [];
    return [
      ...node.unit.items.map((item) => ({ kind: 'item' as const, item, unit: node.unit })),
      ...(node.unit.children ?? []).map((unit) => ({ kind: 'unit' as const, unit })),
    ];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'item') {
      const item = new vscode.TreeItem(node.item.text, vscode.TreeItemCollapsibleState.None);
      if (node.item.checked !== null) item.checkboxState = node.item.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
      else item.iconPath = new vscode.ThemeIcon('circle-small');
      if (this.plan?.file && node.item.line !== undefined) item.command = revealCommand(this.plan.file, node.item.line);
      return item;
    }
    const unit = node.unit;
    const hasChildren = unit.items.length > 0 || (unit.children ?? []).length > 0;
    const current = this.plan ? holdsCurrent(unit, this.plan) : false;
    const item = new vscode.TreeItem(unit.title,
      !hasChildren ? vscode.TreeItemCollapsibleState.None : current ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.description = unit.from && unit.to ? `${unit.from} – ${unit.to}` : unit.hours ? `hours: ${unit.hours.text || '—'}` : undefined;
    item.tooltip = [unit.goal && `Goal: ${unit.goal}`, unit.metric && `Success: ${unit.metric}`].filter(Boolean).join('\n') || undefined;
    if (this.plan?.current.some((c) => c.line === unit.line && c.title === unit.title)) item.iconPath = new vscode.ThemeIcon('target');
    if (this.plan?.file) item.command = revealCommand(this.plan.file, unit.line);
    return item;
  }
}

function revealCommand(file: string, line: number): vscode.Command {
  return { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(file), { selection: new vscode.Range(line, 0, line, 0) }] };
}

export interface PromptSettings {
  enabled: boolean;
  morning: string;
  evening: string;
  beforeCommit: boolean;
  snoozeMinutes: number;
}

export function readPromptSettings(): PromptSettings {
  const config = vscode.workspace.getConfiguration('careerlsp');
  return {
    enabled: config.get<boolean>('prompts.enabled', true),
    morning: config.get<string>('prompts.morning', '09:00'),
    evening: config.get<string>('prompts.evening', '18:00'),
    beforeCommit: config.get<boolean>('prompts.beforeCommit', true),
    snoozeMinutes: config.get<number>('prompts.snoozeMinutes', 30),
  };
}

/** Wires the plan into the editor. */
export class PlanFeature implements vscode.Disposable {
  readonly tree = new PlanTree();
  readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly showing = new Set<PromptKind>();
  private plan: PlanView | undefined;
  private refreshedOn = '';
  private watcher: { file: string; disposable: vscode.Disposable } | undefined;

  constructor(private readonly source: PlanSource, private readonly store: PromptStore, private readonly clock: Clock,
    private readonly settings: () => PromptSettings = readPromptSettings) {
    this.status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
    this.status.name = 'CareerLsp plan';
    this.status.command = 'careerlsp.showPlan';
    const view = vscode.window.createTreeView('careerlsp.plan', { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(this.status, view,
      view.onDidChangeCheckboxState((event) => this.toggle(event.items)),
      vscode.commands.registerCommand('careerlsp.showPlan', () => vscode.commands.executeCommand('careerlsp.plan.focus')),
      vscode.commands.registerCommand('careerlsp.refreshPlan', () => this.refresh()),
      vscode.commands.registerCommand('careerlsp.newWeek', () => this.openWeek()),
      vscode.commands.registerCommand('careerlsp.selfAssessment', () => this.selfAssessment()),
      vscode.commands.registerCommand('careerlsp.logHours', () => this.logHours()),
      vscode.workspace.onDidChangeTextDocument((event) => this.documentChanged(event.document)),
      vscode.workspace.onDidSaveTextDocument((document) => { if (this.isPlan(document.uri)) void this.refresh(); }),
      clock.every(60_000, () => void this.tick()));
  }

  /** Asks the server for the plan again and redraws. */
  async refresh(): Promise<PlanView | undefined> {
    try {
      this.plan = await this.source.fetch();
    } catch (error) {
      this.plan = undefined;
      this.status.text = '$(calendar) Plan: not read';
      this.status.tooltip = `CareerLsp could not read the training plan: ${(error as Error).message}`;
      this.status.show();
      this.tree.refresh(undefined);
      return undefined;
    }
    this.refreshedOn = dayKey(this.clock.now());
    this.watch(this.plan?.file ?? undefined);
    this.tree.refresh(this.plan);
    if (this.plan) {
      const { text, tooltip } = statusText(this.plan);
      this.status.text = text;
      this.status.tooltip = tooltip;
      this.status.show();
    } else {
      this.status.hide();
    }
    return this.plan;
  }

  /** The plan file changed on disk (another editor, a pull): read it again. */
  private watch(file: string | undefined): void {
    if (this.watcher?.file === file) return;
    this.watcher?.disposable.dispose();
    this.watcher = undefined;
    if (!file) return;
    const slash = file.lastIndexOf('/');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(file.slice(0, slash)), file.slice(slash + 1)));
    const again = () => void this.refresh();
    this.watcher = { file, disposable: vscode.Disposable.from(watcher, watcher.onDidChange(again), watcher.onDidCreate(again), watcher.onDidDelete(again)) };
  }

  /** Shows the timed routines that are due (the clock calls this every minute); a new day redraws the plan. */
  async tick(): Promise<void> {
    if (dayKey(this.clock.now()) !== this.refreshedOn) await this.refresh();
    const settings = this.settings();
    if (!settings.enabled || !this.plan) return;
    for (const kind of dueRoutines(this.clock.now(), settings, this.store)) await this.prompt(kind);
  }

  /** A commit message is being written: the plan's pre-commit checklist, once a day until done. */
  async commitMessageStarted(): Promise<void> {
    const settings = this.settings();
    if (!settings.enabled || !settings.beforeCommit || !this.plan) return;
    if (mayShow('before-commit', this.clock.now(), this.store)) await this.prompt('before-commit');
  }

  private documentChanged(document: vscode.TextDocument): void {
    if (document.languageId === 'scminput' || document.languageId === 'git-commit') void this.commitMessageStarted();
  }

  private isPlan(uri: vscode.Uri): boolean {
    return !!this.plan?.file && uri.fsPath === this.plan.file;
  }

  private async prompt(kind: PromptKind): Promise<void> {
    const routine = this.plan && routineOf(this.plan, kind);
    if (!routine || this.showing.has(kind)) return;
    this.showing.add(kind);
    try {
      const summary = routine.items.slice(0, 3).map((i) => i.text).join('; ') + (routine.items.length > 3 ? '; …' : '');
      const answer = await vscode.window.showInformationMessage(`${routine.title}: ${summary}`, 'Open', 'Snooze', 'Done today') as PromptAnswer;
      const now = this.clock.now();
      await this.store.update(recordKey(kind, now), afterAnswer(answer, now, this.settings().snoozeMinutes));
      if (answer === 'Open') await this.openRoutine(routine);
    } finally {
      this.showing.delete(kind);
    }
  }

  /** The routine where the plan has it, or its items to tick off when it is built in. */
  private async openRoutine(routine: PlanPromptView): Promise<void> {
    if (this.plan?.file && routine.line !== null) {
      await vscode.window.showTextDocument(vscode.Uri.file(this.plan.file), { selection: new vscode.Range(routine.line, 0, routine.line, 0) });
      return;
    }
    await vscode.window.showQuickPick(routine.items.map((i) => ({ label: i.text })), { title: routine.title, canPickMany: true });
  }

  private async toggle(items: readonly [Node, vscode.TreeItemCheckboxState][]): Promise<void> {
    if (!this.plan?.file) return;
    const uri = vscode.Uri.file(this.plan.file);
    const document = await vscode.workspace.openTextDocument(uri);
    const wasDirty = document.isDirty;
    const edit = new vscode.WorkspaceEdit();
    for (const [node, state] of items) {
      if (node.kind !== 'item') continue;
      const change = toggleEdit(node.item, state === vscode.TreeItemCheckboxState.Checked);
      if (change) edit.replace(uri, new vscode.Range(change.line, change.column, change.line, change.column + 1), change.text);
    }
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage('CareerLsp: the plan file could not be edited.');
      return;
    }
    // Saved when it had no other unsaved change: the tick is the user's own, one Undo away.
    if (!wasDirty) await document.save();
    await this.refresh();
  }

  private root(): vscode.Uri | undefined {
    if (this.plan?.file) {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(this.plan.file));
      if (folder) return folder.uri;
    }
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  /** This week's goals and review file, created from the plan's templates the first time, never overwritten. */
  async openWeek(): Promise<vscode.Uri | undefined> {
    const plan = this.plan ?? (await this.refresh());
    const root = this.root();
    if (!plan || !root) {
      void vscode.window.showErrorMessage('CareerLsp: open a folder to keep weekly goals and reviews in.');
      return undefined;
    }
    const now = this.clock.now();
    const uri = vscode.Uri.joinPath(root, plan.reviewFolder ?? 'reviews', weekFileName(now));
    if (!(await exists(uri))) {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), weekFileText(plan, now));
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showErrorMessage(`CareerLsp: could not create ${uri.fsPath}.`);
        return undefined;
      }
      await (await vscode.workspace.openTextDocument(uri)).save();
    }
    await vscode.window.showTextDocument(uri);
    return uri;
  }

  /** Rates each self-assessment question 1–10 and writes the ratings into this week's file. */
  async selfAssessment(): Promise<void> {
    const plan = this.plan ?? (await this.refresh());
    const routine = plan && routineOf(plan, 'self-assessment');
    if (!routine) return;
    const ratings: number[] = [];
    for (const question of routine.items) {
      const pick = await vscode.window.showQuickPick(['10', '9', '8', '7', '6', '5', '4', '3', '2', '1'], { title: question.text, placeHolder: 'Rate yourself 1–10' });
      if (pick === undefined) return; // Cancelled: nothing is written.
      ratings.push(Number(pick));
    }
    const uri = await this.openWeek();
    if (!uri) return;
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), selfAssessmentText(routine.items.map((i) => i.text), ratings));
    if (await vscode.workspace.applyEdit(edit)) await document.save();
  }

  /** Logs hours into a table plan's actual-hours cell. */
  async logHours(): Promise<void> {
    const plan = this.plan ?? (await this.refresh());
    const rows = plan ? flatten(plan.units).filter((u) => u.hours) : [];
    if (!plan?.file || rows.length === 0) {
      void vscode.window.showInformationMessage('CareerLsp: the plan has no table with an "Actual hours" column.');
      return;
    }
    const pick = await vscode.window.showQuickPick(rows.map((row) => ({ label: row.title, description: `actual: ${row.hours!.text || '—'}`, row })),
      { title: 'Log hours for' });
    if (!pick) return;
    const value = await vscode.window.showInputBox({
      title: `Hours spent on ${pick.row.title}`,
      value: pick.row.hours!.text,
      validateInput: (text) => (/^\d+(\.\d+)?$/.test(text.trim()) ? undefined : 'A number of hours, such as 3 or 1.5'),
    });
    if (value === undefined) return;
    const cell = pick.row.hours!;
    const uri = vscode.Uri.file(plan.file);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(cell.line, cell.start, cell.line, cell.end), ` ${value.trim()} `);
    if (await vscode.workspace.applyEdit(edit)) {
      await (await vscode.workspace.openTextDocument(uri)).save();
      await this.refresh();
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.watcher?.disposable.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The per-day prompt records, in the extension's global state. */
export function globalStore(state: vscode.Memento): PromptStore {
  return {
    get: (key) => state.get<PromptRecord>(key),
    update: (key, value) => state.update(key, value),
  };
}
