/**
 * Shared Excel export: every ledger's "导出" goes through `toXlsx`, which writes a header row, column widths,
 * a frozen header and an auto-filter, and `sendXlsx`, which sends it with a Chinese file name.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

/** Builds a one-sheet workbook. */
export async function toXlsx<T>(sheetName: string, columns: XlsxColumn<T>[], rows: Iterable<T>, title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  let headerRow = 1;
  if (title) {
    ws.addRow([title]).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, Math.max(1, columns.length));
    headerRow = 2;
  }
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 2)));
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r) ?? ''));
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sends a workbook as a download (RFC 5987 file name, so Chinese names survive). */
export function sendXlsx(reply: FastifyReply, filename: string, data: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(data);
}

/** Reads the first sheet of a workbook into arrays of cell texts (used by imports and tests). */
export async function readXlsx(data: Buffer | Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  ws?.eachRow((row) => {
    const vals = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'text' in v ? String((v as { text: unknown }).text) : String(v)));
    out.push(vals);
  });
  return out;
}
