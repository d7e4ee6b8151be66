// The progress view: the habit report's page (careerLsp/report) in a webview that may run nothing
// and load nothing: scripts are off and the content security policy allows only inline styles.
import * as vscode from 'vscode';
import type { ReportView } from './protocol';

export const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;";

/** The page with the policy as its first head element (the report's page is written without one). */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`;
  const head = /<head[^>]*>/i.exec(html);
  return head ? html.slice(0, head.index + head[0].length) + '\n' + meta + html.slice(head.index + head[0].length) : `${meta}\n${html}`;
}

export interface ReportSource {
  fetch(): Promise<ReportView>;
}

/** *CareerLsp: Show progress*: opens (or refreshes) the progress view. */
export class ProgressView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly command: vscode.Disposable;

  constructor(private readonly source: ReportSource) {
    this.command = vscode.commands.registerCommand('careerlsp.showProgress', () => this.show());
  }

  async show(): Promise<void> {
    let report: ReportView;
    try {
      report = await this.source.fetch();
    } catch (error) {
      void vscode.window.showErrorMessage(`CareerLsp: no progress to show: ${(error as Error).message}`);
      return;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('careerlsp.progress', 'CareerLsp progress', vscode.ViewColumn.Active,
        { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
      this.panel.onDidDispose(() => { this.panel = undefined; });
    } else {
      this.panel.reveal();
    }
    this.panel.title = `Progress: ${report.repository}`;
    this.panel.webview.html = withPolicy(report.html);
  }

  dispose(): void {
    this.command.dispose();
    this.panel?.dispose();
  }
}
