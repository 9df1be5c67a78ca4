/**
 * Shapes of the calendar API responses (src/modules/calendar/calendar.routes.ts) used by the calendar pages.
 */
import type { DeadlineResult, DeadlineRule, TraceStep, YearArrangement } from '../../modules/calendar';

export type { DeadlineRule, TraceStep, YearArrangement };

/** POST /api/calendar/deadline and /api/public/deadline. */
export interface DeadlineView extends DeadlineResult {
  lines: string[];
  rule: DeadlineRule;
  unit: { id: number; name: string } | null;
  calendar: { version: string; years: { year: number; status: string }[]; overrideLabels: string[]; ignoresAdjustedWorkdays: boolean };
}

export interface YearSummary {
  year: number;
  status: 'official' | 'unverified' | 'draft';
  title: string;
  docNo: string | null;
  published: string | null;
  url: string | null;
  holidays: number;
  offDays: number;
  workDays: number;
  note: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: number | null;
}

export interface MovedItem {
  key: string;
  source: string;
  unitId: number;
  unitName: string;
  label: string;
  ruleId: string;
  oldDue: string | null;
  newDue: string | null;
}

export interface MoveProblem {
  key: string;
  label: string;
  message: string;
}

export interface YearPreview {
  year: number;
  parsed: YearArrangement;
  existing: YearSummary | null;
  changes: Record<string, [unknown, unknown]>;
  moved: MovedItem[];
  problems: MoveProblem[];
}

export interface ChangePreview {
  moved: MovedItem[];
  problems: MoveProblem[];
}

export interface UnitOverrideView {
  id: number | null;
  date: string;
  kind: 'off' | 'work';
  reason: string;
  unitId: number;
  unitName: string;
  inherited: boolean;
  shadowed: boolean;
  createdAt: string | null;
}

export interface UnitCalendarView {
  unit: { id: number; name: string; code: string; path: string };
  ancestors: { id: number; name: string }[];
  overrides: UnitOverrideView[];
  ignoresAdjustedWorkdays: { own: boolean | null; effective: boolean; source: { id: number; name: string } | null };
  ruleConfig: { platform: Record<string, unknown> | null; layers: { unitId: number; unitName: string; config: Record<string, unknown> }[] };
  policies: { canManage: boolean };
}
