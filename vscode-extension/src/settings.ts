// What the extension decides before it starts the server: which executable, and which options go
// to the client. Plain functions over plain data, so they are
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

/** The platforms a VSIX is built for (`vsce package --target`), each carrying its own native server. */
export const supportedTargets = ['linux-x64', 'linux-arm64', 'win32-x64', 'darwin-x64', 'darwin-arm64'];

/**
 * The bundled server lives in the extension's `server/` folder: each platform's VSIX carries its
 * own, a native executable that needs no runtime (put there by `npm run package`).
 */
export function locateServer(settings: CareerLspSettings, extensionPath: string, exists: (file: string) => boolean,
  platform: NodeJS.Platform = process.platform, arch: string = process.arch): ServerLocation {
  const configured = settings.serverPath.trim();
  if (configured.length > 0) {
    return exists(configured)
      ? { kind: 'found', command: configured, bundled: false }
      : { kind: 'missing', message: `CareerLsp: careerlsp.server.path is set to "${configured}", which does not exist. Fix the setting or clear it to use the bundled server.` };
  }
  const bundled = path.join(extensionPath, 'server', platform === 'win32' ? 'careerlsp.exe' : 'careerlsp');
  return exists(bundled)
    ? { kind: 'found', command: bundled, bundled: true }
    : { kind: 'missing', message: missingServerMessage(bundled, `${platform}-${arch}`) };
}

function missingServerMessage(bundled: string, target: string): string {
  return supportedTargets.includes(target)
    ? `CareerLsp: this installation has no server for ${target} (${bundled} is missing). Install the extension built for ${target} (careerlsp-<version>-${target}.vsix) or set careerlsp.server.path.`
    : `CareerLsp has no server for ${target}: it is built for ${supportedTargets.join(', ')}. Build careerlsp from source for this platform and set careerlsp.server.path to it.`;
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
