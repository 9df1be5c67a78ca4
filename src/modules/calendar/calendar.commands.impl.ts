/**
 * Implementations of `fazhi calendar …` and of `fazhi deadline … --unit` (loaded only when such a command runs).
 */
import { readFileSync } from 'node:fs';
import { cliFail, withSystemCtx } from '../../cli/platform.impl';
import { AppError } from '../../core/errors';
import type { CalendarLoadOptions } from './calendar.cli';
import { createCalendar, type Calendar } from './calendar.days';
import { CalendarError } from './calendar.errors';
import { calendarRepo } from './calendar.repo';
import { getCalendarForUnit, getRulesForUnit, importYear, listYears, previewYearImport, type MovedItem } from './calendar.service';
import type { DeadlineRule } from './calendar.types';

const STATUS = { official: '已核对', unverified: '未核实', draft: '草稿' } as const;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { message: `无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`, fields: [{ field: 'file', message: '无法读取' }] });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { message: `${file} 不是有效的 JSON：${(e as Error).message}`, fields: [{ field: 'file', message: '不是有效的 JSON' }] });
  }
}

function printMoved(moved: MovedItem[]): void {
  if (moved.length === 0) {
    console.log('没有未结期限因此调整。');
    return;
  }
  console.log(`将调整 ${moved.length} 个未结期限：`);
  for (const m of moved) console.log(`  ${m.oldDue ?? '—'} → ${m.newDue ?? '—'}  ${m.label}（${m.unitName}，${m.ruleId}，${m.key}）`);
}

/** `fazhi calendar list`. */
export async function calendarList(o: { json?: boolean }): Promise<void> {
  try {
    const years = await withSystemCtx((ctx) => listYears(ctx));
    if (o.json) {
      console.log(JSON.stringify(years, null, 2));
      return;
    }
    if (years.length === 0) console.log('尚未导入任何年度节假日安排。');
    for (const y of years) {
      console.log(`${y.year}  ${STATUS[y.status]}  ${y.title}${y.docNo ? `（${y.docNo}）` : ''}  放假${y.offDays}天、调休上班${y.workDays}天  更新于 ${y.updatedAt.slice(0, 10)}`);
    }
  } catch (err) {
    cliFail(err);
  }
}

/** `fazhi calendar import FILE [--dry-run] [--json]`: prints the moved deadlines, then imports unless --dry-run. */
export async function calendarImport(file: string, o: { dryRun?: boolean; json?: boolean }): Promise<void> {
  try {
    const json = readJson(file);
    await withSystemCtx(async (ctx) => {
      const preview = await previewYearImport(ctx, json);
      const head = `${preview.year}年节假日安排（${preview.parsed.source.title}，${STATUS[preview.parsed.status]}）`;
      if (o.dryRun) {
        if (o.json) {
          console.log(JSON.stringify({ dryRun: true, year: preview.year, existing: preview.existing, changed: Object.keys(preview.changes), moved: preview.moved, problems: preview.problems }, null, 2));
          return;
        }
        console.log(`${head}：校验通过，${preview.existing ? '将替换已导入的同年安排' : '为新增年度'}${preview.existing ? `，变更：${Object.keys(preview.changes).join('、') || '无'}` : ''}。`);
        printMoved(preview.moved);
        for (const p of preview.problems) console.log(`  ⚠ 无法重新计算：${p.label}（${p.key}）：${p.message}`);
        console.log('试运行（--dry-run）：未导入。');
        return;
      }
      // 导入时在同一事务中重新计算；列出的就是实际调整并已刷新的期限
      const r = await importYear(ctx, json);
      if (o.json) {
        console.log(JSON.stringify({ dryRun: false, year: r.year, created: r.created, changed: r.changed, moved: r.moved, problems: preview.problems }, null, 2));
        return;
      }
      if (!r.changed) {
        console.log(`${head}与已导入的内容相同，未作修改。`);
        return;
      }
      printMoved(r.moved);
      console.log(`已${r.created ? '导入' : '替换'}${head}，已记录操作日志${r.moved.length ? '，受影响的期限已重新计算' : ''}。`);
    });
  } catch (err) {
    cliFail(err);
  }
}

async function unitByCode(code: string) {
  return withSystemCtx(async (ctx) => {
    const unit = await calendarRepo.findUnitByCode(ctx.db, code);
    if (!unit) throw new CalendarError('INVALID_INPUT', `单位编码“${code}”不存在（fazhi unit list 查看）`);
    return { unit, calendar: await getCalendarForUnit(ctx.db, unit.id), rules: await getRulesForUnit(ctx.db, unit.id) };
  });
}

/** The calendar of a unit (by code) in the database, with `--year-file` years and `--ignore-adjusted` applied. */
export async function unitCalendar(code: string, o: CalendarLoadOptions): Promise<Calendar> {
  const { calendar } = await unitByCode(code);
  if (o.extraYears.length === 0 && !o.ignoresAdjustedWorkdays) return calendar;
  const replaced = new Set(o.extraYears.map((y) => y.year));
  return createCalendar({
    years: [...calendar.arrangements.filter((y) => !replaced.has(y.year)), ...o.extraYears],
    overrides: o.ignoresAdjustedWorkdays ? { ...calendar.overrides, ignoresAdjustedWorkdays: true } : calendar.overrides,
  });
}

/** The rules in force for a unit (by code): national rules with the platform's and the unit subtree's configuration. */
export async function unitRules(code: string): Promise<DeadlineRule[]> {
  return (await unitByCode(code)).rules;
}
