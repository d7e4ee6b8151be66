// The custom requests the server answers, typed as the server writes them (server/CareerLsp.Workspace/
// CustomRequests.cs; docs/dev/lsp-extensions.md): the extension only renders them.
// tests/e2e/plan.test.mjs holds the server to these shapes; test/protocol.test.ts the method names.
import { RequestType } from 'vscode-languageclient/node';

/** `careerLsp/plan` parameters: `uri` picks the workspace; `today`/`start` (YYYY-MM-DD) override the clock and the start. */
export interface PlanRequestParams {
  uri?: string;
  today?: string;
  start?: string;
}


export interface PlanItemView {
  text: string;
  /** null for an exercise (no checkbox). */
  checked: boolean | null;
  /** Zero-based line and column of the checkbox's mark in the plan file (absent for built-in routines). */
  line?: number;
  column?: number;
}

export interface PlanCellView {
  text: string;
  line: number;
  start: number;
  end: number;
}

export type UnitKind = 'day' | 'week' | 'month' | 'year' | 'phase' | 'row' | 'section';

export interface PlanUnitView {
  kind: UnitKind;
  title: string;
  from: string | null;
  to: string | null;
  line: number;
  items: PlanItemView[];
  children?: PlanUnitView[];
  goal?: string;
  metric?: string;
  priority?: number;
  done?: boolean;
  hours?: PlanCellView;
}

export type PromptKind = 'morning' | 'before-commit' | 'evening' | 'weekly-goals' | 'weekly-review' | 'self-assessment';

export interface PlanPromptView {
  kind: PromptKind;
  title: string;
  builtIn: boolean;
  line: number | null;
  items: PlanItemView[];
  template?: string;
}

export interface PlanView {
  title: string;
  /** The plan file, or null for the built-in plan. */
  file: string | null;
  start: string;
  startFrom: 'given' | 'configuration' | 'git' | 'today';
  today: string;
  reviewFolder?: string;
  units: PlanUnitView[];
  current: PlanUnitView[];
  prompts: PlanPromptView[];
}

/** `careerLsp/report` parameters: the workspace and the filters of `careerlsp report`. */
export interface ReportRequestParams {
  uri?: string;
  since?: string;
  until?: string;
  author?: string;
}


/** The habit report as one self-contained page (no script, no remote resource). */
export interface ReportView {
  html: string;
  commits: number;
  weeks: number;
  repository: string;
}

export const planRequest = new RequestType<PlanRequestParams, PlanView, void>('careerLsp/plan');

export const reportRequest = new RequestType<ReportRequestParams, ReportView, void>('careerLsp/report');
