/**
 * `fazhi calendar …` (the stored working-day calendar) and the platform's data source for `fazhi deadline … --unit`.
 * The implementations load lazily, so `fazhi --help` and the plain `fazhi deadline …` commands need no database.
 *
 *   fazhi calendar list [--json]
 *   fazhi calendar import FILE [--dry-run] [--json]     → lists the open deadlines the year moves, then imports it
 */
import type { Command } from 'commander';
import { loadBundledCalendar, type DeadlineCliDeps } from './calendar.cli';
import { DEADLINE_RULES } from './calendar.rules';

const impl = () => import('./calendar.commands.impl');

/** Registers `fazhi calendar list` and `fazhi calendar import`. */
export function registerCalendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('工作日历：年度节假日安排的导入与查看（数据库中的日历）');
  calendar
    .command('list')
    .description('列出已导入的年度节假日安排（年份、状态、来源）')
    .option('--json', '输出 JSON')
    .action(async (o: { json?: boolean }) => (await impl()).calendarList(o));
  calendar
    .command('import')
    .description('导入或替换某年节假日安排（格式见 src/modules/calendar/CALENDAR-FORMAT.md）：先列出将被调整的未结期限，再导入并记录操作日志')
    .argument('<file>', '年度节假日安排 JSON 文件')
    .option('--dry-run', '只校验并列出将被调整的未结期限，不导入')
    .option('--json', '输出 JSON')
    .action(async (file: string, o: { dryRun?: boolean; json?: boolean }) => (await impl()).calendarImport(file, o));
}

/**
 * The data source of `fazhi deadline …` in the platform: without `--unit` the bundled calendar and national rules
 * (no database); with `--unit CODE` the calendar and rules of that unit, read from the configured database.
 */
export const platformDeadlineDeps: DeadlineCliDeps = {
  loadCalendar: async (o) => (o.unit === undefined ? loadBundledCalendar(o) : (await impl()).unitCalendar(o.unit, o)),
  loadRules: async (o) => (o.unit === undefined ? DEADLINE_RULES : (await impl()).unitRules(o.unit)),
};
