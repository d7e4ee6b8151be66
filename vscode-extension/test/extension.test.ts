import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from './vscode-mock';
import { activate, runExecutable } from '../src/extension';
import { samplePlan } from './plan.test';

let served: unknown;

const created: { id: string; server: unknown; options: any; started: boolean }[] = [];
vi.mock('vscode-languageclient/node', () => ({
  RequestType: class { constructor(readonly method: string) {} },
  TransportKind: { stdio: 0 },
  State: { Stopped: 1, Starting: 3, Running: 2 },
  LanguageClient: class {
    record: { id: string; server: unknown; options: any; started: boolean };
    constructor(id: string, _name: string, server: unknown, options: unknown) {
      this.record = { id, server, options, started: false };
      created.push(this.record);
    }
    onDidChangeState() { return { dispose() {} }; }
    async start() { this.record.started = true; }
    async stop() {}
    async restart() {}
    async sendRequest() { return served; }
  },
}));

const memory = () => { const values = new Map<string, unknown>(); return { get: (k: string) => values.get(k), update: async (k: string, v: unknown) => { values.set(k, v); } }; };
const context = () => ({ extensionPath: '/ext', subscriptions: [] as unknown[], globalState: memory() }) as any;

beforeEach(() => { created.length = 0; served = undefined; });

describe('activate', () => {
  it('starts the bundled server with the settings forwarded', async () => {
    vscode.reset({ 'careerlsp.configFile': '/team/.careerlsp.json' });
    await activate(context(), { exists: (f: string) => f === '/ext/server/careerlsp' });
    expect(created).toHaveLength(1);
    const [client] = created;
    expect(client.server).toEqual({ command: '/ext/server/careerlsp', args: ['serve'], transport: 0 });
    expect(client.options.initializationOptions).toEqual({ configFile: '/team/.careerlsp.json' });
    expect(client.options.synchronize).toEqual({ configurationSection: 'careerlsp' });
    expect(client.options.documentSelector).toContainEqual({ language: 'scminput' });
    expect(client.options.documentSelector).toContainEqual({ language: 'git-commit' });
    expect(client.started).toBe(true);
    expect([...vscode.calls.commands.keys()]).toEqual(['careerlsp.showOutput', 'careerlsp.restartServer', 'careerlsp.installHook', 'careerlsp.showPlan',
      'careerlsp.refreshPlan', 'careerlsp.newWeek', 'careerlsp.selfAssessment', 'careerlsp.logHours', 'careerlsp.showProgress']);
    expect(vscode.calls.treeViews.map((v) => v.id)).toEqual(['careerlsp.plan']);
    expect(vscode.calls.errors).toEqual([]);
  });

  it('does not wait for the answer to a due routine prompt: activation ends while it is open', async () => {
    vscode.reset({ 'careerlsp.prompts.morning': '08:00' }, undefined, '/ws');
    served = samplePlan();
    vscode.answers.info.push(new Promise(() => {}) as unknown as string); // Never answered.
    const clock = { now: () => new Date(2026, 2, 3, 9, 0), every: () => ({ dispose: () => {} }) };
    const activated = activate(context(), { exists: (f: string) => f === '/ext/server/careerlsp', clock });
    const outcome = await Promise.race([activated.then(() => 'activated'), new Promise((resolve) => setTimeout(() => resolve('still activating'), 5000))]);
    expect(outcome).toBe('activated');
    expect(vscode.calls.infos.map((i) => i.actions)).toContainEqual(['Open', 'Snooze', 'Done today']);
  });

  it('starts the bundled server directly, with no runtime to look for, and offers the hook for the open repository', async () => {
    vscode.reset({}, undefined, '/repo');
    vscode.answers.info.push('Install the hook');
    const runs: { command: string; args: string[]; cwd: string }[] = [];
    const run = (command: string) => async (args: string[], cwd: string) => {
      runs.push({ command, args, cwd });
      return args[1] === 'status'
        ? { code: 0, stdout: 'missing /repo/.git/hooks/commit-msg\n', stderr: '' }
        : { code: 0, stdout: 'Installed the commit-msg hook at /repo/.git/hooks/commit-msg\n', stderr: '' };
    };
    await activate(context(), { exists: (f: string) => f === '/ext/server/careerlsp', run });
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(created[0].server).toEqual({ command: '/ext/server/careerlsp', args: ['serve'], transport: 0 });
    expect(runs).toEqual([
      { command: '/ext/server/careerlsp', args: ['hook', 'status', '--repo', '/repo'], cwd: '/repo' },
      { command: '/ext/server/careerlsp', args: ['hook', 'install', '--repo', '/repo'], cwd: '/repo' },
    ]);
    expect(vscode.calls.infos[0].actions).toEqual(['Install the hook', 'Not now', 'Never for this repository']);
    expect(vscode.calls.outputLines).toContain('Installed the commit-msg hook at /repo/.git/hooks/commit-msg');
  });

  it('names the platform when this installation carries no server for it', async () => {
    vscode.reset({});
    await activate(context(), { exists: () => false });
    expect(created).toHaveLength(0);
    expect(vscode.calls.errors[0].message).toMatch(/no server for (linux|win32|darwin)-\w+/);
  });

  it('uses a configured server and reports a wrong path', async () => {
    vscode.reset({ 'careerlsp.server.path': '/custom/careerlsp' });
    await activate(context(), { exists: (f: string) => f === '/custom/careerlsp' });
    expect((created[0].server as any).command).toBe('/custom/careerlsp');

    vscode.reset({ 'careerlsp.server.path': '/gone' });
    created.length = 0;
    await activate(context(), { exists: () => false });
    expect(created).toHaveLength(0);
    expect(vscode.calls.errors[0].message).toContain('"/gone", which does not exist');
  });
});

describe('runExecutable', () => {
  const fake = (error: any, stdout: string, stderr: string) => ((_file: string, _args: string[], _options: object, callback: any) => callback(error, stdout, stderr)) as any;

  it('reports the exit code and output, and a failure to start as exit 2 with its reason', async () => {
    expect(await runExecutable('/x', fake(null, 'installed /r\n', ''))(['hook', 'status'], '/r')).toEqual({ code: 0, stdout: 'installed /r\n', stderr: '' });
    expect(await runExecutable('/x', fake(Object.assign(new Error('exit'), { code: 2 }), '', 'careerlsp: not in a git repository\n'))([], '/r'))
      .toEqual({ code: 2, stdout: '', stderr: 'careerlsp: not in a git repository\n' });
    expect(await runExecutable('/x', fake(Object.assign(new Error('spawn /x EACCES'), { code: 'EACCES' }), '', ''))([], '/r'))
      .toEqual({ code: 2, stdout: '', stderr: 'spawn /x EACCES' });
  });
});
