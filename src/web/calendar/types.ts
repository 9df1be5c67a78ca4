/**
 * Shapes of the calendar API responses used by the calendar pages: the service's own types, imported as types
 * only (erased from the bundle), so the pages and the API cannot drift apart.
 */
export type { DeadlineRule, TraceStep, YearArrangement } from '../../modules/calendar';
export type { ChangePreview, DeadlineView, MovedItem, MoveProblem, UnitCalendarView, UnitOverrideView, YearPreview, YearSummary } from '../../modules/calendar/calendar.service';
