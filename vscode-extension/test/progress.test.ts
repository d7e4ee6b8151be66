import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from './vscode-mock';
import { ProgressView, contentSecurityPolicy, withPolicy } from '../src/progress';

const page = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Habits in repo</title>\n</head>\n<body><svg viewBox="0 0 10 10"></svg></body>\n</html>\n';

beforeEach(() => { vscode.reset(); vscode.panels.length = 0; });

describe('progress view', () => {
  it('puts a policy that allows nothing but inline styles first in the head', () => {
    const html = withPolicy(page);
    expect(html).toContain(`<head>\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">\n<meta charset="utf-8">`);
    expect(contentSecurityPolicy).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:;");
    expect(withPolicy('<p>no head</p>')).toMatch(/^<meta http-equiv="Content-Security-Policy"/);
  });

  it('shows the report in a webview with scripts off, and reuses it', async () => {
    const view = new ProgressView({ fetch: async () => ({ html: page, commits: 2, weeks: 1, repository: 'repo' }) });
    await vscode.calls.commands.get('careerlsp.showProgress')!();
    expect(vscode.panels).toHaveLength(1);
    const [panel] = vscode.panels;
    expect(panel.options).toEqual({ enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
    expect(panel.title).toBe('Progress: repo');
    expect(panel.webview.html).toContain('<svg viewBox="0 0 10 10">');
    expect(panel.webview.html).toContain('Content-Security-Policy');
    await vscode.calls.commands.get('careerlsp.showProgress')!();
    expect(vscode.panels).toHaveLength(1);
    expect(panel.revealed).toBe(1);
    view.dispose();
    expect(panel.disposed).toBe(true);
  });

  it('says why when there is no report', async () => {
    const view = new ProgressView({ fetch: async () => { throw new Error('careerLsp/report: /tmp is not in a git repository'); } });
    await vscode.calls.commands.get('careerlsp.showProgress')!();
    expect(vscode.panels).toHaveLength(0);
    expect(vscode.calls.errors[0].message).toBe('CareerLsp: no progress to show: careerLsp/report: /tmp is not in a git repository');
    view.dispose();
  });
});
