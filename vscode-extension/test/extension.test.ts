import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as vscode from './vscode-mock';
import { activate, checkRuntime } from '../src/extension';

const created: { id: string; server: unknown; options: any; started: boolean }[] = [];
vi.mock('vscode-languageclient/node', () => ({
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
    async sendRequest() { return undefined; }
  },
}));

const memory = () => { const values = new Map<string, unknown>(); return { get: (k: string) => values.get(k), update: async (k: string, v: unknown) => { values.set(k, v); } }; };
const context = () => ({ extensionPath: '/ext', subscriptions: [] as unknown[], globalState: memory() }) as any;

beforeEach(() => { created.length = 0; });

describe('activate', () => {
  it('starts the bundled server with the settings forwarded', async () => {
    vscode.reset({ 'careerlsp.configFile': '/team/.careerlsp.json' });
    await activate(context(), { exists: (f: string) => f === '/ext/server/careerlsp', checkRuntime: async () => undefined });
    expect(created).toHaveLength(1);
    const [client] = created;
    expect(client.server).toEqual({ command: '/ext/server/careerlsp', args: ['serve'], transport: 0 });
    expect(client.options.initializationOptions).toEqual({ configFile: '/team/.careerlsp.json' });
    expect(client.options.synchronize).toEqual({ configurationSection: 'careerlsp' });
    expect(client.options.documentSelector).toContainEqual({ language: 'scminput' });
    expect(client.options.documentSelector).toContainEqual({ language: 'git-commit' });
    expect(client.started).toBe(true);
    expect([...vscode.calls.commands.keys()]).toEqual(['careerlsp.showOutput', 'careerlsp.restartServer', 'careerlsp.showPlan', 'careerlsp.refreshPlan',
      'careerlsp.newWeek', 'careerlsp.selfAssessment', 'careerlsp.logHours', 'careerlsp.showProgress']);
    expect(vscode.calls.treeViews.map((v) => v.id)).toEqual(['careerlsp.plan']);
    expect(vscode.calls.errors).toEqual([]);
  });

  it('does not start without a .NET 10 runtime, and offers the download', async () => {
    vscode.reset({}, 'Download .NET 10');
    await activate(context(), { exists: () => true, checkRuntime: async () => 'dotnet was not found on PATH' });
    expect(created).toHaveLength(0);
    expect(vscode.calls.errors[0].message).toContain('needs the .NET 10 runtime to run its language server (dotnet was not found on PATH)');
    expect(vscode.calls.errors[0].actions).toEqual(['Download .NET 10']);
    expect(vscode.calls.opened).toEqual(['https://dotnet.microsoft.com/download/dotnet/10.0']);
  });

  it('skips the runtime check for a configured server and reports a wrong path', async () => {
    vscode.reset({ 'careerlsp.server.path': '/custom/careerlsp' });
    const check = vi.fn(async () => 'should not be asked');
    await activate(context(), { exists: (f: string) => f === '/custom/careerlsp', checkRuntime: check });
    expect(check).not.toHaveBeenCalled();
    expect((created[0].server as any).command).toBe('/custom/careerlsp');

    vscode.reset({ 'careerlsp.server.path': '/gone' });
    created.length = 0;
    await activate(context(), { exists: () => false, checkRuntime: check });
    expect(created).toHaveLength(0);
    expect(vscode.calls.errors[0].message).toContain('"/gone", which does not exist');
  });
});

describe('checkRuntime', () => {
  const fake = (error: any, stdout: string) => ((_file: string, _args: string[], _options: object, callback: any) => callback(error, stdout, '')) as any;

  it('explains each way the runtime can be missing', async () => {
    expect(await checkRuntime(fake(Object.assign(new Error('spawn dotnet ENOENT'), { code: 'ENOENT' }), ''))).toBe('dotnet was not found on PATH');
    expect(await checkRuntime(fake(null, 'Microsoft.NETCore.App 8.0.1 [/x]\n'))).toBe('no Microsoft.NETCore.App 10.x runtime is installed');
    expect(await checkRuntime(fake(null, 'Microsoft.NETCore.App 10.0.12 [/x]\n'))).toBeUndefined();
  });
});
