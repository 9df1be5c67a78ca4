/**
 * Tables of a 政府信息公开工作年度报告 and their identities (domain-rules 2.4.6). The rows are found by their
 * printed labels, in order, so the reader works whatever the layout: cells joined by `|` or tabs (HTML, .docx),
 * one cell per line (text copied from a web page), or spaces.
 */
import { evaluateGiIdentities, giIdentityDefs, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, type GiCellRef, type GiIdentityValue } from '../../shared/gi-format';
import { GI_FORMAT_2021, type GiFormat, type GiRowDef } from './checker.gi-format';
import type { Operand, Relation } from './checker.types';

/** A numeric cell of a table, with its offsets in the text. */
export interface Cell {
  value: number;
  text: string;
  start: number;
  end: number;
}

export interface GiTable3 {
  /** Cells of each data row by row key of src/shared/gi-format.ts (7 columns when the row was read completely). */
  rows: Map<string, Cell[]>;
  /** Data rows whose cell count was not 7. */
  unreadRows: string[];
  /** 2019 trial format: （六）其他处理 is one row. */
  trialFormat: boolean;
  start: number;
  end: number;
}

export interface GiTable2Row {
  id: 'rules' | 'normative';
  label: string;
  issued: Cell;
  abolished: Cell;
  inForce: Cell;
}

export interface GiTables {
  table2: GiTable2Row[] | null;
  table3: GiTable3 | null;
  table4: Cell[] | null;
}

/** Distinctive labels of tables 3 and 4; three or more in a text make it a GI report. */
const GI_MARKERS = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理', '三安全一稳定', '本机关不掌握相关政府信息', '未经复议直接起诉', '复议后起诉'];

/** Counts the distinctive GI table labels present in `text`. */
export function countGiLabels(text: string): number {
  let n = 0;
  for (const m of GI_MARKERS) if (text.includes(m)) n++;
  return n;
}

/** Text with whitespace, quotes and table bars removed, with a map back to the original offsets. */
interface Normalized {
  norm: string;
  map: number[];
}

function normalize(text: string, a: number, b: number): Normalized {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = a; i < b; i++) {
    const ch = text[i]!;
    if (/[\s|“”"'‘’「」　]/.test(ch)) continue;
    chars.push(ch);
    map.push(i);
  }
  return { norm: chars.join(''), map };
}

function findKey(n: Normalized, keys: string[], from: number, to: number): { s: number; e: number } | null {
  let bestHit: { s: number; e: number } | null = null;
  for (const key of keys) {
    const j = n.norm.indexOf(key, from);
    if (j === -1 || j + key.length > to) continue;
    if (!bestHit || j < bestHit.s) bestHit = { s: j, e: j + key.length };
  }
  return bestHit;
}

/** Integers and decimals in text[a, b), skipping list markers (`1.`, `2、`). */
function numbersIn(text: string, a: number, b: number): Cell[] {
  const out: Cell[] = [];
  const seg = text.slice(a, b);
  const re = /\d+(?:\.\d+)?/g;
  for (let m = re.exec(seg); m !== null; m = re.exec(seg)) {
    const after = seg[m.index + m[0].length];
    if ((after === '.' || after === '．' || after === '、') && !/\d/.test(seg[m.index + m[0].length + 1] ?? '')) continue;
    const before = seg[m.index - 1];
    if (before !== undefined && /[A-Za-z第〔]/.test(before)) continue;
    if (after !== undefined && /[年月日号%％]/.test(after)) continue;
    out.push({ value: Number(m[0]), text: m[0], start: a + m.index, end: a + m.index + m[0].length });
  }
  return out;
}

/** Reads tables 2, 3 and 4 of a GI report; a table that cannot be found is null. */
export function readGiTables(text: string, format: GiFormat = GI_FORMAT_2021): GiTables {
  const table3 = readTable3(text, format);
  const table4 = readTable4(text, format, table3?.end ?? 0);
  const table2 = readTable2(text, table3?.start ?? text.length);
  return { table2, table3, table4 };
}

function readTable3(text: string, format: GiFormat): GiTable3 | null {
  const startKey = text.indexOf('本年新收');
  if (startKey === -1) return null;
  const regionStart = Math.max(0, startKey - 4);
  const endKey = text.indexOf('结转下年度', startKey);
  const regionEnd = Math.min(text.length, endKey === -1 ? startKey + 4000 : endKey + 200);
  const n = normalize(text, regionStart, regionEnd);
  // 1. Locate the rows in order.
  const located: Array<{ def: GiRowDef; s: number; e: number }> = [];
  let pos = 0;
  const rows = format.table3Rows;
  const noCorrection = rows.findIndex((r) => r.id === 'other.1');
  const totalIdx = rows.findIndex((r) => r.id === 'total');
  let trialFormat = false;
  for (let k = 0; k < rows.length; k++) {
    const def = rows[k]!;
    if (trialFormat && def.id.startsWith('other.')) continue;
    const hit = findKey(n, def.keys, pos, n.norm.length);
    if (!hit) {
      if (k === noCorrection) trialFormat = true;
      continue;
    }
    if (k === noCorrection) {
      // 2019 trial format: no sub-rows under （六）其他处理 — the sub-row key would be found past 总计.
      const total = findKey(n, rows[totalIdx]!.keys, pos, n.norm.length);
      if (total && total.s < hit.s) {
        trialFormat = true;
        continue;
      }
    }
    located.push({ def, s: hit.s, e: hit.e });
    pos = hit.e;
  }
  if (located.length < 4) return null;
  // 2. Cells of each data row: the numbers between its label and the next label.
  const cells = new Map<string, Cell[]>();
  const unread: string[] = [];
  for (let k = 0; k < located.length; k++) {
    const { def, e } = located[k]!;
    const isDataRow = !def.header || (trialFormat && def.id === 'other');
    if (!isDataRow) continue;
    const a = n.map[e - 1]! + 1;
    const b = k + 1 < located.length ? n.map[located[k + 1]!.s]! : nextLineEnd(text, a, regionEnd);
    const nums = numbersIn(text, a, b);
    if (nums.length === 7) cells.set(def.id, nums);
    else unread.push(def.id);
  }
  const last = located[located.length - 1]!;
  return {
    rows: cells,
    unreadRows: unread,
    trialFormat,
    start: regionStart,
    end: Math.min(text.length, nextLineEnd(text, n.map[last.e - 1]! + 1, regionEnd)),
  };
}

/** End of the numbers that follow the last row label: the end of its line, or of the next line when the
 * label stands alone on its line (one cell per line). */
function nextLineEnd(text: string, a: number, limit: number): number {
  let e = text.indexOf('\n', a);
  if (e === -1) return Math.min(limit, text.length);
  if (/^\s*$/.test(text.slice(a, e))) {
    // cells on the following lines: take up to 7 short lines
    let k = e;
    for (let lines = 0; lines < 7 && k !== -1 && k < limit; lines++) {
      const next = text.indexOf('\n', k + 1);
      const line = text.slice(k + 1, next === -1 ? limit : next).trim();
      if (!/^[\d.\s|]*$/.test(line)) break;
      k = next === -1 ? limit : next;
    }
    return Math.min(k, limit);
  }
  return Math.min(e, limit);
}

function readTable4(text: string, format: GiFormat, from: number): Cell[] | null {
  const a = text.indexOf('复议后起诉', from);
  if (a === -1) return null;
  const limit = Math.min(text.length, a + 3000);
  const n = normalize(text, a, limit);
  // Data begins after the last header label that precedes the first number run.
  let pos = 0;
  for (;;) {
    const hit = findKey(n, format.table4HeaderKeys, pos, Math.min(n.norm.length, pos + 40));
    if (!hit) break;
    pos = hit.e;
  }
  const dataStart = pos === 0 ? a : n.map[pos - 1]! + 1;
  const sectionEnd = findNextSection(text, dataStart, limit);
  const nums = numbersIn(text, dataStart, sectionEnd);
  if (nums.length < 15) return null;
  return nums.slice(0, 15);
}

function findNextSection(text: string, from: number, limit: number): number {
  const re = /[五六七八]、|存在的主要问题/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < limit ? m.index : limit;
}

function readTable2(text: string, table3Start: number): GiTable2Row[] | null {
  const header = text.lastIndexOf('现行有效件数', table3Start);
  if (header === -1) return null;
  const out: GiTable2Row[] = [];
  const region = normalize(text, header, Math.min(table3Start, header + 1500));
  const defs: Array<{ id: 'rules' | 'normative'; label: string; key: string }> = [
    { id: 'rules', label: '规章', key: '规章' },
    { id: 'normative', label: '行政规范性文件', key: '规范性文件' },
  ];
  let pos = 0;
  const hits: Array<{ def: (typeof defs)[number]; s: number; e: number }> = [];
  for (const def of defs) {
    const j = region.norm.indexOf(def.key, pos);
    if (j === -1) continue;
    hits.push({ def, s: j, e: j + def.key.length });
    pos = j + def.key.length;
  }
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const a = region.map[h.e - 1]! + 1;
    const b = k + 1 < hits.length ? region.map[hits[k + 1]!.s]! : Math.min(table3Start, a + 200);
    const nums = numbersIn(text, a, b).slice(0, 3);
    if (nums.length === 3) {
      out.push({ id: h.def.id, label: h.def.label, issued: nums[0]!, abolished: nums[1]!, inForce: nums[2]! });
    }
  }
  return out.length > 0 ? out : null;
}

function cellOp(c: Cell, role: Operand['role']): Operand {
  return { text: c.text, value: c.value, start: c.start, end: c.end, role };
}

function relation(rule: string, stated: Cell, parts: Cell[], sum: number, ok: boolean, message: string): Relation {
  const ops = parts.map((c) => cellOp(c, 'part'));
  return {
    type: 'gi-table',
    verdict: ok ? 'holds' : 'error',
    stated: cellOp(stated, 'total'),
    operands: ops,
    computed: sum,
    message,
    rule,
    start: Math.min(stated.start, ...parts.map((c) => c.start)),
    end: Math.max(stated.end, ...parts.map((c) => c.end)),
  };
}

/**
 * Checks the identities of tables 3 and 4 (domain-rules 2.4.6), as src/shared/gi-format.ts declares them, on the
 * cells read: per column 一 + 二 = （七）总计 + 四; per column （七）总计 = the sum of all outcome rows; per row 总计 =
 * 自然人 + the five 法人或其他组织 columns; in table 4 each 总计 = 维持 + 纠正 + 其他 + 尚未审结. An identity with a
 * cell that was not read is not checked.
 */
export function checkGiTables(tables: GiTables, format: GiFormat = GI_FORMAT_2021): Relation[] {
  const t3 = tables.table3;
  const t4 = tables.table4;
  const cellOf = (ref: GiCellRef): Cell | undefined => {
    if (ref.table === 3) return t3?.rows.get(ref.row)?.[T3_COLUMNS.indexOf(ref.col as (typeof T3_COLUMNS)[number])];
    const g = T4_GROUPS.findIndex((x) => x.key === ref.row);
    return t4?.[g * T4_COLUMNS.length + T4_COLUMNS.indexOf(ref.col as (typeof T4_COLUMNS)[number])];
  };
  const values = evaluateGiIdentities((ref) => cellOf(ref)?.value, giIdentityDefs({ trialFormat: t3?.trialFormat }));
  const cols = format.table3Columns;
  const label = (id: string) => format.table3Rows.find((r) => r.id === id)?.label ?? id;
  const col = (v: GiIdentityValue) => cols[T3_COLUMNS.indexOf(v.def.left[0]!.col as (typeof T3_COLUMNS)[number])];
  const out: Relation[] = [];
  const of = (kind: GiIdentityValue['def']['kind']) => values.filter((v) => v.def.kind === kind);
  // 一 + 二 = （七）总计 + 四: the claim is （七）总计, checked against 一, 二 and 四.
  for (const v of of('t3.balance')) {
    const [nw, carried] = v.def.left.map((r) => cellOf(r)!);
    const [total, next] = v.def.right.map((r) => cellOf(r)!);
    const c = col(v);
    out.push(
      relation('gi.table3.balance', total!, [nw!, carried!, next!], v.left, v.holds,
        v.holds
          ? `表三“${c}”列：本年新收${nw!.value}+上年结转${carried!.value}=${v.left}，与办理结果总计${total!.value}+结转下年度${next!.value}相符`
          : `表三“${c}”列：本年新收${nw!.value}+上年结转${carried!.value}=${v.left}，而办理结果总计${total!.value}+结转下年度继续办理${next!.value}=${v.right}，不符合表中注明的勾稽关系`),
    );
  }
  // Totals: the claim is the total on the left, checked against the sum of the cells on the right.
  for (const v of of('t3.total')) {
    const total = cellOf(v.def.left[0]!)!;
    out.push(
      relation('gi.table3.total', total, v.def.right.map((r) => cellOf(r)!), v.right, v.holds,
        v.holds
          ? `表三“${col(v)}”列：（七）总计${total.value}与各办理结果之和相符`
          : `表三“${col(v)}”列：（七）总计${total.value}，而（一）至（六）各项办理结果之和为${v.right}`),
    );
  }
  for (const v of of('t3.row')) {
    const total = cellOf(v.def.left[0]!)!;
    const row = label(v.def.left[0]!.row);
    out.push(
      relation('gi.table3.row-total', total, v.def.right.map((r) => cellOf(r)!), v.right, v.holds,
        v.holds
          ? `表三“${row}”行：总计${total.value}与自然人及法人或其他组织各列之和相符`
          : `表三“${row}”行：总计${total.value}，而自然人与法人或其他组织各列之和为${v.right}`),
    );
  }
  for (const v of of('t4.total')) {
    const total = cellOf(v.def.left[0]!)!;
    const group = T4_GROUPS.find((g) => g.key === v.def.left[0]!.row)!.label;
    out.push(
      relation('gi.table4.total', total, v.def.right.map((r) => cellOf(r)!), v.right, v.holds,
        v.holds
          ? `表四“${group}”：总计${total.value}与维持、纠正、其他结果、尚未审结之和相符`
          : `表四“${group}”：总计${total.value}，而结果维持、结果纠正、其他结果、尚未审结之和为${v.right}`),
    );
  }
  return out;
}

/**
 * With last year's tables: 现行有效件数(本年) = 上年现行有效 + 本年制发 − 本年废止 (house-style C.2). A mismatch
 * is a warning, since a cleanup (清理) may change the count outside 制发 and 废止.
 */
export function checkGiCarryOver(current: GiTables, previous: GiTables): Relation[] {
  const out: Relation[] = [];
  if (!current.table2 || !previous.table2) return out;
  for (const row of current.table2) {
    const prev = previous.table2.find((r) => r.id === row.id);
    if (!prev) continue;
    const expected = prev.inForce.value + row.issued.value - row.abolished.value;
    const ok = expected === row.inForce.value;
    out.push({
      type: 'gi-table',
      verdict: ok ? 'holds' : 'warning',
      stated: cellOp(row.inForce, 'total'),
      operands: [cellOp(row.issued, 'part'), cellOp(row.abolished, 'part')],
      computed: expected,
      message: ok
        ? `表二“${row.label}”现行有效件数${row.inForce.value}与上年${prev.inForce.value}+本年制发${row.issued.value}−本年废止${row.abolished.value}相符`
        : `表二“${row.label}”现行有效件数${row.inForce.value}，按上年现行有效${prev.inForce.value}+本年制发${row.issued.value}−本年废止${row.abolished.value}应为${expected}`,
      rule: 'gi.table2.carry-over',
      start: row.issued.start,
      end: row.inForce.end,
    });
  }
  return out;
}
