/**
 * Tables 2, 3 and 4 of the 政府信息公开工作年度报告 in the 2021 national format (国办公开办函〔2021〕30号,
 * domain-rules §2.4.6), counted from the records. Every cell is a named, scoped query (`cellQuery`), so a
 * figure can always be opened to the records behind it; the identities of the format are declared once
 * (`checkGiIdentities`) and checked on whatever numbers a table holds, so a broken one shows.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Actor } from '../../core/context';
import type { DbOrTx } from '../../core/db/database';
import type { DB } from '../../core/db/schema';
import { APPLICANT_TYPE_CODES, OUTCOMES, type ApplicantType, type Outcome } from '../../shared/disclosure';
import { scopeProactiveItems, scopeRequests, scopeReviewCases } from './disclosure.repo';

/** Columns of table 3: the six applicant types and 总计. */
export const T3_COLUMNS = [...APPLICANT_TYPE_CODES, 'total'] as const;
export type T3Column = (typeof T3_COLUMNS)[number];

export interface T3Row {
  key: string;
  /** The national label; numbered sub-rows carry their group, e.g. （三）1.属于国家秘密. */
  label: string;
  kind: 'new' | 'carried_in' | 'outcome' | 'total' | 'carried_out';
  outcome?: Outcome;
  sub?: number;
}

/** The rows of table 3, in the national order. */
export const T3_ROWS: T3Row[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', kind: 'new' },
  { key: 'carried_in', label: '二、上年结转政府信息公开申请数量', kind: 'carried_in' },
  ...(Object.keys(OUTCOMES) as Outcome[]).flatMap((o): T3Row[] => {
    const def = OUTCOMES[o];
    if (def.subs.length === 0) return [{ key: o, label: def.label, kind: 'outcome', outcome: o }];
    const group = def.label.slice(0, 3); // （三）
    return def.subs.map((s, i) => ({ key: `${o}.${i + 1}`, label: `${group}${s}`, kind: 'outcome', outcome: o, sub: i + 1 }));
  }),
  { key: 'total', label: '（七）总计', kind: 'total' },
  { key: 'carried_out', label: '四、结转下年度继续办理', kind: 'carried_out' },
];

export type Table3 = Record<string, Record<T3Column, number>>;

export const T2_ROWS = [
  { key: 'rule', label: '规章', block: '第二十条第（一）项', columns: ['issued', 'repealed', 'valid'] },
  { key: 'normative', label: '行政规范性文件', block: '第二十条第（一）项', columns: ['issued', 'repealed', 'valid'] },
  { key: 'license', label: '行政许可', block: '第二十条第（五）项', columns: ['decisions'] },
  { key: 'penalty', label: '行政处罚', block: '第二十条第（六）项', columns: ['decisions'] },
  { key: 'coercion', label: '行政强制', block: '第二十条第（六）项', columns: ['decisions'] },
  { key: 'fee', label: '行政事业性收费', block: '第二十条第（八）项', columns: ['amount'] },
] as const;
export const T2_COLUMN_LABELS = { issued: '本年制发件数', repealed: '本年废止件数', valid: '现行有效件数', decisions: '本年处理决定数量', amount: '本年收费金额（单位：万元）' } as const;
export type Table2 = Record<string, Record<string, number>>;

export const T4_GROUPS = [
  { key: 'reconsideration', label: '行政复议' },
  { key: 'litigation_direct', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigation_after', label: '行政诉讼（复议后起诉）' },
] as const;
export const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const T4_COLUMN_LABELS = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' } as const;
export type Table4 = Record<string, Record<(typeof T4_COLUMNS)[number], number>>;

export interface Identity {
  id: string;
  description: string;
  holds: boolean;
  left: number;
  right: number;
}

export interface GiTables {
  table2: Table2;
  table3: Table3;
  table4: Table4;
  identities: Identity[];
}

/** Which units a report covers: one unit, or (roll-up) the unit and everything below it. */
export interface ReportScope {
  actor: Actor;
  unitId: number;
  unitPath: string;
  year: number;
  rollup: boolean;
}

const yStart = (y: number) => `${y}-01-01`;
const yEnd = (y: number) => `${y}-12-31`;

/** The requests of the report's units in the actor's scope. */
function requestsOf(db: DbOrTx, s: ReportScope) {
  return db
    .selectFrom('gi_request')
    .where(scopeRequests(s.actor))
    .$if(!s.rollup, (qb) => qb.where('gi_request.unit_id', '=', s.unitId))
    .$if(s.rollup, (qb) => qb.where('gi_request.unit_id', 'in', db.selectFrom('org_unit').select('org_unit.id').where('org_unit.path', 'like', `${s.unitPath}%`)));
}

/**
 * The definition of each table-3 row as a filter on requests (received_on, closed_on and outcome are the
 * request's projection, derived from its events):
 * 一 received in the year; 二 received before it and still open on 1 January; 三 answered in the year, by outcome;
 * 四 received by 31 December and still open then.
 */
function t3RowFilter(qb: SelectQueryBuilder<DB, 'gi_request', object>, row: T3Row, y: number) {
  switch (row.kind) {
    case 'new':
      return qb.where('gi_request.received_on', '>=', yStart(y)).where('gi_request.received_on', '<=', yEnd(y));
    case 'carried_in':
      return qb.where('gi_request.received_on', '<', yStart(y)).where((eb) => eb.or([eb('gi_request.closed_on', 'is', null), eb('gi_request.closed_on', '>=', yStart(y))]));
    case 'carried_out':
      return qb.where('gi_request.received_on', '<=', yEnd(y)).where((eb) => eb.or([eb('gi_request.closed_on', 'is', null), eb('gi_request.closed_on', '>', yEnd(y))]));
    case 'total':
      return qb.where('gi_request.closed_on', '>=', yStart(y)).where('gi_request.closed_on', '<=', yEnd(y));
    case 'outcome':
      return qb
        .where('gi_request.closed_on', '>=', yStart(y))
        .where('gi_request.closed_on', '<=', yEnd(y))
        .where('gi_request.outcome', '=', row.outcome!)
        .$if(row.sub !== undefined, (q) => q.where('gi_request.outcome_sub', '=', row.sub!));
  }
}

const zeroRow = (): Record<T3Column, number> => Object.fromEntries(T3_COLUMNS.map((c) => [c, 0])) as Record<T3Column, number>;

/** Counts table 3 with four GROUP BY queries over the requests in scope. */
export async function computeTable3(db: DbOrTx, s: ReportScope): Promise<Table3> {
  const t: Table3 = Object.fromEntries(T3_ROWS.map((r) => [r.key, zeroRow()]));
  const grouped = (kind: 'new' | 'carried_in' | 'carried_out') =>
    t3RowFilter(requestsOf(db, s), T3_ROWS.find((r) => r.kind === kind)!, s.year)
      .select(['gi_request.applicant_type', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('gi_request.applicant_type')
      .execute();
  const [newRows, inRows, outRows, outcomeRows] = await Promise.all([
    grouped('new'),
    grouped('carried_in'),
    grouped('carried_out'),
    t3RowFilter(requestsOf(db, s), T3_ROWS.find((r) => r.kind === 'total')!, s.year)
      .select(['gi_request.applicant_type', 'gi_request.outcome', 'gi_request.outcome_sub', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['gi_request.applicant_type', 'gi_request.outcome', 'gi_request.outcome_sub'])
      .execute(),
  ]);
  const add = (key: string, col: string, n: number) => {
    if (!t[key] || !(col in t[key])) return;
    t[key][col as T3Column] += Number(n);
  };
  for (const r of newRows) add('new', r.applicant_type, r.n);
  for (const r of inRows) add('carried_in', r.applicant_type, r.n);
  for (const r of outRows) add('carried_out', r.applicant_type, r.n);
  for (const r of outcomeRows) {
    const def = OUTCOMES[r.outcome as Outcome];
    if (!def) continue;
    add(def.subs.length ? `${r.outcome}.${r.outcome_sub}` : String(r.outcome), r.applicant_type, r.n);
  }
  // （七）总计 = 各办理结果之和；每行总计 = 各申请人类型之和
  for (const c of APPLICANT_TYPE_CODES) t.total[c] = T3_ROWS.filter((r) => r.kind === 'outcome').reduce((a, r) => a + t[r.key][c], 0);
  for (const r of T3_ROWS) t[r.key].total = APPLICANT_TYPE_CODES.reduce((a, c) => a + t[r.key][c], 0);
  return t;
}

/** Counts table 2 from the proactive ledger (items tagged with what they count for in table 2). */
export async function computeTable2(db: DbOrTx, s: ReportScope): Promise<Table2> {
  const items = db
    .selectFrom('gi_proactive_item')
    .where(scopeProactiveItems(s.actor))
    .where('gi_proactive_item.status', '!=', 'withdrawn')
    .where('gi_proactive_item.table2_kind', 'is not', null)
    .$if(!s.rollup, (qb) => qb.where('gi_proactive_item.unit_id', '=', s.unitId))
    .$if(s.rollup, (qb) => qb.where('gi_proactive_item.unit_id', 'in', db.selectFrom('org_unit').select('org_unit.id').where('org_unit.path', 'like', `${s.unitPath}%`)));
  const rows = await items
    .select([
      'gi_proactive_item.table2_kind',
      sql<number>`sum(case when formed_on >= ${yStart(s.year)} and formed_on <= ${yEnd(s.year)} then 1 else 0 end)`.as('in_year'),
      sql<number>`sum(case when formed_on <= ${yEnd(s.year)} then 1 else 0 end)`.as('to_date'),
      sql<number>`sum(case when formed_on >= ${yStart(s.year)} and formed_on <= ${yEnd(s.year)} then coalesce(table2_amount, 1) else 0 end)`.as('amount_in_year'),
    ])
    .groupBy('gi_proactive_item.table2_kind')
    .execute();
  const get = (kind: string, f: 'in_year' | 'to_date' | 'amount_in_year') => Number(rows.find((r) => r.table2_kind === kind)?.[f] ?? 0);
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return {
    rule: { issued: get('rule_issued', 'in_year'), repealed: get('rule_repealed', 'in_year'), valid: get('rule_issued', 'to_date') - get('rule_repealed', 'to_date') },
    normative: { issued: get('normative_issued', 'in_year'), repealed: get('normative_repealed', 'in_year'), valid: get('normative_issued', 'to_date') - get('normative_repealed', 'to_date') },
    license: { decisions: get('license', 'amount_in_year') },
    penalty: { decisions: get('penalty', 'amount_in_year') },
    coercion: { decisions: get('coercion', 'amount_in_year') },
    fee: { amount: round2(get('fee', 'amount_in_year')) },
  };
}

/** Counts table 4: cases filed in the year, by their result at year end (尚未审结 if not closed by then). */
export async function computeTable4(db: DbOrTx, s: ReportScope): Promise<Table4> {
  // 结果按年末状态：年末尚未审结（或结果为尚未审结）的计入“尚未审结”
  const cases = db
    .selectFrom('gi_review_case')
    .where(scopeReviewCases(s.actor))
    .$if(!s.rollup, (qb) => qb.where('gi_review_case.unit_id', '=', s.unitId))
    .$if(s.rollup, (qb) => qb.where('gi_review_case.unit_id', 'in', db.selectFrom('org_unit').select('org_unit.id').where('org_unit.path', 'like', `${s.unitPath}%`)))
    .where('filed_on', '>=', yStart(s.year))
    .where('filed_on', '<=', yEnd(s.year))
    .select(['kind', sql<string>`case when closed_on is null or closed_on > ${yEnd(s.year)} or result = 'pending' then 'pending' else result end`.as('res')]);
  const rows = await db
    .selectFrom(cases.as('c'))
    .select(['c.kind', 'c.res', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['c.kind', 'c.res'])
    .execute();
  const t = Object.fromEntries(T4_GROUPS.map((g) => [g.key, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }])) as Table4;
  for (const r of rows) if (t[r.kind] && r.res in t[r.kind]) t[r.kind][r.res as 'upheld'] += Number(r.n);
  for (const g of T4_GROUPS) t[g.key].total = t[g.key].upheld + t[g.key].corrected + t[g.key].other + t[g.key].pending;
  return t;
}

/**
 * The identities of the national format (domain-rules §2.4.6), checked on the numbers given — computed or
 * doctored. Per column: 一 + 二 = （七）总计 + 四; （七）总计 = the sum of the outcome rows; per row: 总计 = the
 * applicant columns; table 4: each 总计 = 维持 + 纠正 + 其他 + 尚未审结.
 */
export function checkGiIdentities(t3: Table3, t4: Table4): Identity[] {
  const out: Identity[] = [];
  const label = (c: T3Column) => (c === 'total' ? '总计' : ({ natural: '自然人', commercial: '商业企业', research: '科研机构', public_interest: '社会公益组织', legal_service: '法律服务机构', other_org: '其他' } as const)[c]);
  for (const c of T3_COLUMNS) {
    const left = t3.new[c] + t3.carried_in[c];
    const right = t3.total[c] + t3.carried_out[c];
    out.push({ id: `t3.balance.${c}`, description: `表三「${label(c)}」列：一 + 二 = （七）总计 + 四`, holds: left === right, left, right });
    const sum = T3_ROWS.filter((r) => r.kind === 'outcome').reduce((a, r) => a + t3[r.key][c], 0);
    out.push({ id: `t3.total.${c}`, description: `表三「${label(c)}」列：（七）总计 = （一）至（六）各项之和`, holds: t3.total[c] === sum, left: t3.total[c], right: sum });
  }
  for (const r of T3_ROWS) {
    const sum = APPLICANT_TYPE_CODES.reduce((a, c) => a + t3[r.key][c], 0);
    out.push({ id: `t3.row.${r.key}`, description: `表三「${r.label}」行：总计 = 各类申请人之和`, holds: t3[r.key].total === sum, left: t3[r.key].total, right: sum });
  }
  for (const g of T4_GROUPS) {
    const x = t4[g.key];
    const sum = x.upheld + x.corrected + x.other + x.pending;
    out.push({ id: `t4.${g.key}`, description: `表四「${g.label}」：总计 = 维持 + 纠正 + 其他 + 尚未审结`, holds: x.total === sum, left: x.total, right: sum });
  }
  return out;
}

/** All three tables and their identities. */
export async function computeGiTables(db: DbOrTx, s: ReportScope): Promise<GiTables> {
  const [table2, table3, table4] = await Promise.all([computeTable2(db, s), computeTable3(db, s), computeTable4(db, s)]);
  return { table2, table3, table4, identities: checkGiIdentities(table3, table4) };
}

/** The records behind one cell of table 3 (`row` a T3 row key, `col` an applicant type or `total`). */
export async function table3CellRecords(db: DbOrTx, s: ReportScope, rowKey: string, col: T3Column) {
  const row = T3_ROWS.find((r) => r.key === rowKey);
  if (!row) return null;
  return t3RowFilter(requestsOf(db, s), row, s.year)
    .$if(col !== 'total', (qb) => qb.where('gi_request.applicant_type', '=', col as ApplicantType))
    .$if(row.kind === 'total', (qb) => qb.where('gi_request.outcome', 'is not', null))
    .select(['gi_request.id', 'gi_request.tracking_code', 'gi_request.unit_id', 'gi_request.applicant_type', 'gi_request.received_on', 'gi_request.closed_on', 'gi_request.state', 'gi_request.outcome', 'gi_request.outcome_sub', 'gi_request.content'])
    .orderBy('gi_request.received_on')
    .limit(5000)
    .execute();
}

/** The national label map of table 3 (`{label: [7 numbers]}`), as `fazhi report gi --json` prints it. */
export function table3ByLabel(t3: Table3): Record<string, number[]> {
  return Object.fromEntries(T3_ROWS.map((r) => [r.label, T3_COLUMNS.map((c) => t3[r.key][c])]));
}
