// What the extension decides before it starts the server: which executable, whether the runtime it
// needs is there, and which options go to the client. Plain functions over plain data, so they are
// tested without VS Code.
import * as path from 'node:path';

/** The settings the extension reads (declared in package.json under `careerlsp.*`). */
export interface CareerLspSettings {
  serverPath: string;
  configFile: string;
}

export type ServerLocation =
  | { kind: 'found'; command: string; bundled: boolean }
  | { kind: 'missing'; message: string };

/** The bundled server lives in the extension's `server/` folder (put there by `npm run package`). */
export function locateServer(settings: CareerLspSettings, extensionPath: string, exists: (file: string) => boolean,
  platform: NodeJS.Platform = process.platform): ServerLocation {
  const configured = settings.serverPath.trim();
  if (configured.length > 0) {
    return exists(configured)
      ? { kind: 'found', command: configured, bundled: false }
      : { kind: 'missing', message: `CareerLsp: careerlsp.server.path is set to "${configured}", which does not exist. Fix the setting or clear it to use the bundled server.` };
  }
  const bundled = path.join(extensionPath, 'server', platform === 'win32' ? 'careerlsp.exe' : 'careerlsp');
  return exists(bundled)
    ? { kind: 'found', command: bundled, bundled: true }
    : { kind: 'missing', message: `CareerLsp: the bundled server is missing (${bundled}). Reinstall the extension or set careerlsp.server.path.` };
}

export const runtimeDownloadUrl = 'https://dotnet.microsoft.com/download/dotnet/10.0';

/** The bundled server is framework-dependent: it needs `Microsoft.NETCore.App 10.x` in `dotnet --list-runtimes`. */
export function hasDotnet10(listRuntimesOutput: string): boolean {
  return /^Microsoft\.NETCore\.App 10\.\d+\.\d+/m.test(listRuntimesOutput);
}

export function missingRuntimeMessage(detail: string): string {
  return `CareerLsp needs the .NET 10 runtime to run its language server (${detail}). Install ".NET Runtime 10" from ${runtimeDownloadUrl}, then reload the window.`;
}

/** Documents the server checks: the commit box, commit message files, Markdown and its configuration. */
export const documentSelector = [
  { language: 'scminput' },
  { language: 'git-commit' },
  { language: 'gitcommit' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', pattern: '**/.careerlsp.json' },
];

/** What the server receives at start (`initializationOptions`) and later through `workspace/configuration`. */
export function initializationOptions(settings: CareerLspSettings): { configFile: string } {
  return { configFile: settings.configFile.trim() };
}
