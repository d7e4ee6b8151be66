// The part of the vscode API the extension touches, recorded so tests can assert on it and script
// the user's answers (notification buttons, quick picks, input boxes).
type Listener<T> = (value: T) => unknown;

export const calls = {
  errors: [] as { message: string; actions: string[] }[],
  infos: [] as { message: string; actions: string[] }[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as { command: string; args: unknown[] }[],
  opened: [] as string[],
  outputLines: [] as string[],
  shown: [] as { uri: string; selection?: Range }[],
  quickPicks: [] as { items: unknown[]; options: any }[],
  edits: [] as WorkspaceEdit[],
  saved: [] as string[],
  statusItems: [] as any[],
  treeViews: [] as { id: string; options: any; checkbox: Listener<any>[] }[],
};
export let settings: Record<string, unknown> = {};
export let errorChoice: string | undefined;
/** Answers to information messages, quick picks and input boxes, taken in order. */
export const answers = { info: [] as (string | undefined)[], quickPick: [] as unknown[], input: [] as (string | undefined)[] };
/** The files the fake file system has, by path. */
export const files = new Map<string, string>();
export const listeners = { change: [] as Listener<any>[], save: [] as Listener<any>[], config: [] as Listener<any>[] };
export let workspaceFolders: { uri: Uri; name: string; index: number }[] | undefined;

export function reset(values: Record<string, unknown> = {}, choice?: string, folder?: string): void {
  for (const list of Object.values(calls)) if (Array.isArray(list)) list.length = 0;
  calls.commands.clear();
  answers.info.length = answers.quickPick.length = answers.input.length = 0;
  files.clear();
  for (const list of Object.values(listeners)) list.length = 0;
  settings = values;
  errorChoice = choice;
  workspaceFolders = folder ? [{ uri: Uri.file(folder), name: 'folder', index: 0 }] : undefined;
}

export class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string, private readonly raw?: string) {}
  static file(path: string): Uri { return new Uri('file', path); }
  static parse(value: string): Uri { return new Uri(value.split(':')[0], value.replace(/^file:\/\//, ''), value); }
  static joinPath(base: Uri, ...parts: string[]): Uri { return Uri.file([base.fsPath, ...parts].join('/').replace(/\/+/g, '/')); }
  toString(): string { return this.raw ?? `file://${this.fsPath}`; }
}

export class Position { constructor(readonly line: number, readonly character: number) {} }

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

/** Records its operations; applyEdit carries them out on `files`. */
export class WorkspaceEdit {
  readonly operations: ({ op: 'replace'; uri: Uri; range: Range; text: string } | { op: 'insert'; uri: Uri; position: Position; text: string } | { op: 'create'; uri: Uri })[] = [];
  replace(uri: Uri, range: Range, text: string): void { this.operations.push({ op: 'replace', uri, range, text }); }
  insert(uri: Uri, position: Position, text: string): void { this.operations.push({ op: 'insert', uri, position, text }); }
  createFile(uri: Uri): void { this.operations.push({ op: 'create', uri }); }
}

function offset(text: string, line: number, character: number): number {
  const lines = text.split('\n');
  if (line >= lines.length) return text.length;
  return lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
}

export class EventEmitter<T> {
  private readonly handlers: Listener<T>[] = [];
  readonly event = (handler: Listener<T>) => { this.handlers.push(handler); return { dispose: () => {} }; };
  fire(value: T): void { for (const handler of this.handlers) handler(value); }
}

export enum TreeItemCollapsibleState { None = 0, Collapsed = 1, Expanded = 2 }
export enum TreeItemCheckboxState { Unchecked = 0, Checked = 1 }

export class TreeItem {
  description?: string;
  tooltip?: string;
  checkboxState?: TreeItemCheckboxState;
  iconPath?: unknown;
  command?: unknown;
  constructor(readonly label: string, readonly collapsibleState: TreeItemCollapsibleState) {}
}

export class ThemeIcon { constructor(readonly id: string) {} }

export const StatusBarAlignment = { Left: 1, Right: 2 };

export const window = {
  createOutputChannel: () => ({ appendLine: (line: string) => calls.outputLines.push(line), show: () => {}, dispose: () => {} }),
  createStatusBarItem: () => {
    const item = { text: '', tooltip: '', name: '', command: '', visible: false, show() { this.visible = true; }, hide() { this.visible = false; }, dispose: () => {} };
    calls.statusItems.push(item);
    return item;
  },
  createTreeView: (id: string, options: any) => {
    const view = { id, options, checkbox: [] as Listener<any>[] };
    calls.treeViews.push(view);
    return { onDidChangeCheckboxState: (handler: Listener<any>) => { view.checkbox.push(handler); return { dispose: () => {} }; }, dispose: () => {} };
  },
  showErrorMessage: async (message: string, ...actions: string[]) => {
    calls.errors.push({ message, actions });
    return errorChoice;
  },
  showInformationMessage: async (message: string, ...actions: string[]) => {
    calls.infos.push({ message, actions });
    return answers.info.shift();
  },
  showQuickPick: async (items: unknown[], options: any) => {
    calls.quickPicks.push({ items, options });
    const answer = answers.quickPick.shift();
    return typeof answer === 'number' ? items[answer] : answer;
  },
  showInputBox: async (options: any) => {
    const answer = answers.input.shift();
    if (answer !== undefined && options?.validateInput?.(answer)) return undefined;
    return answer;
  },
  showTextDocument: async (uri: Uri, options?: { selection?: Range }) => {
    calls.shown.push({ uri: uri.fsPath, selection: options?.selection });
    return {};
  },
};

export const workspace = {
  get workspaceFolders() { return workspaceFolders; },
  getWorkspaceFolder: (uri: Uri) => workspaceFolders?.find((f) => uri.fsPath.startsWith(f.uri.fsPath + '/')),
  getConfiguration: (section: string) => ({
    get: <T>(key: string, fallback: T): T => (settings[`${section}.${key}`] as T) ?? fallback,
  }),
  onDidChangeTextDocument: (handler: Listener<any>) => { listeners.change.push(handler); return { dispose: () => {} }; },
  onDidSaveTextDocument: (handler: Listener<any>) => { listeners.save.push(handler); return { dispose: () => {} }; },
  onDidChangeConfiguration: (handler: Listener<any>) => { listeners.config.push(handler); return { dispose: () => {} }; },
  openTextDocument: async (uri: Uri) => ({
    uri,
    isDirty: false,
    get lineCount() { return (files.get(uri.fsPath) ?? '').split('\n').length; },
    save: async () => { calls.saved.push(uri.fsPath); return true; },
  }),
  applyEdit: async (edit: WorkspaceEdit) => {
    calls.edits.push(edit);
    for (const operation of edit.operations) {
      const path = operation.uri.fsPath;
      if (operation.op === 'create') { if (!files.has(path)) files.set(path, ''); continue; }
      const text = files.get(path);
      if (text === undefined) return false;
      if (operation.op === 'insert') {
        const at = offset(text, operation.position.line, operation.position.character);
        files.set(path, text.slice(0, at) + operation.text + text.slice(at));
      } else {
        const start = offset(text, operation.range.start.line, operation.range.start.character);
        const end = offset(text, operation.range.end.line, operation.range.end.character);
        files.set(path, text.slice(0, start) + operation.text + text.slice(end));
      }
    }
    return true;
  },
  fs: {
    stat: async (uri: Uri) => {
      if (!files.has(uri.fsPath)) throw new Error(`${uri.fsPath} not found`);
      return { type: 1 };
    },
  },
};

export const commands = {
  registerCommand: (name: string, handler: (...args: unknown[]) => unknown) => {
    calls.commands.set(name, handler);
    return { dispose: () => {} };
  },
  executeCommand: async (command: string, ...args: unknown[]) => { calls.executed.push({ command, args }); },
};

export const env = { openExternal: async (uri: { toString(): string }) => { calls.opened.push(uri.toString()); return true; } };

export const ViewColumn = { Active: -1, One: 1 };

/** Webview panels created, with their options and the HTML they were given. */
export const panels: { id: string; title: string; options: any; webview: { html: string }; revealed: number; disposed: boolean }[] = [];

Object.assign(window, {
  createWebviewPanel: (id: string, title: string, _column: number, options: any) => {
    const disposeHandlers: (() => void)[] = [];
    const panel = {
      id, title, options, webview: { html: '' }, revealed: 0, disposed: false,
      reveal() { this.revealed++; },
      onDidDispose(handler: () => void) { disposeHandlers.push(handler); return { dispose: () => {} }; },
      dispose() { this.disposed = true; for (const handler of disposeHandlers) handler(); },
    };
    panels.push(panel);
    return panel;
  },
});

export class RelativePattern { constructor(readonly base: Uri, readonly pattern: string) {} }

export class Disposable {
  constructor(private readonly callback: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable { return new Disposable(() => { for (const item of items) item.dispose(); }); }
  dispose(): void { this.callback(); }
}

/** File system watchers created: their pattern and handlers, so tests can fire changes. */
export const watchers: { pattern: RelativePattern; change: (() => void)[]; disposed: boolean }[] = [];

Object.assign(workspace, {
  createFileSystemWatcher: (pattern: RelativePattern) => {
    const entry = { pattern, change: [] as (() => void)[], disposed: false };
    watchers.push(entry);
    const on = (handler: () => void) => { entry.change.push(handler); return { dispose: () => {} }; };
    return { onDidChange: on, onDidCreate: on, onDidDelete: on, dispose: () => { entry.disposed = true; } };
  },
});
