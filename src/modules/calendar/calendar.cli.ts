/**
 * `fazhi deadline …` commands: working-day arithmetic and deadline computation with the trace, on the bundled
 * calendar (2022–2026) by default. The data source is injectable (`DeadlineCliDeps`) so that the platform can make
 * the same commands read DB-stored years, unit overrides and configured rules.
 *
 *   fazhi deadline add-working-days 2023-09-25 20          → 2023-10-27
 *   fazhi deadline add-days 2024-08-02 60                  → 2024-10-08 (民事诉讼法第八十五条顺延)
 *   fazhi deadline day 2023-10-07                          → 调休上班（中秋节、国庆节）
 *   fazhi deadline rules [--json]
 *   fazhi deadline disclosure.reply --start 2023-09-25 --pause 2023-10-09:2023-10-11 --extend [--json]
 *   fazhi deadline disclosure.reply --start 2023-09-25 --unit TA      → on unit TA's calendar in the database
 *
 * Invalid input → a Chinese message on stderr and exit code 2, without a stack trace.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { BUNDLED_YEARS } from './calendar.data';
import { createCalendar, type Calendar } from './calendar.days';
import { CalendarError } from './calendar.errors';
import { computeDeadline, formatTrace } from './calendar.engine';
import { DEADLINE_RULES, getRule } from './calendar.rules';
import { parseYearArrangement, type YearArrangement } from './calendar.schema';
import type { DeadlineEvent, DeadlineRule, PauseInterval } from './calendar.types';

/** What the calendar is built from: `--year-file`, `--ignore-adjusted` and `--unit`. */
export interface CalendarLoadOptions {
  /** Year arrangements given with `--year-file`; they replace bundled/stored years of the same year. */
  extraYears: YearArrangement[];
  /** `--ignore-adjusted`. */
  ignoresAdjustedWorkdays: boolean;
  /** `--unit CODE`: the calendar of that unit in the database (undefined: the bundled national calendar). */
  unit?: string;
}

/** Where the commands get their calendar and rules from (defaults: bundled years, national rules). */
export interface DeadlineCliDeps {
  /** Builds the calendar (default `loadBundledCalendar`). */
  loadCalendar?: (options: CalendarLoadOptions) => Calendar | Promise<Calendar>;
  /** The rule set (e.g. national rules with the province's configuration applied); `unit` is `--unit`. */
  loadRules?: (options: { unit?: string }) => readonly DeadlineRule[] | Promise<readonly DeadlineRule[]>;
  /** Output sinks (tests). */
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Called with the exit code on invalid input (default: sets `process.exitCode`; commander errors exit at once). */
  exit?: (code: number) => void;
}

interface CommonOptions {
  json?: boolean;
  yearFile?: string[];
  ignoreAdjusted?: boolean;
  unit?: string;
}

/** Exit code for invalid input. */
const EXIT_INVALID = 2;

/**
 * The default calendar of the commands: the bundled years (no database), `--year-file` years replacing those of the
 * same year. `--unit` needs the platform's loader (the database).
 */
export const loadBundledCalendar = ({ extraYears, ignoresAdjustedWorkdays, unit }: CalendarLoadOptions): Calendar => {
  if (unit !== undefined) throw new CalendarError('INVALID_INPUT', '--unit 需要连接平台数据库，请使用 fazhi 命令（npx fazhi deadline … --unit 单位编码）');
  const replaced = new Set(extraYears.map((y) => y.year));
  return createCalendar({
    years: [...BUNDLED_YEARS.filter((y) => !replaced.has(y.year)), ...extraYears],
    overrides: ignoresAdjustedWorkdays ? [{ label: '命令行：不执行调休上班', ignoresAdjustedWorkdays: true, days: [] }] : [],
  });
};

/** Commander's English error messages, in Chinese. */
function translateCommanderMessage(text: string): string {
  return text
    .replace(/^error: unknown option '([^']+)'.*$/m, "错误：未知选项 '$1'")
    .replace(/^error: option '([^']+)' argument missing$/m, "错误：选项 '$1' 缺少取值")
    .replace(/^error: too many arguments.*$/m, '错误：参数过多')
    .replace(/^error: missing required argument '([^']+)'$/m, "错误：缺少参数 '$1'")
    .replace(/^error: /m, '错误：');
}

function parseInteger(text: string | undefined, field: string): number {
  if (text === undefined) throw new CalendarError('INVALID_INPUT', `缺少参数：${field}`);
  if (!/^-?\d{1,6}$/.test(text)) throw new CalendarError('INVALID_INPUT', `${field}“${text}”应为整数`);
  return Number(text);
}

function need(text: string | undefined, field: string): string {
  if (text === undefined || text === '') throw new CalendarError('INVALID_INPUT', `缺少参数：${field}`);
  return text;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parsePause(text: string): PauseInterval {
  const m = /^(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!m) throw new CalendarError('INVALID_INPUT', `暂停区间“${text}”应为 开始日期:结束日期，如 2023-10-09:2023-10-11`);
  return { from: m[1], to: m[2] };
}

function parseEvent(text: string): DeadlineEvent {
  const m = /^([a-z_]+):(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!m) throw new CalendarError('INVALID_INPUT', `事件“${text}”应为 事件类型:日期，如 supplement_received:2024-03-05`);
  return { type: m[1], date: m[2] };
}

function readYearFiles(files: string[]): YearArrangement[] {
  return files.map((f) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(f, 'utf8'));
    } catch (e) {
      throw new CalendarError('INVALID_INPUT', `无法读取节假日安排文件 ${f}：${e instanceof Error ? e.message : String(e)}`);
    }
    return parseYearArrangement(json);
  });
}

/**
 * Registers `deadline add-working-days`, `deadline add-days`, `deadline add-months`, `deadline day`,
 * `deadline rules` and `deadline RULE --start DATE [--pause FROM:TO]… [--event TYPE:DATE]… [--extend [N]] [--json]`
 * on the `fazhi` program. `deps` lets the platform supply DB-stored years and configured rules.
 */
export function registerDeadlineCommands(program: Command, deps: DeadlineCliDeps = {}): void {
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const loadCalendar = deps.loadCalendar ?? loadBundledCalendar;
  const loadRules = deps.loadRules ?? ((o: { unit?: string }) => {
    if (o.unit !== undefined) loadBundledCalendar({ extraYears: [], ignoresAdjustedWorkdays: false, unit: o.unit });
    return DEADLINE_RULES;
  });

  const deadline = program
    .command('deadline')
    .description('法定期限计算：工作日加减、按规则计算期限并给出计算过程')
    .argument('[rule]', '期限规则 id，如 disclosure.reply（fazhi deadline rules 查看全部）')
    .option('--start <date>', '起算日 YYYY-MM-DD（固定日期类规则为报告年度，如 2024）')
    .option('--pause <from:to>', '暂停区间（两端均不计入），可重复', collect, [] as string[])
    .option('--event <type:date>', '案件事件，如 supplement_received:2024-03-05，可重复', collect, [] as string[])
    .option('--extend [n]', '延长期限（不给 n 时按法定上限）')
    .option('--as-of <date>', '尚未结束的暂停按截至该日计算')
    .option('--year-file <file>', '追加或替换某年节假日安排（CALENDAR-FORMAT.md 格式），可重复', collect, [] as string[])
    .option('--ignore-adjusted', '不执行调休上班（调休上班的周末按休息日）')
    .option('--unit <code>', '按该单位的日历（数据库中的年度安排与本单位及上级的节假日调整）和期限规则配置计算')
    .option('--json', '输出 JSON')
    .configureOutput({
      outputError: (text, write) => write(translateCommanderMessage(text)),
    })
    .exitOverride((error: CommanderError) => {
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version';
      if (deps.exit) {
        deps.exit(ok ? 0 : EXIT_INVALID);
        throw error; // commander must not continue after an error
      }
      process.exit(ok ? 0 : EXIT_INVALID);
    });

  /** Runs an action; a CalendarError becomes a Chinese message on stderr and exit code 2 (no stack trace). */
  const run =
    <A extends unknown[]>(action: (...args: A) => Promise<void> | void) =>
    async (...args: A) => {
      try {
        await action(...args);
      } catch (e) {
        if (!(e instanceof CalendarError)) throw e;
        err(`错误：${e.message}`);
        if (deps.exit) deps.exit(EXIT_INVALID);
        else process.exitCode = EXIT_INVALID;
      }
    };

  /**
   * Options common to all sub-commands, merged with those the `deadline` command itself parsed: the shared `fazhi`
   * program does not use positional options, so `deadline add-days D N --json` may hand `--json` to `deadline`.
   */
  const common = (own: CommonOptions, command: Command): CommonOptions => {
    const parent = (command.parent?.opts() ?? {}) as CommonOptions;
    return {
      json: !!(own.json || parent.json),
      yearFile: [...(parent.yearFile ?? []), ...(own.yearFile ?? [])],
      ignoreAdjusted: !!(own.ignoreAdjusted || parent.ignoreAdjusted),
      unit: own.unit ?? parent.unit,
    };
  };

  const calendarFrom = async (opts: { yearFile?: string[]; ignoreAdjusted?: boolean; unit?: string }) =>
    loadCalendar({ extraYears: readYearFiles(opts.yearFile ?? []), ignoresAdjustedWorkdays: !!opts.ignoreAdjusted, ...(opts.unit !== undefined ? { unit: opts.unit } : {}) });

  const provisionalNote = (calendar: Calendar, from: string, to: string): string[] =>
    calendar.missingYearsBetween(from, to).map((y) => `⚠ 涉及${y}年，但${y}年节假日安排尚未加载，已按周六、周日休息推算，结果为暂定。`);

  deadline
    .command('add-working-days')
    .description('某日之后第 N 个工作日（起算日不计入；N 为负数时向前）')
    .argument('[date]', '起算日 YYYY-MM-DD')
    .argument('[n]', '工作日数')
    .option('--year-file <file>', '追加或替换某年节假日安排，可重复', collect, [] as string[])
    .option('--ignore-adjusted', '不执行调休上班')
    .option('--unit <code>', '按该单位的日历计算（需数据库）')
    .option('--json', '输出 JSON')
    .action(
      run(
        async (date: string | undefined, n: string | undefined, own: CommonOptions, command: Command) => {
          const opts = common(own, command);
          const start = need(date, '起算日');
          const count = parseInteger(n, '工作日数');
          const calendar = await calendarFrom(opts);
          const result = calendar.addWorkingDays(start, count);
          const warnings = provisionalNote(calendar, start, result);
          if (opts.json) {
            out(JSON.stringify({ start, workingDays: count, due: result, provisional: warnings.length > 0, warnings }, null, 2));
          } else {
            out(result);
            for (const w of warnings) err(w);
          }
        },
      ),
    );

  deadline
    .command('add-days')
    .description('某日之后 N 日；届满日为休息日的顺延至其后第一个工作日（《民事诉讼法》第八十五条）')
    .argument('[date]', '起算日 YYYY-MM-DD')
    .argument('[n]', '日数')
    .option('--no-roll', '不顺延')
    .option('--year-file <file>', '追加或替换某年节假日安排，可重复', collect, [] as string[])
    .option('--ignore-adjusted', '不执行调休上班')
    .option('--unit <code>', '按该单位的日历计算（需数据库）')
    .option('--json', '输出 JSON')
    .action(
      run(
        async (date: string | undefined, n: string | undefined, own: CommonOptions & { roll: boolean }, command: Command) => {
          const opts = { ...common(own, command), roll: own.roll };
          const start = need(date, '起算日');
          const count = parseInteger(n, '日数');
          const calendar = await calendarFrom(opts);
          const raw = calendar.addCalendarDays(start, count, { rollForward: false });
          const result = calendar.addCalendarDays(start, count, { rollForward: opts.roll });
          const warnings = provisionalNote(calendar, raw, result);
          if (opts.json) {
            out(JSON.stringify({ start, days: count, lastDay: raw, due: result, rolled: raw !== result, provisional: warnings.length > 0, warnings }, null, 2));
          } else {
            out(result);
            if (raw !== result) err(`（${raw} 为${calendar.dayInfo(raw).reason}，顺延至 ${result}）`);
            for (const w of warnings) err(w);
          }
        },
      ),
    );

  deadline
    .command('add-months')
    .description('某日之后 N 个月（对应日，无对应日为月末日；届满日为休息日的顺延）')
    .argument('[date]', '起算日 YYYY-MM-DD')
    .argument('[n]', '月数')
    .option('--no-roll', '不顺延')
    .option('--year-file <file>', '追加或替换某年节假日安排，可重复', collect, [] as string[])
    .option('--ignore-adjusted', '不执行调休上班')
    .option('--unit <code>', '按该单位的日历计算（需数据库）')
    .option('--json', '输出 JSON')
    .action(
      run(
        async (date: string | undefined, n: string | undefined, own: CommonOptions & { roll: boolean }, command: Command) => {
          const opts = { ...common(own, command), roll: own.roll };
          const start = need(date, '起算日');
          const count = parseInteger(n, '月数');
          const calendar = await calendarFrom(opts);
          const result = calendar.addMonths(start, count, { rollForward: opts.roll });
          out(opts.json ? JSON.stringify({ start, months: count, due: result }, null, 2) : result);
        },
      ),
    );

  deadline
    .command('day')
    .description('查询某日是否工作日及原因（周末、春节、调休上班…）')
    .argument('[date]', '日期 YYYY-MM-DD')
    .option('--year-file <file>', '追加或替换某年节假日安排，可重复', collect, [] as string[])
    .option('--ignore-adjusted', '不执行调休上班')
    .option('--unit <code>', '按该单位的日历计算（需数据库）')
    .option('--json', '输出 JSON')
    .action(
      run(
        async (date: string | undefined, own: CommonOptions, command: Command) => {
          const opts = common(own, command);
          const calendar = await calendarFrom(opts);
          const info = calendar.dayInfo(need(date, '日期'));
          out(
            opts.json
              ? JSON.stringify(info, null, 2)
              : `${info.date} ${info.weekdayName} ${info.isWorkingDay ? '工作日' : '休息日'}：${info.reason}${info.isProvisional ? '（该年安排未加载，暂按周末推算）' : ''}`,
          );
        },
      ),
    );

  deadline
    .command('rules')
    .description('列出全部期限规则')
    .option('--module <module>', '只列某模块，如 disclosure')
    .option('--unit <code>', '列出该单位适用的规则（含平台与本单位及上级的配置，需数据库）')
    .option('--json', '输出 JSON')
    .action(
      run(
        async (own: CommonOptions & { module?: string }, command: Command) => {
          const opts = { ...common(own, command), module: own.module };
          const list = (await loadRules({ unit: opts.unit })).filter((r) => !opts.module || r.module === opts.module);
          if (opts.json) {
            out(JSON.stringify(list, null, 2));
            return;
          }
          const unit = { working_day: '工作日', calendar_day: '日', month: '个月', fixed_date: '' } as const;
          for (const r of list) {
            const period =
              r.unit === 'fixed_date'
                ? `次年${r.fixedDate?.month}月${r.fixedDate?.day}日`
                : `${r.direction === 'before' ? '前' : ''}${r.length}${unit[r.unit]}${r.kind === 'minimum' ? '（不少于）' : ''}` +
                  (r.extension ? ` +延长${r.extension.maxLength ?? '（无上限）'}` : '');
            out(`${r.id.padEnd(44)} ${period.padEnd(16)} ${r.name}｜${r.basis.law}${r.basis.article}｜${r.rowId}｜${r.confidence}${r.configurable ? '｜可配置' : ''}`);
          }
        },
      ),
    );

  deadline.action(
    run(
      async (
        ruleId: string | undefined,
        opts: {
          start?: string;
          pause: string[];
          event: string[];
          extend?: string | boolean;
          asOf?: string;
          yearFile: string[];
          ignoreAdjusted?: boolean;
          unit?: string;
          json?: boolean;
        },
      ) => {
        if (!ruleId) {
          deadline.help({ error: true });
          return;
        }
        const rule = getRule(ruleId, await loadRules({ unit: opts.unit }));
        const calendar = await calendarFrom(opts);
        const extended = opts.extend === undefined ? undefined : opts.extend === true ? true : parseInteger(String(opts.extend), '延长期限');
        const result = computeDeadline(
          {
            rule,
            start: need(opts.start, '--start 起算日'),
            pauses: opts.pause.map(parsePause),
            events: opts.event.map(parseEvent),
            extended,
            calendar,
          },
          { asOf: opts.asOf },
        );
        if (opts.json) {
          out(
            JSON.stringify(
              {
                due: result.due,
                dueTime: result.dueTime,
                kind: result.kind,
                rule: { id: rule.id, name: rule.name, basis: rule.basis, rowId: rule.rowId, confidence: rule.confidence },
                start: result.start,
                provisional: result.provisional,
                missingYears: result.missingYears,
                paused: result.paused ?? false,
                warnings: result.warnings,
                calendarVersion: result.calendarVersion,
                trace: result.trace,
              },
              null,
              2,
            ),
          );
          return;
        }
        out(`${result.kind === 'minimum' ? '不早于' : '期限'}：${result.due}${result.provisional ? '（暂定）' : ''}`);
        for (const line of formatTrace(result)) out(line);
      },
    ),
  );
}
