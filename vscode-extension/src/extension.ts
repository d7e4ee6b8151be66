// A thin extension (as vscode-eslint and rust-analyzer's): it finds and starts the server, forwards
// settings, and renders what the server computes. All checking happens in the server.
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync } from 'node:fs';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { documentSelector, initializationOptions, locateServer, type CareerLspSettings } from './settings';
import { HookOffer, type Run } from './hook';
import { PlanFeature, globalStore, systemClock, type Clock } from './planUi';
import { ProgressView } from './progress';
import { planRequest, reportRequest, type PlanRequestParams, type PlanView, type ReportRequestParams, type ReportView } from './protocol';

let client: LanguageClient | undefined;
let plan: PlanFeature | undefined;

export function readSettings(): CareerLspSettings {
  const config = vscode.workspace.getConfiguration('careerlsp');
  return { serverPath: config.get<string>('server.path', ''), configFile: config.get<string>('configFile', '') };
}

/** Runs the server executable for a one-off command (the hook's status and install). */
export function runExecutable(command: string, run: typeof execFile = execFile): Run {
  return (args, cwd) => new Promise((resolve) => {
    run(command, args, { cwd, timeout: 15000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 2) : 0;
      resolve({ code, stdout: String(stdout), stderr: error && !stderr ? error.message : String(stderr) });
    });
  });
}

/** What activation needs from the machine; tests pass their own. */
export interface Dependencies {
  exists: (file: string) => boolean;
  /** Runs the server executable once (defaults to execFile). */
  run?: (command: string) => Run;
  clock?: Clock;
}

export async function activate(context: vscode.ExtensionContext,
  deps: Dependencies = { exists: (file) => existsSync(file) }): Promise<PlanFeature | undefined> {
  const output = vscode.window.createOutputChannel('CareerLsp');
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 0);
  status.name = 'CareerLsp';
  status.command = 'careerlsp.showOutput';
  context.subscriptions.push(output, status,
    vscode.commands.registerCommand('careerlsp.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('careerlsp.restartServer', async () => {
      if (client) await client.restart();
      else await start(context, output, status, deps);
    }));
  status.show();
  const command = await start(context, output, status, deps);
  if (!client || !command) return undefined;
  const hooks = new HookOffer((deps.run ?? runExecutable)(command), {
    ask: (message, ...actions) => Promise.resolve(vscode.window.showInformationMessage(message, ...actions)),
    error: (message) => { output.appendLine(message); void vscode.window.showErrorMessage(message); },
    log: (line) => output.appendLine(line),
  }, context.globalState);
  context.subscriptions.push(vscode.commands.registerCommand('careerlsp.installHook',
    () => hooks.installCommand(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath)));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme === 'file') void hooks.offer(folder.uri.fsPath);
  }
  // The training plan: the server reads it (careerLsp/plan); the feature renders it and prompts.
  plan = new PlanFeature({
    fetch: async () => {
      if (!client) return undefined;
      const params: PlanRequestParams = { uri: vscode.workspace.workspaceFolders?.[0]?.uri.toString() };
      return client.sendRequest(planRequest, params);
    },
  }, globalStore(context.globalState), deps.clock ?? systemClock);
  const progress = new ProgressView({
    fetch: async () => {
      if (!client) throw new Error('the server is not running');
      const params: ReportRequestParams = { uri: vscode.workspace.workspaceFolders?.[0]?.uri.toString() };
      return client.sendRequest(reportRequest, params);
    },
  });
  context.subscriptions.push(plan, progress, vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('careerlsp')) void plan?.refresh();
  }));
  await plan.refresh();
  // Not awaited: a due routine's prompt waits for the user's answer, and activation must not (VS
  // Code shows "Activating Extensions..." until it ends, and commands wait for it).
  plan.tick().catch((error: unknown) => output.appendLine(`routine prompts: ${error instanceof Error ? error.message : String(error)}`));
  return plan;
}

/** Starts the language server; returns the executable it runs, or undefined when there is none. */
async function start(context: vscode.ExtensionContext, output: vscode.OutputChannel, status: vscode.StatusBarItem,
  deps: Dependencies): Promise<string | undefined> {
  const settings = readSettings();
  const location = locateServer(settings, context.extensionPath, deps.exists);
  if (location.kind === 'missing') {
    setStatus(status, 'error', location.message);
    output.appendLine(location.message);
    void vscode.window.showErrorMessage(location.message);
    return undefined;
  }
  if (location.bundled) ensureExecutable(location.command);

  const serverOptions: ServerOptions = { command: location.command, args: ['serve'], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    initializationOptions: initializationOptions(settings),
    synchronize: { configurationSection: 'careerlsp' },
  };
  client = new LanguageClient('careerlsp', 'CareerLsp', serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Running) setStatus(status, 'running', `CareerLsp is running (${location.command})`);
    else if (event.newState === State.Starting) setStatus(status, 'starting', 'CareerLsp is starting');
    else setStatus(status, 'error', 'CareerLsp stopped: see the output channel');
  });
  setStatus(status, 'starting', 'CareerLsp is starting');
  await client.start();
  return location.command;
}

/** An unpacked VSIX can lose the executable bit; the bundled server needs it. */
function ensureExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    accessSync(file, constants.X_OK);
  } catch {
    try { chmodSync(file, 0o755); } catch { /* Reported when the client fails to start it. */ }
  }
}

function setStatus(status: vscode.StatusBarItem, state: 'starting' | 'running' | 'error', tooltip: string): void {
  status.text = state === 'running' ? '$(check) CareerLsp' : state === 'starting' ? '$(sync~spin) CareerLsp' : '$(error) CareerLsp';
  status.tooltip = tooltip;
}

export async function deactivate(): Promise<void> {
  plan = undefined;
  await client?.stop();
  client = undefined;
}
