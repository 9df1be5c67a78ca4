/**
 * Tables 2, 3 and 4 of the 政府信息公开工作年度报告 in the 2021 national format (国办公开办函〔2021〕30号,
 * domain-rules §2.4.6), counted from the records. Every cell is a named, scoped query (`cellQuery`), so a
 * figure can always be opened to the records behind it; the identities of the format are declared once
 * (`checkGiIdentities`) and checked on whatever numbers a table holds, so a broken one shows.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../core/context';
import type { DbOrTx } from '../../core/db/database';
import type { DB } from '../../core/db/schema';
import { APPLICANT_TYPE_CODES, OUTCOMES, type ApplicantType, type Outcome } from '../../shared/disclosure';
import { checkGiIdentities, T3_COLUMNS, T3_ROWS, T4_GROUPS, type Identity, type T3Column, type T3Row, type Table2, type Table3, type Table4 } from '../../shared/gi-format';
import { scopeProactiveItems, scopeRequests, scopeReviewCases } from './disclosure.repo';

// The national format (rows, columns, groups, identities) is defined once in src/shared/gi-format.ts.
export { checkGiIdentities, T2_COLUMN_LABELS, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMN_LABELS, T4_COLUMNS, T4_GROUPS } from '../../shared/gi-format';
export type { Identity, T3Column, T3Row, Table2, Table3, Table4 } from '../../shared/gi-format';

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

/** The report's units: the unit itself, or (roll-up) every unit whose path starts with its path. */
function reportUnits(col: string, db: DbOrTx, s: ReportScope): Expression<SqlBool> {
  const ref = sql.ref(col);
  return s.rollup
    ? sql<SqlBool>`${ref} in (${db.selectFrom('org_unit').select('org_unit.id').where('org_unit.path', 'like', `${s.unitPath}%`)})`
    : sql<SqlBool>`${ref} = ${s.unitId}`;
}

const yStart = (y: number) => `${y}-01-01`;
const yEnd = (y: number) => `${y}-12-31`;

/** The requests of the report's units in the actor's scope. */
function requestsOf(db: DbOrTx, s: ReportScope) {
  return db
    .selectFrom('gi_request')
    .where(scopeRequests(s.actor))
    .where(reportUnits('gi_request.unit_id', db, s));
}

/**
 * The definition of each table-3 row as a condition on a request (received_on, closed_on and outcome are the
 * request's projection, derived from its events): 一 received in the year; 二 received before it and still open on
 * 1 January; 三 answered in the year, by outcome; 四 received by 31 December and still open then. The same
 * condition counts the cell and lists its records.
 */
function rowCondition(eb: ExpressionBuilder<DB, 'gi_request'>, row: T3Row, y: number): Expression<SqlBool> {
  const closedInYear = eb.and([eb('gi_request.closed_on', '>=', yStart(y)), eb('gi_request.closed_on', '<=', yEnd(y))]);
  switch (row.kind) {
    case 'new':
      return eb.and([eb('gi_request.received_on', '>=', yStart(y)), eb('gi_request.received_on', '<=', yEnd(y))]);
    case 'carried_in':
      return eb.and([eb('gi_request.received_on', '<', yStart(y)), eb.or([eb('gi_request.closed_on', 'is', null), eb('gi_request.closed_on', '>=', yStart(y))])]);
    case 'carried_out':
      return eb.and([eb('gi_request.received_on', '<=', yEnd(y)), eb.or([eb('gi_request.closed_on', 'is', null), eb('gi_request.closed_on', '>', yEnd(y))])]);
    case 'total':
      return closedInYear;
    case 'outcome':
      return eb.and([closedInYear, eb('gi_request.outcome', '=', row.outcome!), ...(row.sub !== undefined ? [eb('gi_request.outcome_sub', '=', row.sub)] : [])]);
  }
}

const zeroRow = (): Record<T3Column, number> => Object.fromEntries(T3_COLUMNS.map((c) => [c, 0])) as Record<T3Column, number>;
const rowOf = (kind: T3Row['kind']) => T3_ROWS.find((r) => r.kind === kind)!;

/**
 * Counts table 3 in one pass: one GROUP BY (applicant type, outcome) with a conditional sum per row kind, each
 * sum using `rowCondition`. Outcome rows are the "answered in the year" sums of their (outcome, sub-item) group.
 */
export async function computeTable3(db: DbOrTx, s: ReportScope): Promise<Table3> {
  const t: Table3 = Object.fromEntries(T3_ROWS.map((r) => [r.key, zeroRow()]));
  const count = (eb: ExpressionBuilder<DB, 'gi_request'>, kind: T3Row['kind']) => eb.fn.sum<number>(eb.case().when(rowCondition(eb, rowOf(kind), s.year)).then(1).else(0).end());
  // 只读与本年度有关的申请：四类行条件的并集（本年收到的一律读入，记录自相矛盾时勾稽关系才会暴露）
  const rows = await requestsOf(db, s)
    .where('gi_request.received_on', '<=', yEnd(s.year))
    .where((eb) => eb.or([eb('gi_request.closed_on', 'is', null), eb('gi_request.closed_on', '>=', yStart(s.year)), eb('gi_request.received_on', '>=', yStart(s.year))]))
    .select((eb) => [
      'gi_request.applicant_type',
      'gi_request.outcome',
      'gi_request.outcome_sub',
      count(eb, 'new').as('n_new'),
      count(eb, 'carried_in').as('n_in'),
      count(eb, 'carried_out').as('n_out'),
      count(eb, 'total').as('n_closed'),
    ])
    .groupBy(['gi_request.applicant_type', 'gi_request.outcome', 'gi_request.outcome_sub'])
    .execute();
  const add = (key: string, col: string, n: unknown) => {
    if (!t[key] || !(col in t[key])) return;
    t[key][col as T3Column] += Number(n ?? 0);
  };
  for (const r of rows) {
    add('new', r.applicant_type, r.n_new);
    add('carried_in', r.applicant_type, r.n_in);
    add('carried_out', r.applicant_type, r.n_out);
    const def = r.outcome ? OUTCOMES[r.outcome as Outcome] : undefined;
    if (def && Number(r.n_closed) > 0) add(def.subs.length ? `${r.outcome}.${r.outcome_sub}` : String(r.outcome), r.applicant_type, r.n_closed);
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
    .where(reportUnits('gi_proactive_item.unit_id', db, s));
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
    .where(reportUnits('gi_review_case.unit_id', db, s))
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

/** All three tables and their identities. */
export async function computeGiTables(db: DbOrTx, s: ReportScope): Promise<GiTables> {
  const [table2, table3, table4] = await Promise.all([computeTable2(db, s), computeTable3(db, s), computeTable4(db, s)]);
  return { table2, table3, table4, identities: checkGiIdentities(table3, table4) };
}

/** The records behind one cell of table 3 (`row` a T3 row key, `col` an applicant type or `total`). */
export async function table3CellRecords(db: DbOrTx, s: ReportScope, rowKey: string, col: T3Column) {
  const row = T3_ROWS.find((r) => r.key === rowKey);
  if (!row) return null;
  return requestsOf(db, s)
    .where((eb) => rowCondition(eb, row, s.year))
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
