/**
 * The calendar and rules a unit's disclosure deadlines are computed on.
 */
import type { DbOrTx } from '../../core/db/database';
import { bundledCalendar, DEADLINE_RULES, type Calendar, type DeadlineRule } from '../calendar';

export interface UnitCalendar {
  calendar: Calendar;
  rules: readonly DeadlineRule[];
}

/** The calendar (years and the unit's overrides) and the rules in force for a unit. */
export async function unitCalendar(_db: DbOrTx, _unitId: number): Promise<UnitCalendar> {
  return { calendar: bundledCalendar(), rules: DEADLINE_RULES };
}
