/**
 * Open deadlines of every work line, so that a calendar change can list the deadlines it moves before it is
 * committed, and refresh them in the same transaction (domain-rules §12; house-style §12 C.1).
 * A work line registers one source in `src/server/deadline-sources.ts`.
 */
import type { DbOrTx, Tx } from './db/database';
import type { Calendar } from '../modules/calendar';

export interface OpenDeadlineItem {
  /** Stable key, e.g. `disclosure-request:42`. */
  key: string;
  unitId: number;
  /** What a person sees in the list, e.g. 依申请公开 GK-2026-0042（张三）. */
  label: string;
  ruleId: string;
  /** The due date stored now (projection), or null. */
  currentDue: string | null;
  /** The due date this item would have on the given calendar (the unit's calendar, overrides applied). */
  dueOn(calendar: Calendar): string | null;
}

export interface DeadlineSource {
  name: string;
  /** Every item whose deadline is still running. */
  listOpen(db: DbOrTx): Promise<OpenDeadlineItem[]>;
  /** Recomputes the stored projections of these items with the calendar now in the database (same transaction). */
  refresh(tx: Tx, keys: string[]): Promise<void>;
}
