/**
 * Use-cases of the stored working-day calendar (工作日历, domain-rules §12): the national year arrangements, the
 * overrides of unit subtrees (§12.3) and rule configuration, and deadline computation on a unit's calendar.
 *
 * The database is the source of the calendar: every calendar is built from the rows read in the caller's
 * connection or transaction. The only in-process state is a cache keyed by the exact content read (the year JSON
 * texts and the override layers), so a change made by another process is seen on the next read.
 *
 * A change of the calendar (a year imported or edited, an override added or removed, a unit's 调休 setting)
 * recomputes every open deadline of the work lines (`DEADLINE_SOURCES`) on the calendars before and after, lists
 * those that move — only those inside the actor's data scope — before it is committed, and refreshes all of them in
 * the transaction of the change (house-style §12 C.1; alaveteli #7292).
 */
import { createHash } from 'node:crypto';
import { authorize, can, scopeCoversUnit, systemActor, type Ctx } from '../../core/context';
import { nowIso, type Db, type DbOrTx, type Tx } from '../../core/db/database';
import type { DeadlineSource, OpenDeadlineItem } from '../../core/deadline-sources';
import { AppError, fieldError, type FieldError } from '../../core/errors';
import { diffChanges, recordAudit } from '../audit/audit.service';
import type { FieldChanges } from '../audit/audit.types';
import { unitRepo } from '../org/org.repo';
import type { ComputeInput, OverrideCreateInput, UnitSettingsInput } from './calendar.api.schema';
import { BUNDLED_YEARS } from './calendar.data';
import { createCalendar, type Calendar } from './calendar.days';
import { computeDeadline, formatTrace } from './calendar.engine';
import { CalendarError } from './calendar.errors';
import { idsOfPath, calendarRepo } from './calendar.repo';
import { applyRuleConfig, DEADLINE_RULES, getRule, type RuleConfig, type RuleOverride } from './calendar.rules';
import { parseOverrideLayer, parseYearArrangement, type CalendarOverride, type OverrideLayer, type YearArrangement } from './calendar.schema';
import type { DeadlineResult, DeadlineRule } from './calendar.types';

/** Key of the platform-wide rule configuration in the `setting` table. */
export const PLATFORM_RULES_SETTING = 'calendar.rules';
/** Marker row: the bundled years were seeded once; from then on the database is the source. */
const SEEDED_SETTING = 'calendar.seeded';

// ---------------------------------------------------------------- errors

const FIELD_HINTS: [RegExp, string][] = [
  [/暂停/, 'pauses'],
  [/延长|延期/, 'extended'],
  [/事件|重新起算/, 'events'],
  [/提交|签收|确认|收到日期|receipt/, 'receipt'],
  [/起算日|报告年度|start/, 'start'],
  [/asOf/, 'asOf'],
];

/**
 * Maps a `CalendarError` to `AppError('VALIDATION_FAILED')` with the fields it concerns (house-style §9: validation
 * errors name the field). Year-file problems become one field error each (`arrangement.holidays.0.from`). Other
 * errors pass through unchanged.
 */
export function toAppError(e: unknown, fallbackField = '(root)'): unknown {
  if (!(e instanceof CalendarError)) return e;
  let fields: FieldError[];
  if (e.code === 'INVALID_ARRANGEMENT') {
    const problems = Array.isArray(e.details) ? (e.details as string[]) : [e.message];
    fields = problems.map((p) => {
      const m = /^([A-Za-z][\w.]*)(?:（[^）]*）)?：(.*)$/.exec(p);
      return m ? { field: `arrangement.${m[1]}`, message: m[2] } : { field: 'arrangement', message: p };
    });
  } else if (e.code === 'UNKNOWN_RULE') {
    fields = [{ field: fallbackField === '(root)' ? 'ruleId' : fallbackField, message: e.message }];
  } else {
    const hint = FIELD_HINTS.find(([re]) => re.test(e.message));
    fields = [{ field: hint?.[1] ?? fallbackField, message: e.message }];
  }
  return new AppError('VALIDATION_FAILED', { message: e.message, fields });
}

/** Runs `fn`, turning a CalendarError into a VALIDATION_FAILED AppError. */
function calendarInput<T>(fn: () => T, fallbackField?: string): T {
  try {
    return fn();
  } catch (e) {
    throw toAppError(e, fallbackField);
  }
}

/** Platform configuration (the national calendar, platform-wide rules) may be changed only with the 全部 scope. */
function requireAllScope(ctx: Ctx): void {
  if (!ctx.actor.scope.all) throw new AppError('FORBIDDEN', { message: '只有拥有全部数据权限的管理员可以修改平台配置' });
}

// ---------------------------------------------------------------- building calendars

/** Parsed year arrangements by their exact stored JSON: a row that changes has a different text. */
const yearCache = new Map<string, YearArrangement>();
/** Compiled calendars by a digest of everything they are built from. */
const calendarCache = new Map<string, Calendar>();
const CACHE_MAX = 256;

function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const value = make();
  cache.set(key, value);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return value;
}

function parseStoredYear(text: string): YearArrangement {
  return remember(yearCache, text, () => parseYearArrangement(JSON.parse(text)));
}

interface UnitInfo {
  id: number;
  name: string;
  code: string;
  path: string;
  status: string;
}

interface UnitSetting {
  ignores: boolean | null;
  ruleConfig: RuleConfig | null;
}

/** Everything calendars are built from, as read from the database (or as it would be after a change). */
interface CalendarState {
  years: YearArrangement[];
  /** Year JSON texts, for the cache key. */
  yearsKey: string;
  overrides: Map<number, CalendarOverride[]>;
  settings: Map<number, UnitSetting>;
  units: Map<number, UnitInfo>;
}

const digest = (text: string) => createHash('sha1').update(text).digest('hex');

async function readYears(db: DbOrTx): Promise<{ years: YearArrangement[]; yearsKey: string }> {
  const rows = await calendarRepo.yearTexts(db);
  return { years: rows.map((r) => parseStoredYear(r.arrangement)), yearsKey: digest(rows.map((r) => r.arrangement).join('\n')) };
}

function settingOf(row: { ignores_adjusted_workdays: number | null; rule_config: string | null }): UnitSetting {
  return {
    ignores: row.ignores_adjusted_workdays === null ? null : row.ignores_adjusted_workdays === 1,
    ruleConfig: row.rule_config ? (JSON.parse(row.rule_config) as RuleConfig) : null,
  };
}

function stateFrom(
  years: { years: YearArrangement[]; yearsKey: string },
  units: UnitInfo[],
  overrides: { unit_id: number; date: string; kind: 'off' | 'work'; reason: string }[],
  settings: { unit_id: number; ignores_adjusted_workdays: number | null; rule_config: string | null }[],
): CalendarState {
  const byUnit = new Map<number, CalendarOverride[]>();
  for (const o of overrides) {
    const list = byUnit.get(o.unit_id) ?? [];
    list.push({ date: o.date, kind: o.kind, reason: o.reason });
    byUnit.set(o.unit_id, list);
  }
  return {
    ...years,
    overrides: byUnit,
    settings: new Map(settings.map((s) => [s.unit_id, settingOf(s)])),
    units: new Map(units.map((u) => [u.id, u])),
  };
}

/** The whole calendar state (previews need every unit's calendar). */
async function loadState(db: DbOrTx): Promise<CalendarState> {
  const [years, units, overrides, settings] = await Promise.all([readYears(db), calendarRepo.allUnits(db), calendarRepo.allOverrides(db), calendarRepo.allSettings(db)]);
  return stateFrom(years, units, overrides, settings);
}

/** Only what one unit's calendar needs: the years and the unit's ancestors (its path). */
async function loadStateForUnit(db: DbOrTx, unitId: number | null): Promise<{ state: CalendarState; unit: UnitInfo | null }> {
  const years = await readYears(db);
  if (unitId === null) return { state: stateFrom(years, [], [], []), unit: null };
  const unit = await calendarRepo.findUnit(db, unitId);
  if (!unit) return { state: stateFrom(years, [], [], []), unit: null };
  const ids = idsOfPath(unit.path);
  const [units, overrides, settings] = await Promise.all([calendarRepo.unitsByIds(db, ids), calendarRepo.overridesOfUnits(db, ids), calendarRepo.settingsOfUnits(db, ids)]);
  return { state: stateFrom(years, units, overrides, settings), unit };
}

/** The override layers of a unit: its ancestors' and its own, root first (nearest wins, domain-rules 12.3.2). */
function layersFor(state: CalendarState, unitId: number | null): OverrideLayer[] {
  if (unitId === null) return [];
  const unit = state.units.get(unitId);
  if (!unit) return [];
  const layers: OverrideLayer[] = [];
  for (const id of idsOfPath(unit.path)) {
    const days = state.overrides.get(id) ?? [];
    const ignores = state.settings.get(id)?.ignores ?? null;
    if (days.length === 0 && ignores === null) continue;
    layers.push({
      unitId: id,
      label: state.units.get(id)?.name ?? String(id),
      ...(ignores !== null ? { ignoresAdjustedWorkdays: ignores } : {}),
      days: days.map((d) => ({ date: d.date, kind: d.kind, reason: d.reason })),
    });
  }
  return layers;
}

function calendarFor(state: CalendarState, unitId: number | null): Calendar {
  const layers = layersFor(state, unitId);
  const key = `${state.yearsKey}|${digest(JSON.stringify(layers))}`;
  return remember(calendarCache, key, () => createCalendar({ years: state.years, overrides: layers }));
}

/**
 * The working-day calendar of a unit: the national arrangements stored in the database plus the overrides of the
 * unit's ancestors and the unit itself (nearest wins) and the nearest "does not follow 调休" setting
 * (domain-rules 12.3.2, §15.11). `null` gives the national calendar (the public 期限计算器). Reads through `db`, so
 * inside a transaction it sees the transaction's own changes.
 */
export async function getCalendarForUnit(db: DbOrTx, unitId: number | null): Promise<Calendar> {
  const { state, unit } = await loadStateForUnit(db, unitId);
  return calendarFor(state, unit ? unit.id : null);
}

/** Merges rule configurations, the later (nearer) one winning field by field; pause/restart switches merge too. */
function mergeRuleConfigs(configs: RuleConfig[]): RuleConfig {
  const out: RuleConfig = {};
  for (const config of configs) {
    for (const [ruleId, o] of Object.entries(config)) {
      const prev: RuleOverride = out[ruleId] ?? {};
      const next: RuleOverride = { ...prev, ...o };
      if (prev.pauses || o.pauses) next.pauses = { ...prev.pauses, ...o.pauses };
      if (prev.restarts || o.restarts) next.restarts = { ...prev.restarts, ...o.restarts };
      out[ruleId] = next;
    }
  }
  return out;
}

async function platformRuleConfig(db: DbOrTx): Promise<RuleConfig | null> {
  const text = await calendarRepo.getSetting(db, PLATFORM_RULES_SETTING);
  return text ? (JSON.parse(text) as RuleConfig) : null;
}

function rulesFor(state: CalendarState, platform: RuleConfig | null, unitId: number | null): DeadlineRule[] {
  const configs: RuleConfig[] = [];
  const sources: string[] = [];
  if (platform && Object.keys(platform).length) {
    configs.push(platform);
    sources.push('平台配置');
  }
  const unit = unitId === null ? undefined : state.units.get(unitId);
  for (const id of unit ? idsOfPath(unit.path) : []) {
    const c = state.settings.get(id)?.ruleConfig;
    if (c && Object.keys(c).length) {
      configs.push(c);
      sources.push(`${state.units.get(id)?.name ?? id}的配置`);
    }
  }
  if (configs.length === 0) return [...DEADLINE_RULES];
  return calendarInput(() => applyRuleConfig(DEADLINE_RULES, mergeRuleConfigs(configs), sources.join('、')), 'config');
}

/**
 * The deadline rules in force for a unit: the national rules (calendar.rules.ts) with the platform-wide
 * configuration (`setting` `calendar.rules`) and the configurations of the unit's ancestors and the unit applied, the
 * nearest winning field by field (`applyRuleConfig`; only configurable rules may change their period). `null` gives
 * the platform rules.
 */
export async function getRulesForUnit(db: DbOrTx, unitId: number | null): Promise<DeadlineRule[]> {
  const [{ state, unit }, platform] = await Promise.all([loadStateForUnit(db, unitId), platformRuleConfig(db)]);
  return rulesFor(state, platform, unit ? unit.id : null);
}

// ---------------------------------------------------------------- moved deadlines

/** An open deadline that a calendar change moves. */
export interface MovedItem {
  key: string;
  /** Name of the deadline source (work line). */
  source: string;
  unitId: number;
  unitName: string;
  label: string;
  ruleId: string;
  oldDue: string | null;
  newDue: string | null;
}

/** An open item that could not be recomputed on one of the calendars (shown, never blocking the change). */
export interface MoveProblem {
  key: string;
  label: string;
  message: string;
}

interface MovePlan {
  /** Every moved item, in or out of the actor's scope: all are refreshed. */
  all: MovedItem[];
  /** The moved items inside the actor's data scope: the only ones listed. */
  visible: MovedItem[];
  problems: MoveProblem[];
}

/**
 * The registered sources. Imported lazily: work-line sources import this module (for `getCalendarForUnit`), so a
 * static import would make a cycle whose evaluation order depends on who is loaded first.
 */
async function deadlineSources(): Promise<DeadlineSource[]> {
  return (await import('../../server/deadline-sources')).DEADLINE_SOURCES;
}

/**
 * Recomputes every open deadline whose unit `affects` on the calendars before and after a change and returns those
 * whose due date differs.
 */
async function planMoves(ctx: Ctx, db: DbOrTx, before: CalendarState, after: CalendarState, affects: (unit: UnitInfo) => boolean): Promise<MovePlan> {
  const plan: MovePlan = { all: [], visible: [], problems: [] };
  for (const source of await deadlineSources()) {
    const items: OpenDeadlineItem[] = await source.listOpen(db);
    for (const item of items) {
      const unit = before.units.get(item.unitId);
      if (!unit || !affects(unit)) continue;
      const isVisible = scopeCoversUnit(ctx.actor.scope, unit);
      let oldDue: string | null;
      let newDue: string | null;
      try {
        oldDue = item.dueOn(calendarFor(before, item.unitId));
        newDue = item.dueOn(calendarFor(after, item.unitId));
      } catch (e) {
        if (isVisible) plan.problems.push({ key: item.key, label: item.label, message: e instanceof Error ? e.message : String(e) });
        continue;
      }
      if (oldDue === newDue) continue;
      const moved: MovedItem = { key: item.key, source: source.name, unitId: unit.id, unitName: unit.name, label: item.label, ruleId: item.ruleId, oldDue, newDue };
      plan.all.push(moved);
      if (isVisible) plan.visible.push(moved);
    }
  }
  const byDue = (a: MovedItem, b: MovedItem) => (a.oldDue ?? '').localeCompare(b.oldDue ?? '') || a.key.localeCompare(b.key);
  plan.all.sort(byDue);
  plan.visible.sort(byDue);
  return plan;
}

/** Refuses the change when the moved deadlines differ from those the user confirmed in the preview. */
function checkExpected(plan: MovePlan, expected: string[] | undefined): void {
  if (!expected) return;
  const want = [...new Set(expected)].sort();
  const have = plan.visible.map((m) => m.key).sort();
  if (want.length !== have.length || want.some((k, i) => k !== have[i])) {
    throw new AppError('CONFLICT', {
      message: '预览之后，受影响的未结期限已发生变化，请重新预览并确认',
      details: { moved: plan.visible },
    });
  }
}

/** Recomputes the stored projections of every moved item, source by source, in the change's transaction. */
async function refreshMoved(tx: Tx, items: { key: string; source: string }[]): Promise<void> {
  if (items.length === 0) return;
  for (const source of await deadlineSources()) {
    const keys = items.filter((m) => m.source === source.name).map((m) => m.key);
    if (keys.length) await source.refresh(tx, keys);
  }
}

/** The audit changes that record which deadlines moved (before → after, by key). */
function movedChanges(plan: MovePlan): FieldChanges {
  if (plan.all.length === 0) return {};
  return {
    moved_deadlines: [Object.fromEntries(plan.all.map((m) => [m.key, m.oldDue])), Object.fromEntries(plan.all.map((m) => [m.key, m.newDue]))],
  };
}

// ---------------------------------------------------------------- years

/** A stored year, as listed. */
export interface YearSummary {
  year: number;
  status: YearArrangement['status'];
  title: string;
  docNo: string | null;
  published: string | null;
  url: string | null;
  holidays: number;
  offDays: number;
  workDays: number;
  note: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: number | null;
}

function summarize(row: { year: number; arrangement: string; revision: number; created_at: string; updated_at: string; updated_by: number | null }): YearSummary {
  const a = parseStoredYear(row.arrangement);
  return {
    year: a.year,
    status: a.status,
    title: a.source.title,
    docNo: a.source.docNo ?? null,
    published: a.source.published ?? null,
    url: a.source.url ?? null,
    holidays: a.holidays.length,
    offDays: a.off.length,
    workDays: a.work.length,
    note: a.note ?? null,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The stored years with status and source, oldest first. */
export async function listYears(ctx: Ctx): Promise<YearSummary[]> {
  authorize(ctx.actor, 'calendar:deadline:view');
  return (await calendarRepo.listYears(ctx.db)).map(summarize);
}

/** One stored year's arrangement, or NOT_FOUND. */
export async function getYear(ctx: Ctx, year: number): Promise<{ summary: YearSummary; arrangement: YearArrangement }> {
  authorize(ctx.actor, 'calendar:deadline:view');
  const row = await calendarRepo.findYear(ctx.db, year);
  if (!row) throw new AppError('NOT_FOUND', { message: `尚未导入${year}年节假日安排` });
  return { summary: summarize(row), arrangement: parseStoredYear(row.arrangement) };
}

/** The fields of an arrangement an audit event compares. */
const auditedFields = (a: YearArrangement) => ({ status: a.status, source: a.source, statutoryDays: a.statutoryDays ?? null, note: a.note ?? null, holidays: a.holidays });

/** Result of previewing a year import. */
export interface YearPreview {
  year: number;
  parsed: YearArrangement;
  /** The stored arrangement of the same year, if any (the import replaces it). */
  existing: YearSummary | null;
  /** Fields that differ from the stored year (empty for a new year). */
  changes: FieldChanges;
  /** Open deadlines inside the actor's scope whose due date the import moves. */
  moved: MovedItem[];
  problems: MoveProblem[];
}

async function planYearImport(ctx: Ctx, db: DbOrTx, json: unknown) {
  const parsed = calendarInput(() => parseYearArrangement(json), 'arrangement');
  const before = await loadState(db);
  const existingRow = await calendarRepo.findYear(db, parsed.year);
  const years = [...before.years.filter((y) => y.year !== parsed.year), parsed].sort((a, b) => a.year - b.year);
  const after: CalendarState = { ...before, years, yearsKey: digest(years.map((y) => JSON.stringify(y)).join('\n')) };
  // the new year must fit with the others (a date claimed by two notices is refused)
  calendarInput(() => calendarFor(after, null), 'arrangement');
  const existing = existingRow ? parseStoredYear(existingRow.arrangement) : null;
  const changes = diffChanges(existing ? auditedFields(existing) : null, auditedFields(parsed));
  const plan = await planMoves(ctx, db, before, after, () => true);
  return { parsed, existingRow, existing, changes, plan };
}

/**
 * Checks a year arrangement (CALENDAR-FORMAT.md) and lists the open deadlines inside the actor's scope that its
 * import would move, without changing anything.
 */
export async function previewYearImport(ctx: Ctx, json: unknown): Promise<YearPreview> {
  authorize(ctx.actor, 'calendar:year:manage');
  requireAllScope(ctx);
  const p = await planYearImport(ctx, ctx.db, json);
  return { year: p.parsed.year, parsed: p.parsed, existing: p.existingRow ? summarize(p.existingRow) : null, changes: p.changes, moved: p.plan.visible, problems: p.plan.problems };
}

/**
 * Imports (adds or replaces) a year's arrangement: checks it, recomputes the open deadlines on the calendars before
 * and after, and in one transaction stores the year, records the audit event with the changed fields and the moved
 * deadlines, and refreshes the moved deadlines' stored projections. With `expectedMoved` (the keys listed by the
 * preview) the import is refused with CONFLICT when the moved deadlines are no longer the same.
 */
export async function importYear(ctx: Ctx, json: unknown, opts: { expectedMoved?: string[] } = {}): Promise<{ year: number; created: boolean; changed: boolean; moved: MovedItem[] }> {
  authorize(ctx.actor, 'calendar:year:manage');
  requireAllScope(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    // 1. 校验并计算受影响的未结期限
    const p = await planYearImport(ctx, tx, json);
    checkExpected(p.plan, opts.expectedMoved);
    if (p.existing && JSON.stringify(p.existing) === JSON.stringify(p.parsed)) {
      return { year: p.parsed.year, created: false, changed: false, moved: [] };
    }
    // 2. 写入
    const created = !p.existingRow;
    if (created) await calendarRepo.insertYearIfMissing(tx, p.parsed, ctx.actor.userId);
    else await calendarRepo.updateYear(tx, p.parsed, ctx.actor.userId);
    // 3. 审计（同一事务）
    await recordAudit(tx, ctx, {
      action: 'calendar:year:import',
      entityType: 'calendar-year',
      entityId: p.parsed.year,
      unitId: null,
      summary: `${created ? '导入' : '修改'}${p.parsed.year}年节假日安排（${p.parsed.source.title}，${statusLabel(p.parsed.status)}）${p.plan.all.length ? `，${p.plan.all.length} 个未结期限随之调整` : ''}`,
      changes: { ...p.changes, ...movedChanges(p.plan) },
    });
    // 4. 刷新受影响期限的存储结果（同一事务）
    await refreshMoved(tx, p.plan.all);
    return { year: p.parsed.year, created, changed: true, moved: p.plan.visible };
  });
}

const statusLabel = (s: YearArrangement['status']) => ({ official: '已核对', unverified: '未核实', draft: '草稿' })[s];

/**
 * Seeds the bundled 2022–2026 arrangements (domain-rules §12.2) into an empty calendar, once: a marker row in
 * `setting` is inserted in the same transaction, so two processes starting together seed once, and a year an
 * administrator has replaced is never overwritten. Each year is audited as the system. Returns the years seeded.
 */
export async function seedBundledYears(db: Db): Promise<number[]> {
  const ctx = { actor: systemActor('bootstrap'), ip: null };
  return db.transaction().execute(async (tx) => {
    if (!(await calendarRepo.insertSettingIfMissing(tx, SEEDED_SETTING, nowIso()))) return [];
    const seeded: number[] = [];
    for (const a of BUNDLED_YEARS) {
      if (!(await calendarRepo.insertYearIfMissing(tx, a, null))) continue;
      seeded.push(a.year);
      await recordAudit(tx, ctx, {
        action: 'calendar:year:import',
        entityType: 'calendar-year',
        entityId: a.year,
        unitId: null,
        summary: `首次启动：载入内置的${a.year}年节假日安排（${a.source.title}）`,
        changes: diffChanges(null, auditedFields(a)),
      });
    }
    return seeded;
  });
}

// ---------------------------------------------------------------- unit overrides and settings

/** A unit the actor may change the calendar of (visible and inside its scope), or the given error. */
async function unitForWrite(ctx: Ctx, db: DbOrTx, unitId: number, field: string | null): Promise<UnitInfo> {
  const unit = await calendarRepo.findUnit(db, unitId);
  if (!unit || !scopeCoversUnit(ctx.actor.scope, unit)) {
    if (field === null) throw new AppError('NOT_FOUND');
    throw fieldError(field, '单位不存在或不在您的数据权限范围内');
  }
  if (unit.status !== 'active') throw new AppError('INVALID_STATE', { message: '该单位已停用，不能调整其工作日历' });
  return unit;
}

const inSubtree = (root: UnitInfo) => (u: UnitInfo) => u.path.startsWith(root.path);

function withOverrides(state: CalendarState, unitId: number, days: CalendarOverride[]): CalendarState {
  const overrides = new Map(state.overrides);
  overrides.set(unitId, days);
  return { ...state, overrides };
}

function withSetting(state: CalendarState, unitId: number, patch: Partial<UnitSetting>): CalendarState {
  const settings = new Map(state.settings);
  settings.set(unitId, { ignores: null, ruleConfig: null, ...state.settings.get(unitId), ...patch });
  return { ...state, settings };
}

/** Result of previewing a change of a unit's calendar. */
export interface ChangePreview {
  moved: MovedItem[];
  problems: MoveProblem[];
}

const kindLabel = (k: 'off' | 'work') => (k === 'off' ? '放假' : '上班');

async function planOverrideCreate(ctx: Ctx, db: DbOrTx, input: OverrideCreateInput) {
  const unit = await unitForWrite(ctx, db, input.unitId, 'unitId');
  const day = calendarInput(() => parseOverrideLayer({ days: [{ date: input.date, kind: input.kind, reason: input.reason }] }).days[0], 'date');
  if (await calendarRepo.findOverride(db, unit.id, day.date)) {
    throw new AppError('CONFLICT', { message: `${unit.name}在 ${day.date} 已有节假日调整，请先删除`, fields: [{ field: 'date', message: '该单位在此日期已有调整' }] });
  }
  const before = await loadState(db);
  const after = withOverrides(before, unit.id, [...(before.overrides.get(unit.id) ?? []), day]);
  const plan = await planMoves(ctx, db, before, after, inSubtree(unit));
  return { unit, day, plan };
}

/** Lists the open deadlines (in the actor's scope) that adding an override to a unit would move. */
export async function previewOverrideCreate(ctx: Ctx, input: OverrideCreateInput): Promise<ChangePreview> {
  authorize(ctx.actor, 'calendar:override:manage');
  const { plan } = await planOverrideCreate(ctx, ctx.db, input);
  return { moved: plan.visible, problems: plan.problems };
}

/**
 * Adds an override (an extra day off such as a regional holiday, or an extra working day) to a unit and so to its
 * subtree (domain-rules 12.3.2), audited, with the moved open deadlines refreshed in the same transaction.
 */
export async function createOverride(ctx: Ctx, input: OverrideCreateInput): Promise<{ id: number; moved: MovedItem[] }> {
  authorize(ctx.actor, 'calendar:override:manage');
  return ctx.db.transaction().execute(async (tx) => {
    // 1. 范围、校验、受影响期限
    const { unit, day, plan } = await planOverrideCreate(ctx, tx, input);
    checkExpected(plan, input.expectedMoved);
    // 2. 写入与审计
    const id = await calendarRepo.insertOverride(tx, { unit_id: unit.id, date: day.date, kind: day.kind, reason: day.reason, created_by: ctx.actor.userId });
    await recordAudit(tx, ctx, {
      action: 'calendar:override:create',
      entityType: 'calendar-override',
      entityId: id,
      unitId: unit.id,
      summary: `新增节假日调整：${unit.name} ${day.date} ${kindLabel(day.kind)}（${day.reason}）${plan.all.length ? `，${plan.all.length} 个未结期限随之调整` : ''}`,
      changes: { ...diffChanges(null, { unit_id: unit.id, date: day.date, kind: day.kind, reason: day.reason }), ...movedChanges(plan) },
    });
    // 3. 刷新受影响期限
    await refreshMoved(tx, plan.all);
    return { id, moved: plan.visible };
  });
}

async function planOverrideDelete(ctx: Ctx, db: DbOrTx, id: number) {
  const row = await calendarRepo.findOverrideVisible(db, ctx.actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const unit = await unitForWrite(ctx, db, row.unit_id, null);
  const before = await loadState(db);
  const after = withOverrides(before, unit.id, (before.overrides.get(unit.id) ?? []).filter((d) => d.date !== row.date));
  const plan = await planMoves(ctx, db, before, after, inSubtree(unit));
  return { row, unit, plan };
}

/** Lists the open deadlines (in the actor's scope) that removing an override would move. */
export async function previewOverrideDelete(ctx: Ctx, id: number): Promise<ChangePreview> {
  authorize(ctx.actor, 'calendar:override:manage');
  const { plan } = await planOverrideDelete(ctx, ctx.db, id);
  return { moved: plan.visible, problems: plan.problems };
}

/** Removes an override, audited, with the moved open deadlines refreshed in the same transaction. */
export async function deleteOverride(ctx: Ctx, id: number, opts: { expectedMoved?: string[] } = {}): Promise<{ moved: MovedItem[] }> {
  authorize(ctx.actor, 'calendar:override:manage');
  return ctx.db.transaction().execute(async (tx) => {
    const { row, unit, plan } = await planOverrideDelete(ctx, tx, id);
    checkExpected(plan, opts.expectedMoved);
    await calendarRepo.deleteOverride(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'calendar:override:delete',
      entityType: 'calendar-override',
      entityId: row.id,
      unitId: unit.id,
      summary: `删除节假日调整：${unit.name} ${row.date} ${kindLabel(row.kind)}（${row.reason}）${plan.all.length ? `，${plan.all.length} 个未结期限随之调整` : ''}`,
      changes: { unit_id: [row.unit_id, null], date: [row.date, null], kind: [row.kind, null], reason: [row.reason, null], ...movedChanges(plan) },
    });
    await refreshMoved(tx, plan.all);
    return { moved: plan.visible };
  });
}

async function planUnitSettings(ctx: Ctx, db: DbOrTx, unitId: number, input: Pick<UnitSettingsInput, 'ignoresAdjustedWorkdays'>) {
  const unit = await unitForWrite(ctx, db, unitId, null);
  const before = await loadState(db);
  const current = before.settings.get(unit.id)?.ignores ?? null;
  const after = withSetting(before, unit.id, { ignores: input.ignoresAdjustedWorkdays });
  const plan = current === input.ignoresAdjustedWorkdays ? { all: [], visible: [], problems: [] } : await planMoves(ctx, db, before, after, inSubtree(unit));
  return { unit, current, plan };
}

/** Lists the open deadlines (in the actor's scope) that changing a unit's 调休 setting would move. */
export async function previewUnitSettings(ctx: Ctx, unitId: number, input: Pick<UnitSettingsInput, 'ignoresAdjustedWorkdays'>): Promise<ChangePreview> {
  authorize(ctx.actor, 'calendar:override:manage');
  const { plan } = await planUnitSettings(ctx, ctx.db, unitId, input);
  return { moved: plan.visible, problems: plan.problems };
}

/**
 * Sets whether a unit (and its subtree, unless a unit below says otherwise) does not follow 调休上班: `true` = the
 * national 调休上班 weekend days are plain weekend days for it (domain-rules §15.11), `false` = it follows them,
 * `null` = as its parent. Audited; moved open deadlines are refreshed in the same transaction.
 */
export async function setUnitCalendarSettings(ctx: Ctx, unitId: number, input: UnitSettingsInput): Promise<{ changed: boolean; moved: MovedItem[] }> {
  authorize(ctx.actor, 'calendar:override:manage');
  return ctx.db.transaction().execute(async (tx) => {
    const { unit, current, plan } = await planUnitSettings(ctx, tx, unitId, input);
    checkExpected(plan, input.expectedMoved);
    if (current === input.ignoresAdjustedWorkdays) return { changed: false, moved: [] };
    const flag = input.ignoresAdjustedWorkdays === null ? null : input.ignoresAdjustedWorkdays ? 1 : 0;
    await calendarRepo.upsertSetting(tx, unit.id, { ignores_adjusted_workdays: flag }, ctx.actor.userId);
    const label = (v: boolean | null) => (v === null ? '随上级单位' : v ? '不执行调休上班' : '执行调休上班');
    await recordAudit(tx, ctx, {
      action: 'calendar:unit:configure',
      entityType: 'calendar-unit',
      entityId: unit.id,
      unitId: unit.id,
      summary: `${unit.name}：${label(current)} → ${label(input.ignoresAdjustedWorkdays)}${plan.all.length ? `，${plan.all.length} 个未结期限随之调整` : ''}`,
      changes: { ignores_adjusted_workdays: [current, input.ignoresAdjustedWorkdays], ...movedChanges(plan) },
    });
    await refreshMoved(tx, plan.all);
    return { changed: true, moved: plan.visible };
  });
}

/**
 * Stores the rule configuration (CALENDAR-FORMAT.md “Rule configuration”) of a unit subtree, or platform-wide with
 * `unitId = null` (then the 全部 scope and `calendar:year:manage` are needed). `{}` clears it. The configuration is
 * checked with `applyRuleConfig` (a national high rule cannot change). Sources cannot say which deadlines a rule
 * change moves, so every open deadline of the affected units is refreshed in the same transaction.
 */
export async function setRuleConfig(ctx: Ctx, unitId: number | null, config: Record<string, Record<string, unknown>>): Promise<{ refreshed: number }> {
  if (unitId === null) {
    authorize(ctx.actor, 'calendar:year:manage');
    requireAllScope(ctx);
  } else authorize(ctx.actor, 'calendar:override:manage');
  const cleaned = Object.keys(config).length ? (config as RuleConfig) : null;
  if (cleaned) calendarInput(() => applyRuleConfig(DEADLINE_RULES, cleaned), 'config');
  return ctx.db.transaction().execute(async (tx) => {
    const unit = unitId === null ? null : await unitForWrite(ctx, tx, unitId, null);
    const state = await loadState(tx);
    const before = unit ? (state.settings.get(unit.id)?.ruleConfig ?? null) : await platformRuleConfig(tx);
    if (JSON.stringify(before) === JSON.stringify(cleaned)) return { refreshed: 0 };
    if (unit) await calendarRepo.upsertSetting(tx, unit.id, { rule_config: cleaned ? JSON.stringify(cleaned) : null }, ctx.actor.userId);
    else await calendarRepo.putSetting(tx, PLATFORM_RULES_SETTING, JSON.stringify(cleaned ?? {}));
    // the merged configuration must stay valid for the unit and for every configured unit below it
    const platformAfter = unit ? await platformRuleConfig(tx) : cleaned;
    const next = unit ? withSetting(state, unit.id, { ruleConfig: cleaned }) : state;
    rulesFor(next, platformAfter, unit ? unit.id : null);
    for (const [id, s] of next.settings) {
      const u = next.units.get(id);
      if (s.ruleConfig && u && (!unit || u.path.startsWith(unit.path))) rulesFor(next, platformAfter, id);
    }
    await recordAudit(tx, ctx, {
      action: 'calendar:rules:configure',
      entityType: unit ? 'calendar-unit' : 'calendar-rules',
      entityId: unit ? unit.id : null,
      unitId: unit ? unit.id : null,
      summary: `${unit ? `${unit.name}的` : '平台'}期限规则配置${cleaned ? '更新' : '清除'}`,
      changes: { rule_config: [before, cleaned] },
    });
    let refreshed = 0;
    for (const source of await deadlineSources()) {
      const keys = (await source.listOpen(tx))
        .filter((i) => {
          const u = state.units.get(i.unitId);
          return !!u && (!unit || u.path.startsWith(unit.path));
        })
        .map((i) => i.key);
      if (keys.length) await source.refresh(tx, keys);
      refreshed += keys.length;
    }
    return { refreshed };
  });
}

/** An override as shown for a unit: its own, or inherited from an ancestor (with that ancestor). */
export interface UnitOverrideView {
  id: number | null;
  date: string;
  kind: 'off' | 'work';
  reason: string;
  unitId: number;
  unitName: string;
  inherited: boolean;
  /** For an inherited day: a nearer unit (possibly this one) overrides the same date, so it does not apply. */
  shadowed: boolean;
  createdAt: string | null;
}

/** The calendar settings of one unit: its own and inherited overrides, the 调休 setting and rule configuration. */
export interface UnitCalendarView {
  unit: { id: number; name: string; code: string; path: string };
  ancestors: { id: number; name: string }[];
  overrides: UnitOverrideView[];
  ignoresAdjustedWorkdays: { own: boolean | null; effective: boolean; source: { id: number; name: string } | null };
  ruleConfig: { platform: RuleConfig | null; layers: { unitId: number; unitName: string; config: RuleConfig }[] };
  policies: { canManage: boolean };
}

/**
 * The calendar of a unit as an administrator sees it: the unit's own overrides and those inherited from its
 * ancestors (nearest wins; shadowed ones marked), where its 调休 setting comes from, and the rule configurations.
 */
export async function getUnitCalendar(ctx: Ctx, unitId: number): Promise<UnitCalendarView> {
  authorize(ctx.actor, 'calendar:deadline:view');
  const visible = await unitRepo.findVisible(ctx.db, ctx.actor, unitId);
  if (!visible) throw new AppError('NOT_FOUND');
  const { state, unit } = await loadStateForUnit(ctx.db, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  const ids = idsOfPath(unit.path);
  const rows = await calendarRepo.overridesOfUnits(ctx.db, ids);
  const depth = new Map(ids.map((id, i) => [id, i]));
  // for a date overridden on several levels the nearest unit wins (domain-rules 12.3.2, mergeOverrideLayers)
  const nearest = new Map<string, number>();
  for (const r of rows) {
    const current = nearest.get(r.date);
    if (current === undefined || (depth.get(r.unit_id) ?? 0) > (depth.get(current) ?? 0)) nearest.set(r.date, r.unit_id);
  }
  const overrides: UnitOverrideView[] = rows
    .map((r) => ({
      id: r.unit_id === unit.id ? r.id : null,
      date: r.date,
      kind: r.kind,
      reason: r.reason,
      unitId: r.unit_id,
      unitName: state.units.get(r.unit_id)?.name ?? String(r.unit_id),
      inherited: r.unit_id !== unit.id,
      shadowed: nearest.get(r.date) !== r.unit_id,
      createdAt: r.unit_id === unit.id ? r.created_at : null,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || (depth.get(a.unitId) ?? 0) - (depth.get(b.unitId) ?? 0));
  let source: { id: number; name: string } | null = null;
  let effective = false;
  for (const id of ids) {
    const v = state.settings.get(id)?.ignores ?? null;
    if (v !== null) {
      effective = v;
      source = { id, name: state.units.get(id)?.name ?? String(id) };
    }
  }
  return {
    unit: { id: unit.id, name: unit.name, code: unit.code, path: unit.path },
    ancestors: ids.slice(0, -1).map((id) => ({ id, name: state.units.get(id)?.name ?? String(id) })),
    overrides,
    ignoresAdjustedWorkdays: { own: state.settings.get(unit.id)?.ignores ?? null, effective, source },
    ruleConfig: {
      platform: await platformRuleConfig(ctx.db),
      layers: ids.flatMap((id) => {
        const config = state.settings.get(id)?.ruleConfig;
        return config ? [{ unitId: id, unitName: state.units.get(id)?.name ?? String(id), config }] : [];
      }),
    },
    policies: { canManage: can(ctx.actor, 'calendar:override:manage') && scopeCoversUnit(ctx.actor.scope, unit) && unit.status === 'active' },
  };
}

/** Overrides the actor may see (of one unit, or all in scope), with the unit's name. */
export async function listOverrides(ctx: Ctx, f: { unitId?: number; year?: number }) {
  authorize(ctx.actor, 'calendar:deadline:view');
  const rows = await calendarRepo.listOverrides(ctx.db, ctx.actor, f);
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name, date: r.date, kind: r.kind, reason: r.reason, createdAt: r.created_at, createdBy: r.created_by }));
}

// ---------------------------------------------------------------- computing deadlines

/** A computed deadline as the API returns it: the result with its trace, the rule, the unit and the calendar. */
export interface DeadlineView extends DeadlineResult {
  /** The trace as text lines (`formatTrace`). */
  lines: string[];
  rule: DeadlineRule;
  unit: { id: number; name: string } | null;
  calendar: { version: string; years: { year: number; status: string }[]; overrideLabels: string[]; ignoresAdjustedWorkdays: boolean };
}

function compute(calendar: Calendar, rules: DeadlineRule[], input: Omit<ComputeInput, 'unitId'>, unit: { id: number; name: string } | null): DeadlineView {
  const rule = calendarInput(() => getRule(input.ruleId, rules), 'ruleId');
  const result = calendarInput(() =>
    computeDeadline(
      {
        rule,
        calendar,
        start: input.start || undefined,
        receipt: input.receipt,
        events: input.events,
        pauses: input.pauses,
        extended: input.extended,
      },
      { asOf: input.asOf },
    ),
  );
  return {
    ...result,
    lines: formatTrace(result),
    rule,
    unit,
    calendar: {
      version: calendar.version,
      years: calendar.loadedYears().map((y) => ({ year: y.year, status: y.status })),
      overrideLabels: calendar.overrides.labels,
      ignoresAdjustedWorkdays: calendar.overrides.ignoresAdjustedWorkdays,
    },
  };
}

/**
 * Computes a deadline for a signed-in user on the calendar of a unit (default: the user's own unit; another unit
 * must be inside the user's data scope) with that unit's rules, and returns it with its trace: every counted and
 * skipped day with its reason, pauses, extension, the article. A deadline that runs into a year with no loaded
 * arrangement is `provisional`, with a warning naming the year.
 */
export async function computeForActor(ctx: Ctx, input: ComputeInput): Promise<DeadlineView> {
  authorize(ctx.actor, 'calendar:deadline:view');
  let unitId = ctx.actor.unitId;
  if (input.unitId !== undefined) {
    const unit = await calendarRepo.findUnit(ctx.db, input.unitId);
    if (!unit || !(unit.id === ctx.actor.unitId || scopeCoversUnit(ctx.actor.scope, unit))) throw fieldError('unitId', '单位不存在或不在您的数据权限范围内');
    unitId = unit.id;
  }
  const { state, unit } = await loadStateForUnit(ctx.db, unitId);
  const platform = await platformRuleConfig(ctx.db);
  const id = unit ? unit.id : null;
  return compute(calendarFor(state, id), rulesFor(state, platform, id), input, unit ? { id: unit.id, name: unit.name } : null);
}

/**
 * The public 期限计算器 (no sign-in): the national calendar stored in the database, without unit overrides, and the
 * platform rules.
 */
export async function computePublic(db: DbOrTx, input: Omit<ComputeInput, 'unitId'>): Promise<DeadlineView> {
  const [calendar, rules] = await Promise.all([getCalendarForUnit(db, null), getRulesForUnit(db, null)]);
  return compute(calendar, rules, input, null);
}

/** The rules in force for a unit in the actor's scope (default: the actor's unit). */
export async function listRulesForActor(ctx: Ctx, unitId?: number): Promise<DeadlineRule[]> {
  authorize(ctx.actor, 'calendar:deadline:view');
  let id = ctx.actor.unitId;
  if (unitId !== undefined) {
    const unit = await calendarRepo.findUnit(ctx.db, unitId);
    if (!unit || !(unit.id === ctx.actor.unitId || scopeCoversUnit(ctx.actor.scope, unit))) throw new AppError('NOT_FOUND');
    id = unit.id;
  }
  return getRulesForUnit(ctx.db, id);
}
