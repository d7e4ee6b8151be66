// The commit-msg hook, offered from the editor: commits made outside VS Code (a terminal, another
// tool) are then checked too. The server executable installs it (`careerlsp hook install`), so the
// hook runs careerlsp from PATH when it is there, else this extension's bundled server.

/** What `careerlsp hook status` says of a repository's commit-msg hook. */
export type HookState = 'installed' | 'outdated' | 'missing' | 'other';

export interface RunResult { code: number; stdout: string; stderr: string }

/** Runs the server executable with arguments in a directory. */
export type Run = (args: string[], cwd: string) => Promise<RunResult>;

/** The parts of the VS Code UI the offer uses, so it is tested without VS Code. */
export interface HookUi {
  ask(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string): void;
  log(line: string): void;
}

export interface Memory { get<T>(key: string): T | undefined; update(key: string, value: unknown): Thenable<void> }

export const installAction = 'Install the hook';
export const notNowAction = 'Not now';
export const neverAction = 'Never for this repository';
export const replaceAction = 'Replace it (keep a backup)';

export function parseHookStatus(stdout: string): { state: HookState; path: string } | undefined {
  const match = /^(installed|outdated|missing|other) (.+)$/m.exec(stdout);
  return match ? { state: match[1] as HookState, path: match[2] } : undefined;
}

export class HookOffer {
  constructor(private readonly run: Run, private readonly ui: HookUi, private readonly memory: Memory) {}

  /**
   * On start, for a repository folder: rewrites a CareerLsp hook that is outdated (say, written by
   * an earlier version of the extension from a folder that is gone), and offers to install a
   * missing one unless told never to for this repository. A folder that is not a repository, or
   * has a hook of its own, is left alone.
   */
  async offer(folder: string): Promise<void> {
    const status = await this.status(folder);
    if (!status) return;
    if (status.state === 'outdated') {
      await this.install(folder, false, true);
      return;
    }
    if (status.state !== 'missing' || this.memory.get<boolean>(neverKey(folder))) return;
    const choice = await this.ui.ask(
      `Install CareerLsp's commit-msg hook in ${folder}? Commits made outside VS Code are then checked too.`,
      installAction, notNowAction, neverAction);
    if (choice === installAction) await this.install(folder, false);
    else if (choice === neverAction) await this.memory.update(neverKey(folder), true);
  }

  /** The command: installs the hook, asking before it replaces a hook CareerLsp did not write. */
  async installCommand(folder: string | undefined): Promise<void> {
    if (!folder) {
      this.ui.error('CareerLsp: open a folder in a git repository to install the commit-msg hook.');
      return;
    }
    const status = await this.status(folder, true);
    if (!status) return;
    if (status.state === 'other') {
      const choice = await this.ui.ask(`${status.path} is a commit-msg hook CareerLsp did not write. Replace it? It is kept as a backup that uninstall restores.`, replaceAction);
      if (choice !== replaceAction) return;
      await this.install(folder, true);
      return;
    }
    await this.install(folder, false);
  }

  private async status(folder: string, report = false): Promise<{ state: HookState; path: string } | undefined> {
    const result = await this.run(['hook', 'status', '--repo', folder], folder);
    const status = result.code === 0 ? parseHookStatus(result.stdout) : undefined;
    if (!status && report) this.ui.error(`CareerLsp: ${firstLine(result.stderr) || 'cannot tell whether the commit-msg hook is installed'}`);
    return status;
  }

  private async install(folder: string, force: boolean, quiet = false): Promise<void> {
    const result = await this.run(['hook', 'install', '--repo', folder, ...(force ? ['--force'] : [])], folder);
    if (result.code !== 0) {
      this.ui.error(`CareerLsp: ${firstLine(result.stderr) || `hook install failed (exit ${result.code})`}`);
      return;
    }
    for (const line of result.stdout.split('\n').filter((l) => l.length > 0)) this.ui.log(line);
    if (!quiet) void this.ui.ask(`CareerLsp: ${firstLine(result.stdout)}.`);
  }
}

const neverKey = (folder: string) => `careerlsp.hookOffer.never:${folder}`;
const firstLine = (text: string) => text.split('\n').find((l) => l.trim().length > 0)?.replace(/^careerlsp: /, '') ?? '';
