import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planRequest, reportRequest } from '../src/protocol';

vi.mock('vscode-languageclient/node', () => ({ RequestType: class { constructor(readonly method: string) {} } }));

// The server declares its custom methods once, in CustomRequests.cs; the extension's typed requests
// must name the same ones, or the server answers "method not found".
const contract = readFileSync(join(__dirname, '..', '..', 'server', 'CareerLsp.Workspace', 'CustomRequests.cs'), 'utf8');
const method = (name: string) => contract.match(new RegExp(`public const string ${name} = "([^"]+)";`))?.[1];

describe('the custom requests', () => {
  it('name the methods the server declares', () => {
    expect(method('Plan')).toBe('careerLsp/plan');
    expect(planRequest.method).toBe(method('Plan'));
    expect(reportRequest.method).toBe(method('Report'));
  });
});
