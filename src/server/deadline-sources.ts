/**
 * The open-deadline sources of every work line — ONE registry. A calendar change (a year imported or edited, a unit
 * override, a unit's 调休 setting) lists the open deadlines it moves from these sources before it is committed, and
 * refreshes them in the same transaction (src/modules/calendar/calendar.service.ts). A work line adds one line here.
 */
import type { DeadlineSource } from '../core/deadline-sources';
import { disclosureDeadlineSource } from '../modules/disclosure/disclosure.deadlines';

export const DEADLINE_SOURCES: DeadlineSource[] = [disclosureDeadlineSource];
