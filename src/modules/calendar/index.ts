/**
 * Public API of the calendar module: the working-day calendar, period arithmetic, deadline rules as data and the
 * deadline engine with its trace. Pure and database-free; the platform wires DB-stored years and unit overrides in
 * through `createCalendar`.
 */
export * from './calendar.dates';
export * from './calendar.errors';
export * from './calendar.schema';
export * from './calendar.types';
export * from './calendar.days';
export * from './calendar.data';
export * from './calendar.rules';
export * from './calendar.engine';
