/**
 * Official documents as .docx, laid out after GB/T 9704-2012 《党政机关公文格式》: A4, 天头 37 mm, 订口 28 mm,
 * 版心 156 × 225 mm; title in 2号小标宋, body in 3号仿宋 with a fixed 28-point line, first lines indented two
 * characters; 一级标题 黑体, 二级标题 楷体; issuer and date at the right. Letters and reports share this builder.
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';

const MM = 56.7; // twips per millimetre
const FANGSONG = '仿宋_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const SIZE3 = 32; // 3号 = 16 pt, in half-points
const LINE = 560; // 28 pt fixed line, in twips

export type DocBlock =
  | string
  | { heading1: string }
  | { heading2: string }
  | { plain: string }
  | { table: { header: string[][]; rows: (string | number)[][]; note?: string } };

export interface OfficialDoc {
  title: string;
  /** 发文字号, e.g. 青山司法依公开〔2026〕3号 */
  docNo?: string | null;
  /** 主送：申请人姓名或机关名称 */
  recipient?: string | null;
  body: DocBlock[];
  issuer: string;
  /** 成文日期, YYYY-MM-DD */
  date: string;
}

const run = (text: string, font = FANGSONG, size = SIZE3, bold = false) => new TextRun({ text, font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size, bold });
const para = (children: TextRun[], opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number } = {}) =>
  new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: opts.before ?? 0 },
  });

const cnDateText = (s: string) => {
  const [y, m, d] = s.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function table(t: { header: string[][]; rows: (string | number)[][] }) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string | number, bold = false) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(String(text), FANGSONG, 21, bold)] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...t.header.map((h) => new TableRow({ tableHeader: true, children: h.map((x) => cell(x, true)) })), ...t.rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) }))],
  });
}

/** Renders an official document to a .docx buffer. */
export async function renderOfficialDocx(doc: OfficialDoc): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(doc.title, XIAOBIAOSONG, 44)] }));
  if (doc.docNo) children.push(para([run(doc.docNo)], { align: AlignmentType.CENTER }));
  children.push(para([run('')]));
  if (doc.recipient) children.push(para([run(`${doc.recipient}：`)]));
  for (const b of doc.body) {
    if (typeof b === 'string') children.push(para([run(b)], { indent: true }));
    else if ('heading1' in b) children.push(para([run(b.heading1, HEITI)], { indent: true }));
    else if ('heading2' in b) children.push(para([run(b.heading2, KAITI)], { indent: true }));
    else if ('plain' in b) children.push(para([run(b.plain)]));
    else {
      children.push(table(b.table));
      if (b.table.note) children.push(para([run(b.table.note, FANGSONG, 21)]));
    }
  }
  children.push(para([run('')]), para([run('')]));
  children.push(para([run(doc.issuer)], { align: AlignmentType.RIGHT }));
  children.push(para([run(cnDateText(doc.date))], { align: AlignmentType.RIGHT }));
  const document = new Document({
    creator: 'Fazhi',
    title: doc.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Sends a .docx download with a Chinese file name. */
export function docxHeaders(filename: string) {
  return {
    'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'content-disposition': `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  };
}
