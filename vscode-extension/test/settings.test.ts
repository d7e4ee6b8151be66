import { describe, expect, it } from 'vitest';
import { hasDotnet10, initializationOptions, locateServer, missingRuntimeMessage } from '../src/settings';

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
});

describe('the .NET 10 runtime check', () => {
  it('reads dotnet --list-runtimes', () => {
    expect(hasDotnet10('Microsoft.AspNetCore.App 10.0.1 [/usr/share/dotnet]\nMicrosoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared]\n')).toBe(true);
    expect(hasDotnet10('Microsoft.NETCore.App 8.0.20 [/usr/share/dotnet/shared]\nMicrosoft.AspNetCore.App 10.0.1 [/x]\n')).toBe(false);
    expect(hasDotnet10('')).toBe(false);
  });

  it('says what to install', () => {
    expect(missingRuntimeMessage('dotnet was not found on PATH')).toMatch(/\.NET Runtime 10.*dotnet\.microsoft\.com\/download\/dotnet\/10\.0/);
  });
});

it('forwards the configFile setting as initialization options', () => {
  expect(initializationOptions({ serverPath: '', configFile: ' team.json ' })).toEqual({ configFile: 'team.json' });
});
