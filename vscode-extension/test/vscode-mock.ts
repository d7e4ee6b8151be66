// The part of the vscode API the extension touches, recorded so tests can assert on it.
export const calls = {
  errors: [] as { message: string; actions: string[] }[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  opened: [] as string[],
  outputLines: [] as string[],
};
export let settings: Record<string, unknown> = {};
export let errorChoice: string | undefined;

export function reset(values: Record<string, unknown> = {}, choice?: string): void {
  calls.errors.length = 0;
  calls.commands.clear();
  calls.opened.length = 0;
  calls.outputLines.length = 0;
  settings = values;
  errorChoice = choice;
}

export const StatusBarAlignment = { Left: 1, Right: 2 };

export const window = {
  createOutputChannel: () => ({ appendLine: (line: string) => calls.outputLines.push(line), show: () => {}, dispose: () => {} }),
  createStatusBarItem: () => ({ text: '', tooltip: '', name: '', command: '', show: () => {}, dispose: () => {} }),
  showErrorMessage: async (message: string, ...actions: string[]) => {
    calls.errors.push({ message, actions });
    return errorChoice;
  },
};

export const workspace = {
  getConfiguration: (section: string) => ({
    get: <T>(key: string, fallback: T): T => (settings[`${section}.${key}`] as T) ?? fallback,
  }),
};

export const commands = {
  registerCommand: (name: string, handler: (...args: unknown[]) => unknown) => {
    calls.commands.set(name, handler);
    return { dispose: () => {} };
  },
};

export const env = { openExternal: async (uri: { toString(): string }) => { calls.opened.push(uri.toString()); return true; } };

export const Uri = { parse: (value: string) => ({ toString: () => value }) };
