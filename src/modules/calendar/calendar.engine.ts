/**
 * The deadline engine: `due = f(start (receipt by channel), rule, calendar, events)`, with the explanation (trace)
 * that shows every counted day, every skipped day with its reason, every pause, restart and extension, and the rule
 * with its article (house-style §12 C.1).
 *
 * Counting conventions implemented here:
 * - The start day is not counted; day 1 is the next day (《民法典》第二百零一条；《民事诉讼法》第八十五条第二款“期间开始的
 *   时和日，不计算在期间内”). A rule may say otherwise (`start.startDayCounted`, e.g. validity periods).
 * - Working-day periods count only working days of the calendar (调休上班 days included, domain-rules §0.3).
 * - Calendar-day and month periods whose last day is a day off end on the next working day
 *   (《民事诉讼法》第八十五条第三款；《民法典》第二百零三条第一款), per the rule's `lastDayOff`.
 * - Month periods end on the corresponding day of the target month, or on its last day (《民法典》第二百零二条).
 * - **Pauses** (征求第三方意见、听证、中止 …): a pause interval [from, to] is closed at both ends — the day the clock is
 *   stopped (e.g. the day the 征求意见书 is sent) and the day it runs again (e.g. the day the opinion is received) are
 *   both not counted, and counting resumes the day after `to`, just as a period starts the day after its start event.
 *   This is the reading of 《政府信息公开条例》第三十三条第三款“征求第三方和其他机关意见所需时间不计算在前款规定的
 *   期限内”: the time needed runs from sending to receipt. Paused days are listed in the trace with the pause's name.
 *   Pauses before the (re)start are ignored; overlapping pauses are merged. An open pause (no end event yet) stops the
 *   clock up to `asOf` (or its start day when `asOf` is not given), and the result is marked `paused`.
 * - **Restart** (补正): the period is counted afresh from the date of the restart event (the latest one when there
 *   are several): 《政府信息公开条例》第三十条“答复期限自行政机关收到补正的申请之日起计算” (domain-rules 2.2.4).
 * - **Extension**: continues the count after the last day of the original period, up to the cap
 *   (e.g. 第三十三条第二款 20 working days); the roll-forward of a calendar-day period applies to the final day only.
 */
import { CalendarError } from './calendar.errors';
import {
  addMonthsToDayNumber,
  formatDate,
  parseDate,
  partsFromDayNumber,
  type DayNumber,
} from './calendar.dates';
import { fixedDateInNextYear, parseReportingYear, type Calendar } from './calendar.days';
import type {
  ComputeDeadlineInput,
  DeadlineEvent,
  DeadlineResult,
  DeadlineRule,
  PauseInterval,
  ReceiptInput,
  TraceStep,
} from './calendar.types';

const UNIT_LABEL: Record<DeadlineRule['unit'], string> = {
  working_day: '个工作日',
  calendar_day: '日',
  month: '个月',
  fixed_date: '',
};

const CONFIDENCE_LABEL: Record<DeadlineRule['confidence'], string> = {
  high: '高',
  'medium-high': '中高',
  medium: '中',
  unverified: '未核实',
  local: '地方规定',
};

/** Longest walk the engine accepts (guards against a typo such as 20000 days). */
const MAX_SPAN_DAYS = 20_000;

/** Options of `computeDeadline`. */
export interface ComputeOptions {
  /** false: skip building the trace (used by `diffDeadlines`); default true. */
  trace?: boolean;
  /** "Today" for open pauses (a pause event without its end event). */
  asOf?: string;
}

/** A resolved date of receipt with its explanation. */
export interface ResolvedReceipt {
  date: string;
  text: string;
}

/**
 * Determines the date of receipt by channel — 《政府信息公开条例》第三十一条 (domain-rules 2.2.5):
 * 当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的
 * 邮寄方式提交的，……确认之日为收到申请之日；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日。
 */
export function resolveReceiptDate(input: ReceiptInput): ResolvedReceipt {
  const need = (value: string | undefined, field: string, what: string): string => {
    if (!value) throw new CalendarError('INVALID_INPUT', `${what}须提供 ${field}`);
    parseDate(value, field);
    return value;
  };
  switch (input.channel) {
    case 'in_person':
      return {
        date: need(input.submittedOn, 'submittedOn（提交日期）', '当面提交的申请'),
        text: '当面提交，以提交之日为收到申请之日（《政府信息公开条例》第三十一条第（一）项）',
      };
    case 'registered_post':
      return {
        date: need(input.signedOn, 'signedOn（签收日期）', '以需签收的邮寄方式提交的申请'),
        text: '邮寄提交，以行政机关签收之日为收到申请之日（《政府信息公开条例》第三十一条第（二）项）',
      };
    case 'ordinary_letter':
      return {
        date: need(input.confirmedOn, 'confirmedOn（确认日期）', '以平常信函提交的申请'),
        text: '平常信函提交，以与申请人确认之日为收到申请之日（《政府信息公开条例》第三十一条第（二）项）',
      };
    case 'online':
    case 'fax':
      return {
        date: need(input.confirmedOn, 'confirmedOn（确认日期）', '通过互联网或传真提交的申请'),
        text: `通过${input.channel === 'online' ? '互联网渠道' : '传真'}提交，以双方确认之日为收到申请之日（《政府信息公开条例》第三十一条第（三）项）`,
      };
    default:
      throw new CalendarError('INVALID_INPUT', `未知的提交渠道“${String((input as ReceiptInput).channel)}”`);
  }
}

interface Pause {
  from: DayNumber;
  to: DayNumber;
  label: string;
  open: boolean;
}

/** Turns pause events and explicit intervals into closed day intervals, with validation. */
function collectPauses(
  rule: DeadlineRule,
  events: DeadlineEvent[],
  intervals: PauseInterval[],
  asOf: DayNumber | undefined,
  warnings: string[],
): Pause[] {
  const pauses: Pause[] = [];
  for (const p of rule.pauseBetween.filter((x) => x.enabled)) {
    let openFrom: DeadlineEvent | undefined;
    for (const e of events) {
      if (e.type === p.from) {
        if (openFrom) throw new CalendarError('INVALID_INPUT', `“${p.label}”在 ${openFrom.date} 开始后、结束前又于 ${e.date} 开始`);
        openFrom = e;
      } else if (e.type === p.to) {
        if (!openFrom) throw new CalendarError('INVALID_INPUT', `“${p.label}”于 ${e.date} 结束，但没有开始事件`);
        const from = parseDate(openFrom.date, `${p.from} 日期`);
        const to = parseDate(e.date, `${p.to} 日期`);
        if (to < from) throw new CalendarError('INVALID_INPUT', `“${p.label}”结束日期 ${e.date} 早于开始日期 ${openFrom.date}`);
        pauses.push({ from, to, label: p.label, open: false });
        openFrom = undefined;
      }
    }
    if (openFrom) {
      const from = parseDate(openFrom.date, `${p.from} 日期`);
      const to = asOf !== undefined && asOf >= from ? asOf : from;
      pauses.push({ from, to, label: p.label, open: true });
      warnings.push(`“${p.label}”自 ${openFrom.date} 起尚未结束，期限暂停中；暂按截至 ${formatDate(to)} 计算，结束后将顺延。`);
    }
  }
  const disabled = rule.pauseBetween.filter((x) => !x.enabled);
  const warned = new Set<string>();
  for (const e of events) {
    const d = disabled.find((x) => x.from === e.type || x.to === e.type);
    if (d && !warned.has(d.from) && warned.add(d.from)) warnings.push(`“${d.label}”（${d.basis}，置信度：${CONFIDENCE_LABEL[d.confidence]}）未启用，该期间计入期限；如本地规定不计入，请在规则配置中启用。`);
  }
  if (intervals.length && rule.pauseBetween.length === 0) {
    warnings.push(`本规则（${rule.basis.law}${rule.basis.article}）未规定可不计入期限的期间，已按输入的暂停区间扣除，请核对依据。`);
  }
  for (const iv of intervals) {
    const from = parseDate(iv.from, '暂停开始日期');
    const to = parseDate(iv.to, '暂停结束日期');
    if (to < from) throw new CalendarError('INVALID_INPUT', `暂停结束日期 ${iv.to} 早于开始日期 ${iv.from}`);
    pauses.push({ from, to, label: iv.reason ?? rule.pauseBetween.find((p) => p.enabled)?.label ?? '暂停', open: false });
  }
  return pauses.sort((a, b) => a.from - b.from);
}

function extensionLength(rule: DeadlineRule, extended: ComputeDeadlineInput['extended']): { length: number; approvedBy?: string; approvedOn?: string } | null {
  if (extended === undefined || extended === false) return null;
  const ext = rule.extension;
  if (!ext) throw new CalendarError('INVALID_INPUT', `期限规则“${rule.name}”（${rule.id}）没有延长期限的规定`);
  const asked = typeof extended === 'number' ? extended : extended === true ? undefined : extended.length;
  const meta = typeof extended === 'object' ? extended : {};
  if (asked === undefined) {
    if (ext.maxLength === null) {
      throw new CalendarError('INVALID_INPUT', `“${rule.name}”的延长期限法律未设上限，须指定延长${UNIT_LABEL[rule.unit]}数`);
    }
    return { length: ext.maxLength, ...meta };
  }
  if (!Number.isInteger(asked) || asked < 1) throw new CalendarError('INVALID_INPUT', `延长期限“${String(asked)}”应为正整数`);
  if (ext.maxLength !== null && asked > ext.maxLength) {
    // e.g. 《政府信息公开条例》第三十三条第二款：延长的期限最长不得超过20个工作日 (domain-rules 2.2.2)
    throw new CalendarError('INVALID_INPUT', `延长期限不得超过${ext.maxLength}${UNIT_LABEL[rule.unit]}（${ext.basis}）`);
  }
  return { length: asked, ...meta };
}

function missingYearWarnings(calendar: Calendar, years: number[], from: DayNumber, to: DayNumber): string[] {
  const [y1] = partsFromDayNumber(Math.min(from, to));
  const [y2] = partsFromDayNumber(Math.max(from, to));
  return years.map((y) =>
    y >= y1 && y <= y2
      ? `期限计算涉及${y}年，但${y}年节假日安排（国务院办公厅通知）尚未加载，已按周六、周日休息推算，期限为暂定；通知发布并导入后将重新计算。`
      : `期限计算涉及${y - 1}年12月下旬，${y}年元旦放假调休可能调整这些日期，但${y}年节假日安排尚未加载，期限为暂定。`,
  );
}

/**
 * Computes a deadline (or a minimum period) for a rule on a calendar, with its trace.
 *
 * @example computeDeadline({ rule: getRule('disclosure.reply'), start: '2023-09-25', calendar }).due === '2023-10-27'
 */
export function computeDeadline(input: ComputeDeadlineInput & { calendar: Calendar }, options: ComputeOptions = {}): DeadlineResult {
  const { rule, calendar } = input;
  const withTrace = options.trace !== false;
  const trace: TraceStep[] = [];
  const warnings: string[] = [];
  const push = (step: TraceStep) => {
    if (withTrace) trace.push(step);
  };
  const unitLabel = UNIT_LABEL[rule.unit];
  const periodText = rule.unit === 'fixed_date' ? `报告年度次年${rule.fixedDate?.month}月${rule.fixedDate?.day}日` : `${rule.length}${unitLabel}`;
  push({
    type: 'rule',
    ruleId: rule.id,
    name: rule.name,
    basis: `${rule.basis.law}${rule.basis.article}`,
    rowId: rule.rowId,
    confidence: rule.confidence,
    text:
      `${rule.name}：${rule.direction === 'before' ? `${rule.start.label}前` : ''}${periodText}${rule.kind === 'minimum' ? '（不少于）' : ''}，` +
      `依据${rule.basis.law}${rule.basis.article}（domain-rules ${rule.rowId}，置信度：${CONFIDENCE_LABEL[rule.confidence]}）` +
      (rule.basis.text ? `：“${rule.basis.text}”` : ''),
  });
  if (rule.configured) {
    const changes = Object.entries(rule.configured.changes).map(([k, [a, b]]) => `${k}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
    push({ type: 'note', text: `本规则已按${rule.configured.source}调整：${changes.join('；')}` });
  }
  if (rule.confidence !== 'high') {
    warnings.push(`规则“${rule.name}”的依据置信度为“${CONFIDENCE_LABEL[rule.confidence]}”（domain-rules ${rule.rowId}），期限取值应按本省或本单位规定核对配置。`);
  }

  // ---- fixed dates: the year after the reporting year
  if (rule.unit === 'fixed_date') {
    if (!rule.fixedDate) throw new CalendarError('INVALID_INPUT', `期限规则“${rule.id}”缺少固定日期`);
    if (!input.start) throw new CalendarError('INVALID_INPUT', '须提供报告年度（如 2024）');
    const year = parseReportingYear(input.start);
    let due = parseDate(fixedDateInNextYear(year, rule.fixedDate.month, rule.fixedDate.day));
    push({ type: 'start', date: `${year}`, text: `报告年度：${year}年；期限为次年${rule.fixedDate.month}月${rule.fixedDate.day}日` });
    let dependsOnCalendar = false;
    if (!calendar.isWorkingDayN(due)) {
      if (rule.lastDayOff === 'keep') {
        push({ type: 'note', text: `${formatDate(due)}为${calendar.reasonN(due)}；本规则规定的是固定日期，不顺延，请提前办理。` });
      } else {
        dependsOnCalendar = true;
        const rolled = rule.lastDayOff === 'next_working_day' ? calendar.nextWorkingDayOnOrAfterN(due) : calendar.previousWorkingDayOnOrBeforeN(due);
        push({ type: 'roll', from: formatDate(due), to: formatDate(rolled), text: `${formatDate(due)}为${calendar.reasonN(due)}，按规则配置调整至${formatDate(rolled)}` });
        due = rolled;
      }
    }
    const missingYears = dependsOnCalendar ? calendar.missingYearsBetweenN(due, due) : [];
    warnings.push(...missingYearWarnings(calendar, missingYears, due, due));
    push({ type: 'due', date: formatDate(due), text: `期限：${formatDate(due)}（${rule.dueTime}前）` });
    return {
      ruleId: rule.id,
      kind: rule.kind,
      due: formatDate(due),
      dueTime: rule.dueTime,
      start: String(year),
      provisional: missingYears.length > 0,
      missingYears,
      warnings,
      calendarVersion: calendar.version,
      trace,
    };
  }

  // ---- start date (receipt by channel), then restarts
  let startText: string;
  let start: DayNumber;
  if (input.receipt) {
    const r = resolveReceiptDate(input.receipt);
    start = parseDate(r.date, '收到日期');
    startText = `${rule.start.label}：${r.date}（${r.text}）`;
    if (input.start && input.start !== r.date) {
      throw new CalendarError('INVALID_INPUT', `起算日 ${input.start} 与按提交渠道确定的收到日期 ${r.date} 不一致`);
    }
  } else {
    if (!input.start) throw new CalendarError('INVALID_INPUT', `须提供起算日（${rule.start.label}）`);
    start = parseDate(input.start, `起算日（${rule.start.label}）`);
    startText = `${rule.start.label}：${formatDate(start)}`;
  }
  push({
    type: 'start',
    date: formatDate(start),
    text: startText + (rule.start.startDayCounted ? '（当日计入期限）' : '（当日不计入，自次日起算）'),
  });
  const events = [...(input.events ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of events) parseDate(e.date, `事件 ${e.type} 的日期`);
  const restartTypes = new Set(rule.restartOn.filter((r) => r.enabled).map((r) => r.event));
  for (const e of events) {
    if (!restartTypes.has(e.type)) continue;
    const d = parseDate(e.date);
    if (d < start) throw new CalendarError('INVALID_INPUT', `重新起算事件日期 ${e.date} 早于起算日 ${formatDate(start)}`);
    const r = rule.restartOn.find((x) => x.event === e.type)!;
    start = d;
    push({ type: 'restart', date: e.date, text: `${e.date} ${r.label}，期限自该日重新起算（${r.basis}，domain-rules ${r.rowId}）` });
  }

  const asOf = options.asOf !== undefined ? parseDate(options.asOf, 'asOf') : undefined;
  let pauses = collectPauses(rule, events, input.pauses ?? [], asOf, warnings);
  const firstCounted = rule.start.startDayCounted ? start : start + 1;
  const dropped = pauses.filter((p) => p.to < firstCounted);
  for (const p of dropped) {
    push({ type: 'note', text: `暂停“${p.label}”（${formatDate(p.from)}至${formatDate(p.to)}）在起算日之前，不影响本期限` });
  }
  pauses = pauses.filter((p) => p.to >= firstCounted).map((p) => ({ ...p, from: Math.max(p.from, firstCounted) }));
  const isPaused = pauses.length === 0 ? () => undefined : (d: DayNumber) => pauses.find((p) => d >= p.from && d <= p.to);

  const ext = extensionLength(rule, input.extended);
  if (ext && rule.kind === 'minimum') throw new CalendarError('INVALID_INPUT', '“不少于”类期限不能延长');
  if (rule.direction === 'before' && (pauses.length || ext)) {
    throw new CalendarError('INVALID_INPUT', `“${rule.name}”是在某日之前完成的期限，不适用暂停或延长`);
  }

  let due: DayNumber;
  let spanFrom = start;
  let calendarSensitiveFrom = start; // first day whose classification can change the result
  const extensionText = (length: number) =>
    `延长${length}${unitLabel}` +
    (rule.extension ? `，须经${rule.extension.approver}批准${rule.extension.notice ? `并${rule.extension.notice}` : ''}（${rule.extension.basis}）` : '') +
    (ext?.approvedBy ? `；批准人：${ext.approvedBy}` : '') +
    (ext?.approvedOn ? `，批准日期：${ext.approvedOn}` : '');

  if (rule.direction === 'before') {
    // ---- N units before a known date (听证通知、评估、换证): the known date itself is not counted
    if (rule.unit === 'working_day') {
      let d = start;
      let n = 0;
      while (n < rule.length) {
        d--;
        if (start - d > MAX_SPAN_DAYS) throw new CalendarError('INVALID_INPUT', '期限跨度过长');
        if (calendar.isWorkingDayN(d)) {
          n++;
          push({ type: 'count', date: formatDate(d), n, phase: 'base', reason: `倒数第${n}个工作日（${calendar.reasonN(d)}）` });
        } else {
          push({ type: 'skip', date: formatDate(d), reason: calendar.reasonN(d) });
        }
      }
      due = d;
    } else {
      due = rule.unit === 'month' ? addMonthsToDayNumber(start, -rule.length) : start - rule.length;
      push({ type: 'note', text: `${formatDate(start)}之前${rule.length}${unitLabel}：${formatDate(due)}` + (rule.unit === 'month' ? '（对应日，无对应日的为月末日，《民法典》第二百零二条）' : '') });
      if (!calendar.isWorkingDayN(due) && rule.lastDayOff === 'previous_working_day') {
        const rolled = calendar.previousWorkingDayOnOrBeforeN(due);
        push({ type: 'roll', from: formatDate(due), to: formatDate(rolled), text: `${formatDate(due)}为${calendar.reasonN(due)}，提前至此前最后一个工作日${formatDate(rolled)}` });
        calendarSensitiveFrom = rolled;
        due = rolled;
      } else {
        calendarSensitiveFrom = due;
      }
      if (rule.lastDayOff === 'keep') calendarSensitiveFrom = Number.NaN;
    }
    spanFrom = due;
  } else if (rule.unit === 'month') {
    // ---- months: corresponding day (《民法典》第二百零二条), extended by paused days, then rolled forward
    const totalMonths = rule.length + (ext?.length ?? 0);
    let end = addMonthsToDayNumber(start, rule.length);
    if (rule.start.startDayCounted) end -= 1;
    const [, , sd] = partsFromDayNumber(start);
    const [, , ed] = partsFromDayNumber(addMonthsToDayNumber(start, rule.length));
    push({
      type: 'note',
      text: `${formatDate(start)}起${rule.length}个月：${formatDate(end)}` +
        (ed !== sd ? '（到期月没有对应日，以月末日为期间最后一日，《民法典》第二百零二条）' : '（到期月的对应日，《民法典》第二百零二条）') +
        (rule.start.startDayCounted ? '；起算日计入，故为对应日前一日' : ''),
    });
    if (ext) {
      end = addMonthsToDayNumber(start, totalMonths) - (rule.start.startDayCounted ? 1 : 0);
      push({ type: 'extension', length: ext.length, text: `${extensionText(ext.length)}，至${formatDate(end)}` });
    }
    // paused days inside (start, end] push the end back, one day per paused day, until stable
    let pausedDays = 0;
    for (let guard = 0; guard < 100; guard++) {
      const target = end + pausedDays;
      const counted = countPausedDays(pauses, firstCounted, target);
      if (counted === pausedDays) break;
      pausedDays = counted;
    }
    for (const p of pauses) {
      if (p.from <= end + pausedDays) {
        push({ type: 'pause', from: formatDate(p.from), to: formatDate(p.to), days: p.to - p.from + 1, text: `${p.label}：${formatDate(p.from)}至${formatDate(p.to)}，不计入期限` });
      }
    }
    if (pausedDays) {
      push({ type: 'note', text: `暂停共${pausedDays}日，期限相应顺延至${formatDate(end + pausedDays)}` });
      end += pausedDays;
    }
    due = end;
    calendarSensitiveFrom = end;
    if (rule.lastDayOff === 'next_working_day' && !calendar.isWorkingDayN(due)) {
      const rolled = calendar.nextWorkingDayOnOrAfterN(due);
      push({ type: 'roll', from: formatDate(due), to: formatDate(rolled), text: rollText(calendar, due, rolled) });
      due = rolled;
    }
    if (rule.lastDayOff === 'keep') calendarSensitiveFrom = Number.NaN;
  } else {
    // ---- working days or calendar days, walked day by day so that the trace lists every day
    const isWorking = rule.unit === 'working_day';
    const base = rule.length;
    const total = base + (ext?.length ?? 0);
    let n = 0;
    let d = rule.start.startDayCounted ? start - 1 : start;
    let extensionAnnounced = false;
    let currentPause: Pause | undefined;
    if (total === 0) push({ type: 'note', text: '期限长度为0，当日届满' });
    while (n < total) {
      d++;
      if (d - start > MAX_SPAN_DAYS) throw new CalendarError('INVALID_INPUT', '期限跨度过长（超过20000日），请检查暂停区间和天数');
      const pause = isPaused(d);
      if (pause) {
        if (pause !== currentPause) {
          push({ type: 'pause', from: formatDate(pause.from), to: formatDate(pause.to), days: pause.to - pause.from + 1, text: `${pause.label}：${formatDate(pause.from)}至${formatDate(pause.to)}，不计入期限${pause.open ? '（尚未结束）' : ''}` });
          currentPause = pause;
        }
        push({ type: 'skip', date: formatDate(d), reason: `暂停：${pause.label}（${calendar.reasonN(d)}）` });
        continue;
      }
      currentPause = undefined;
      if (isWorking && !calendar.isWorkingDayN(d)) {
        push({ type: 'skip', date: formatDate(d), reason: calendar.reasonN(d) });
        continue;
      }
      n++;
      const phase = n > base ? 'extension' : 'base';
      if (phase === 'extension' && !extensionAnnounced && ext) {
        push({ type: 'extension', length: ext.length, text: `原期限届满日：${formatDate(lastCountedBefore(d, isWorking, calendar, isPaused))}；${extensionText(ext.length)}` });
        extensionAnnounced = true;
      }
      push({
        type: 'count',
        date: formatDate(d),
        n: phase === 'extension' ? n - base : n,
        phase,
        reason: calendar.reasonN(d),
      });
    }
    due = d;
    calendarSensitiveFrom = isWorking ? firstCounted : due;
    if (!isWorking && rule.lastDayOff === 'next_working_day' && !calendar.isWorkingDayN(due)) {
      let rolled = calendar.nextWorkingDayOnOrAfterN(due);
      while (isPaused(rolled)) rolled = calendar.addWorkingDaysN(rolled, 1);
      push({ type: 'roll', from: formatDate(due), to: formatDate(rolled), text: rollText(calendar, due, rolled) });
      due = rolled;
    }
    if (!isWorking && rule.lastDayOff === 'keep') calendarSensitiveFrom = Number.NaN;
  }

  const lo = Math.min(spanFrom, due);
  const hi = Math.max(spanFrom, due);
  const missingYears = Number.isNaN(calendarSensitiveFrom)
    ? []
    : calendar.missingYearsBetweenN(Math.min(calendarSensitiveFrom, due), Math.max(calendarSensitiveFrom, due));
  warnings.push(...missingYearWarnings(calendar, missingYears, lo, hi));
  for (const y of calendar.nonOfficialYearsBetweenN(lo, hi)) {
    warnings.push(`${y.year}年节假日安排状态为“${y.status === 'draft' ? '草稿' : '未核实'}”，计算结果待该年安排核实后确认。`);
  }
  const isPausedNow = pauses.some((p) => p.open);
  push({
    type: 'due',
    date: formatDate(due),
    text:
      rule.kind === 'minimum'
        ? `不早于：${formatDate(due)}（${rule.name}，满${rule.length}${unitLabel}）`
        : `期限届满日：${formatDate(due)}（${rule.dueTime}前）${missingYears.length ? '（暂定）' : ''}${isPausedNow ? '（暂停中，将顺延）' : ''}`,
  });
  return {
    ruleId: rule.id,
    kind: rule.kind,
    due: formatDate(due),
    dueTime: rule.dueTime,
    start: formatDate(start),
    provisional: missingYears.length > 0,
    missingYears,
    warnings,
    calendarVersion: calendar.version,
    trace,
    ...(isPausedNow ? { paused: true } : {}),
  };
}

function countPausedDays(pauses: Pause[], from: DayNumber, to: DayNumber): number {
  // days of the union of pauses inside [from, to]
  let count = 0;
  let covered = from - 1;
  for (const p of pauses) {
    const a = Math.max(p.from, from, covered + 1);
    const b = Math.min(p.to, to);
    if (b >= a) {
      count += b - a + 1;
      covered = b;
    }
  }
  return count;
}

function lastCountedBefore(d: DayNumber, isWorking: boolean, calendar: Calendar, isPaused: (d: DayNumber) => unknown): DayNumber {
  let x = d - 1;
  while (isPaused(x) || (isWorking && !calendar.isWorkingDayN(x))) x--;
  return x;
}

function rollText(calendar: Calendar, from: DayNumber, to: DayNumber): string {
  const skipped: string[] = [];
  for (let d = from; d < to; d++) skipped.push(`${formatDate(d)} ${calendar.reasonN(d)}`);
  return `期间届满的最后一日${formatDate(from)}为${calendar.reasonN(from)}，以其后第一个工作日${formatDate(to)}为届满日（《民事诉讼法》第八十五条；《民法典》第二百零三条）。顺延经过：${skipped.join('、')}`;
}

/** An open item whose deadline may move when the calendar changes. */
export interface OpenDeadline {
  /** Caller's id (case id, ledger row id …). */
  id: string | number;
  /** Everything `computeDeadline` needs except the calendar. */
  input: ComputeDeadlineInput;
}

/** An item whose due date changes between two calendars. */
export interface MovedDeadline {
  id: string | number;
  ruleId: string;
  oldDue: string;
  newDue: string;
  /** newDue − oldDue in calendar days (negative = earlier). */
  shiftDays: number;
  oldProvisional: boolean;
  newProvisional: boolean;
}

/**
 * Which open deadlines move if the calendar changes (import or edit of a year, a unit override): computes every
 * item on both calendars and returns those whose due date differs, with old and new due. Used to list the affected
 * cases **before** the change is committed (alaveteli #7292). Traces are not built, so thousands of items are cheap.
 * An item that cannot be computed throws, unless `onError` is given (it then receives the item and the error).
 */
export function diffDeadlines(
  items: readonly OpenDeadline[],
  oldCalendar: Calendar,
  newCalendar: Calendar,
  options: { asOf?: string; onError?: (item: OpenDeadline, error: unknown) => void } = {},
): MovedDeadline[] {
  const moved: MovedDeadline[] = [];
  for (const item of items) {
    try {
      const a = computeDeadline({ ...item.input, calendar: oldCalendar }, { trace: false, asOf: options.asOf });
      const b = computeDeadline({ ...item.input, calendar: newCalendar }, { trace: false, asOf: options.asOf });
      if (a.due !== b.due) {
        moved.push({
          id: item.id,
          ruleId: item.input.rule.id,
          oldDue: a.due,
          newDue: b.due,
          shiftDays: parseDate(b.due) - parseDate(a.due),
          oldProvisional: a.provisional,
          newProvisional: b.provisional,
        });
      }
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(item, error);
    }
  }
  return moved;
}

/**
 * Renders a result as Chinese text lines (CLI, plain-text exports): the rule, start, each counted and skipped day,
 * pauses, extension, roll-forward, the due date and the warnings.
 */
export function formatTrace(result: DeadlineResult): string[] {
  const lines: string[] = [];
  for (const s of result.trace) {
    switch (s.type) {
      case 'rule':
        lines.push(`规则 ${s.ruleId}：${s.text}`);
        break;
      case 'start':
      case 'restart':
      case 'note':
      case 'extension':
      case 'roll':
        lines.push(s.text);
        break;
      case 'count':
        lines.push(`  ${s.date}  ${s.phase === 'extension' ? '延长第' : '第'}${s.n}日  ${s.reason}`);
        break;
      case 'skip':
        lines.push(`  ${s.date}  不计    ${s.reason}`);
        break;
      case 'pause':
        lines.push(`暂停：${s.text}（${s.days}日）`);
        break;
      case 'due':
        lines.push(s.text);
        break;
    }
  }
  for (const w of result.warnings) lines.push(`⚠ ${w}`);
  return lines;
}
