/**
 * Tables written as lines of cells (joined by `|` or tabs — the way HTML and .docx tables are extracted and
 * pasted tables appear): rows named 合计/总计/小计 against the rows above, and columns named so against the
 * other columns of their row.
 */
import type { Operand, Relation } from './checker.types';

interface TCell {
  text: string;
  start: number;
  end: number;
  value: number | null;
  decimals: number;
}

type Row = TCell[];

const TOTAL_RE = /^(合计|总计|小计|总数|共计|总量)$|^(合\s*计|总\s*计)$/;
const SKIP_COLUMN_RE = /序号|编号|年份|年度|日期|时间|率|比例|占比|比重|%|％|同比|增长|排名|代码|电话/;

/** Numeric value of a cell: integers, decimals and thousands separators; percentages are not summed. */
function cellValue(s: string): { value: number | null; decimals: number } {
  const t = s.trim();
  const m = /^[-+]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return { value: null, decimals: 0 };
  return { value: Number(t.replace(/,/g, '')), decimals: m[2]?.length ?? 0 };
}

function splitRow(text: string, a: number, b: number): Row | null {
  const line = text.slice(a, b);
  const sep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : null;
  if (!sep) return null;
  const cells: Row = [];
  let s = 0;
  for (let k = 0; k <= line.length; k++) {
    if (k === line.length || line[k] === sep) {
      const raw = line.slice(s, k);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      const { value, decimals } = cellValue(body);
      cells.push({ text: body, start: a + s + lead, end: a + s + lead + body.length, value, decimals });
      s = k + 1;
    }
  }
  // "| a | b |": drop the empty cells outside the outer bars
  if (cells.length > 0 && cells[0]!.text === '' && line.trimStart().startsWith(sep)) cells.shift();
  if (cells.length > 0 && cells[cells.length - 1]!.text === '' && line.trimEnd().endsWith(sep)) cells.pop();
  return cells.length >= 2 ? cells : null;
}

/** Groups consecutive table lines into tables. */
function readTables(text: string): Row[][] {
  const tables: Row[][] = [];
  let current: Row[] = [];
  let a = 0;
  while (a <= text.length) {
    let b = text.indexOf('\n', a);
    if (b === -1) b = text.length;
    const row = b - a < 4000 ? splitRow(text, a, b) : null;
    if (row) current.push(row);
    else if (current.length > 0) {
      tables.push(current);
      current = [];
    }
    a = b + 1;
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

function op(c: TCell, role: Operand['role']): Operand {
  return { text: c.text, value: c.value ?? 0, start: c.start, end: c.end, role };
}

function tol(cells: TCell[]): number {
  return cells.reduce((s, c) => s + (c.decimals > 0 ? 0.5 * 10 ** -c.decimals : 0), 0);
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
}

/**
 * Checks 合计/总计 rows and columns of the tables in `text`. Tables holding the GI format's labels are left
 * to the GI reader.
 */
export function checkTables(text: string, skip: (row: Row) => boolean = () => false): Relation[] {
  const out: Relation[] = [];
  for (const table of readTables(text)) {
    // A table of thousands of rows is data, not a report table; leave it unchecked rather than slow.
    if (table.length > 2000 || table.some(skip)) continue;
    checkTotalRows(table, out);
    checkTotalColumns(table, out);
  }
  return out;
}

/** True when a row holds a label of the GI report tables (handled by the GI reader). */
export function isGiRow(row: Row): boolean {
  return row.some((c) => /本年新收|上年结转|结转下年度|三安全一稳定|复议后起诉|未经复议直接起诉|现行有效件数/.test(c.text));
}

function checkTotalRows(table: Row[], out: Relation[]): void {
  let blockStart = 0;
  for (let r = 0; r < table.length; r++) {
    const row = table[r]!;
    const labelCell = row.find((c) => c.text !== '');
    if (!labelCell || !TOTAL_RE.test(labelCell.text.replace(/\s/g, ''))) continue;
    const isSubtotal = labelCell.text.includes('小计');
    const above = table.slice(blockStart, r).filter((x) => {
      const l = x.find((c) => c.text !== '')?.text.replace(/\s/g, '') ?? '';
      return isSubtotal || !/小计/.test(l);
    });
    for (let col = 0; col < row.length; col++) {
      const cell = row[col]!;
      if (cell.value === null || cell === labelCell) continue;
      const header = table[0]?.[col]?.text ?? '';
      if (SKIP_COLUMN_RE.test(header)) continue;
      const parts = above.map((x) => x[col]).filter((c): c is TCell => c !== undefined && c.value !== null);
      if (parts.length < 2) continue;
      const sum = parts.reduce((s, c) => s + c.value!, 0);
      const ok = Math.abs(sum - cell.value) <= tol([cell, ...parts]) + 1e-9;
      const colName = header ? `“${header}”列` : `第${col + 1}列`;
      out.push({
        type: 'table',
        verdict: ok ? 'holds' : 'error',
        stated: op(cell, 'total'),
        operands: parts.map((c) => op(c, 'part')),
        computed: sum,
        message: ok
          ? `表格${colName}${labelCell.text}${cell.text}与上方各行之和相符`
          : `表格${colName}${labelCell.text}为${cell.text}，而上方各行之和为${fmt(sum)}`,
        rule: 'table.total',
        start: Math.min(cell.start, ...parts.map((c) => c.start)),
        end: cell.end,
      });
    }
    if (!isSubtotal) blockStart = r + 1;
  }
}

function checkTotalColumns(table: Row[], out: Relation[]): void {
  const header = table[0];
  if (!header) return;
  for (let col = 0; col < header.length; col++) {
    if (!TOTAL_RE.test(header[col]!.text.replace(/\s/g, ''))) continue;
    const others = header
      .map((h, k) => ({ h, k }))
      .filter(({ h, k }) => k !== col && !TOTAL_RE.test(h.text.replace(/\s/g, '')) && !SKIP_COLUMN_RE.test(h.text));
    for (let r = 1; r < table.length; r++) {
      const row = table[r]!;
      if (row.length !== header.length) continue;
      const cell = row[col]!;
      if (cell.value === null) continue;
      const parts = others.map(({ k }) => row[k]!).filter((c) => c.value !== null);
      if (parts.length < 2) continue;
      const sum = parts.reduce((s, c) => s + c.value!, 0);
      const ok = Math.abs(sum - cell.value) <= tol([cell, ...parts]) + 1e-9;
      const rowName = row.find((c) => c.value === null && c.text !== '')?.text ?? `第${r + 1}行`;
      out.push({
        type: 'table',
        verdict: ok ? 'holds' : 'error',
        stated: op(cell, 'total'),
        operands: parts.map((c) => op(c, 'part')),
        computed: sum,
        message: ok
          ? `表格“${rowName}”行${header[col]!.text}${cell.text}与各列之和相符`
          : `表格“${rowName}”行${header[col]!.text}为${cell.text}，而其余各列之和为${fmt(sum)}`,
        rule: 'table.total',
        start: Math.min(cell.start, ...parts.map((c) => c.start)),
        end: Math.max(cell.end, ...parts.map((c) => c.end)),
      });
    }
  }
}
