/**
 * The national format of the tables of the 政府信息公开工作年度报告 — 《中华人民共和国政府信息公开工作年度报告格式》,
 * 国办公开办函〔2021〕30号 (domain-rules §2.4.6–2.4.7): the rows and columns of tables 2, 3 and 4, the printed lines
 * of table 3 with its headings, and the identities the format states, checked on plain numbers.
 *
 * One definition for the report counted from the records (src/modules/disclosure/report.tables.ts), for the
 * checker that reads a report's text (src/modules/checker/checker.gi.ts) and for the browser. Pure data and
 * arithmetic: it imports only the 字典 (./disclosure), so the checker stays database-free.
 */
import { APPLICANT_TYPE_CODES, APPLICANT_TYPES, OUTCOMES, REVIEW_KINDS, REVIEW_RESULTS, type Outcome, type ReviewKind } from './disclosure';

export const GI_FORMAT_ID = 'gi-2021';
export const GI_FORMAT_TITLE = '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）';

// —— 表二 主动公开政府信息情况 ——

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

// —— 表三 收到和处理政府信息公开申请情况 ——

/** Columns of table 3: the six applicant types and 总计. */
export const T3_COLUMNS = [...APPLICANT_TYPE_CODES, 'total'] as const;
export type T3Column = (typeof T3_COLUMNS)[number];
/** The printed header of a table-3 column: 自然人, 商业企业 … 其他, 总计. */
export const t3ColumnLabel = (c: T3Column): string => (c === 'total' ? '总计' : APPLICANT_TYPES[c]);

export interface T3Row {
  key: string;
  /** The national label; numbered sub-rows carry their group, e.g. （三）1.属于国家秘密. */
  label: string;
  kind: 'new' | 'carried_in' | 'outcome' | 'total' | 'carried_out';
  outcome?: Outcome;
  sub?: number;
}

/** The data rows of table 3, in the national order (keys: new, carried_in, disclosed, partial, denied.1 … other.3, total, carried_out). */
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

export const T3_OUTCOMES_HEADING = '三、本年度办理结果';

/** A line of table 3 as printed, headings included. */
export interface T3Line {
  /** The T3_ROWS key of a data line; for a heading `results` (三、本年度办理结果) or the outcome code (denied, unable, not_processed, other). */
  key: string;
  /** The line's text as printed in the table: numbered sub-rows without their group (1.属于国家秘密), quotes as printed (“三安全一稳定”). */
  text: string;
  /** A heading line, without cells. */
  heading: boolean;
  /** The data row of a data line. */
  row?: T3Row;
}

/** The 字典 writes the quotes of “三安全一稳定” straight; the printed format has Chinese quotes. */
const printed = (s: string) => s.replace(/"([^"]*)"/g, '“$1”');

/** Every line of table 3 in the printed order: 一, 二, the heading 三 with its outcome groups and their sub-rows, （七）总计, 四. */
export const T3_LINES: T3Line[] = [
  ...T3_ROWS.filter((r) => r.kind === 'new' || r.kind === 'carried_in').map((row) => ({ key: row.key, text: row.label, heading: false, row })),
  { key: 'results', text: T3_OUTCOMES_HEADING, heading: true },
  ...(Object.keys(OUTCOMES) as Outcome[]).flatMap((o): T3Line[] => {
    const rows = T3_ROWS.filter((r) => r.outcome === o);
    if (OUTCOMES[o].subs.length === 0) return rows.map((row) => ({ key: row.key, text: row.label, heading: false, row }));
    return [{ key: o, text: OUTCOMES[o].label, heading: true }, ...rows.map((row) => ({ key: row.key, text: printed(OUTCOMES[o].subs[row.sub! - 1]!), heading: false, row }))];
  }),
  ...T3_ROWS.filter((r) => r.kind === 'total' || r.kind === 'carried_out').map((row) => ({ key: row.key, text: row.label, heading: false, row })),
];

// —— 表四 政府信息公开行政复议、行政诉讼情况 ——

export const T4_GROUPS = (Object.keys(REVIEW_KINDS) as ReviewKind[]).map((key) => ({ key, label: REVIEW_KINDS[key] }));
export const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type T4Column = (typeof T4_COLUMNS)[number];
export const T4_COLUMN_LABELS = { ...REVIEW_RESULTS, total: '总计' } as const;
export type Table4 = Record<string, Record<T4Column, number>>;

// —— 勾稽关系 ——

/** A cell of table 3 (row key of T3_ROWS, column of T3_COLUMNS) or table 4 (group key, column of T4_COLUMNS). */
export interface GiCellRef {
  table: 3 | 4;
  row: string;
  col: string;
}

export type GiIdentityKind =
  /** 一 + 二 = （七）总计 + 四, per column of table 3. */
  | 't3.balance'
  /** （七）总计 = （一）至（六）各项之和, per column of table 3. */
  | 't3.total'
  /** 总计 = 各类申请人之和, per row of table 3. */
  | 't3.row'
  /** 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group of table 4. */
  | 't4.total';

/** One identity of the format: the sum of the `left` cells equals the sum of the `right` cells. */
export interface GiIdentityDef {
  id: string;
  kind: GiIdentityKind;
  description: string;
  left: GiCellRef[];
  right: GiCellRef[];
}

/** An identity checked on numbers. */
export interface Identity {
  id: string;
  description: string;
  holds: boolean;
  left: number;
  right: number;
}

/**
 * The identities of the format (domain-rules §2.4.6): per column of table 3 一 + 二 = （七）总计 + 四 and （七）总计 =
 * the sum of the outcome rows; per row of table 3 总计 = the applicant columns; per group of table 4 总计 = 维持 + 纠正
 * + 其他 + 尚未审结. `trialFormat`: the 2019 trial format, whose （六）其他处理 is one row (key `other`) without
 * sub-rows.
 */
export function giIdentityDefs(opts: { trialFormat?: boolean } = {}): GiIdentityDef[] {
  const rows: Array<{ key: string; label: string; kind: T3Row['kind'] }> = opts.trialFormat
    ? T3_ROWS.flatMap((r) => (r.outcome !== 'other' ? [r] : r.sub === 1 ? [{ key: 'other', label: OUTCOMES.other.label, kind: 'outcome' as const }] : []))
    : T3_ROWS;
  const t3 = (row: string, col: string): GiCellRef => ({ table: 3, row, col });
  const t4 = (row: string, col: string): GiCellRef => ({ table: 4, row, col });
  const outcomeKeys = rows.filter((r) => r.kind === 'outcome').map((r) => r.key);
  const out: GiIdentityDef[] = [];
  for (const c of T3_COLUMNS) {
    out.push({ id: `t3.balance.${c}`, kind: 't3.balance', description: `表三「${t3ColumnLabel(c)}」列：一 + 二 = （七）总计 + 四`, left: [t3('new', c), t3('carried_in', c)], right: [t3('total', c), t3('carried_out', c)] });
    out.push({ id: `t3.total.${c}`, kind: 't3.total', description: `表三「${t3ColumnLabel(c)}」列：（七）总计 = （一）至（六）各项之和`, left: [t3('total', c)], right: outcomeKeys.map((k) => t3(k, c)) });
  }
  for (const r of rows) {
    out.push({ id: `t3.row.${r.key}`, kind: 't3.row', description: `表三「${r.label}」行：总计 = 各类申请人之和`, left: [t3(r.key, 'total')], right: APPLICANT_TYPE_CODES.map((c) => t3(r.key, c)) });
  }
  for (const g of T4_GROUPS) {
    out.push({ id: `t4.${g.key}`, kind: 't4.total', description: `表四「${g.label}」：总计 = 维持 + 纠正 + 其他 + 尚未审结`, left: [t4(g.key, 'total')], right: T4_COLUMNS.filter((c) => c !== 'total').map((c) => t4(g.key, c)) });
  }
  return out;
}

/** The identities of the 2021 format. */
export const GI_IDENTITIES: readonly GiIdentityDef[] = giIdentityDefs();

/** An identity evaluated on the numbers of its cells. */
export interface GiIdentityValue {
  def: GiIdentityDef;
  left: number;
  right: number;
  holds: boolean;
}

/**
 * Evaluates the identities on numbers: `value` gives a cell's number, or undefined when the cell is unknown (a
 * row that could not be read); an identity with an unknown cell is skipped.
 */
export function evaluateGiIdentities(value: (cell: GiCellRef) => number | undefined, defs: readonly GiIdentityDef[] = GI_IDENTITIES): GiIdentityValue[] {
  const out: GiIdentityValue[] = [];
  const sum = (cells: GiCellRef[]): number | undefined => {
    let s = 0;
    for (const c of cells) {
      const v = value(c);
      if (v === undefined) return undefined;
      s += v;
    }
    return s;
  };
  for (const def of defs) {
    const left = sum(def.left);
    const right = sum(def.right);
    if (left === undefined || right === undefined) continue;
    out.push({ def, left, right, holds: left === right });
  }
  return out;
}

/** The identities of the format checked on whole tables 3 and 4 — computed or doctored. */
export function checkGiIdentities(t3: Table3, t4: Table4): Identity[] {
  const value = (c: GiCellRef) => (c.table === 3 ? t3[c.row]?.[c.col as T3Column] : t4[c.row]?.[c.col as T4Column]);
  return evaluateGiIdentities(value).map((v) => ({ id: v.def.id, description: v.def.description, holds: v.holds, left: v.left, right: v.right }));
}

/** The note printed in the top-left cell of table 3 (domain-rules §2.4.6). */
export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
