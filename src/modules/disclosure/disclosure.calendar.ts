/**
 * The calendar and rules a unit's disclosure deadlines are computed on: the years stored in the database, the
 * overrides of the unit's subtree, and the rule configuration in force for the unit (calendar module).
 */
import type { DbOrTx } from '../../core/db/database';
import type { Calendar, DeadlineRule } from '../calendar';
import { getCalendarForUnit, getRulesForUnit } from '../calendar/calendar.service';

export interface UnitCalendar {
  calendar: Calendar;
  rules: readonly DeadlineRule[];
}

/** The calendar and the rules in force for a unit (0 or null: the national calendar). */
export async function unitCalendar(db: DbOrTx, unitId: number | null): Promise<UnitCalendar> {
  const id = unitId || null;
  const [calendar, rules] = await Promise.all([getCalendarForUnit(db, id), getRulesForUnit(db, id)]);
  return { calendar, rules };
}
