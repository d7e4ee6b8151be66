import { describe, expect, it } from 'vitest';
import { initializationOptions, locateServer } from '../src/settings';

describe('locateServer', () => {
  const exists = (files: string[]) => (file: string) => files.includes(file);

  it('prefers careerlsp.server.path when it exists', () => {
    expect(locateServer({ serverPath: '/opt/careerlsp', configFile: '' }, '/ext', exists(['/opt/careerlsp', '/ext/server/careerlsp'])))
      .toEqual({ kind: 'found', command: '/opt/careerlsp', bundled: false });
  });

  it('explains a configured path that does not exist instead of falling back silently', () => {
    const result = locateServer({ serverPath: '/nope', configFile: '' }, '/ext', exists(['/ext/server/careerlsp']));
    expect(result.kind).toBe('missing');
    expect(result.kind === 'missing' && result.message).toContain('careerlsp.server.path is set to "/nope"');
  });

  it('uses the bundled server, with the platform file name', () => {
    expect(locateServer({ serverPath: ' ', configFile: '' }, '/ext', exists(['/ext/server/careerlsp'])))
      .toEqual({ kind: 'found', command: '/ext/server/careerlsp', bundled: true });
    expect(locateServer({ serverPath: '', configFile: '' }, '/ext', () => true, 'win32'))
      .toMatchObject({ command: expect.stringMatching(/careerlsp\.exe$/) });
    expect(locateServer({ serverPath: '', configFile: '' }, '/ext', () => false).kind).toBe('missing');
  });

  it('says which VSIX to install when the bundled server is missing, and when no platform build exists', () => {
    const missing = locateServer({ serverPath: '', configFile: '' }, '/ext', () => false, 'darwin', 'arm64');
    expect(missing.kind === 'missing' && missing.message).toContain('Install the extension built for darwin-arm64 (careerlsp-<version>-darwin-arm64.vsix)');
    const unsupported = locateServer({ serverPath: '', configFile: '' }, '/ext', () => false, 'linux', 'ppc64');
    expect(unsupported.kind === 'missing' && unsupported.message).toContain('no server for linux-ppc64: it is built for linux-x64, linux-arm64, win32-x64, darwin-x64, darwin-arm64');
  });
});

it('forwards the configFile setting as initialization options', () => {
  expect(initializationOptions({ serverPath: '', configFile: ' team.json ' })).toEqual({ configFile: 'team.json' });
});
