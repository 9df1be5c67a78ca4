import { deflateRawSync } from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { CheckerInputError, decodeBytes, docxToText, extractText, htmlToText, readZipEntry } from './checker.extract';

const SAMPLE = '一、主要举措和成效\n全年受理申请28件，按时答复率100%。';

/** GB18030 bytes of a few characters, written out so that the test does not need an encoder. */
const GB_BYTES: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 报: [0xb1, 0xa8], 告: [0xb8, 0xe6] };

function gb(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const b = GB_BYTES[ch];
    if (b) out.push(...b);
    else out.push(ch.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

function errorCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(CheckerInputError);
    return (err as CheckerInputError).code;
  }
  return undefined;
}

/** A minimal zip archive with stored or deflated entries. */
function zip(entries: Record<string, string>, deflate = true): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const raw = Buffer.from(content);
    const data = deflate ? deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(deflate ? 8 : 0, 10);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(cd, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBuf, eocd]));
}

describe(decodeBytes.name, () => {
  it('should decode UTF-8 with and without BOM', () => {
    expect(decodeBytes(new TextEncoder().encode(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeBytes(bom).text).toBe(SAMPLE);
  });

  it('should detect GB18030 when the bytes are not valid UTF-8', () => {
    expect(decodeBytes(gb('中文报告 2023'))).toEqual({ text: '中文报告 2023', encoding: 'gb18030' });
  });

  it('should decode UTF-16 with a BOM and without one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.from('Report 2023: 28 items', 'utf16le')).encoding).toBe('utf-16le');
  });

  it('should reject binary data', () => {
    expect(errorCode(() => decodeBytes(new Uint8Array([1, 2, 0, 3, 0, 0, 7, 8, 0, 0, 255, 0])))).toBe('BINARY');
  });
});

describe(htmlToText.name, () => {
  it('should turn blocks into lines, cells into ` | ` and drop scripts', () => {
    const html =
      '<html><head><title>报告</title><style>p{}</style><script>var a="1件"</script></head><body>' +
      '<h2>一、总体情况</h2><p>受理&nbsp;28&#20214;，答复&lt;28&gt;。</p>' +
      '<table><tr><td>项目</td><td>数量</td></tr><tr><td>合计</td><td>3</td></tr></table><!-- 99件 --></body></html>';
    const { text, headingHints } = htmlToText(html);
    expect(text).toBe('报告\n一、总体情况\n受理 28件，答复<28>。\n项目 | 数量\n合计 | 3\n');
    expect(headingHints.map((h) => text.slice(h.start, h.end))).toEqual(['一、总体情况']);
  });

  it('should keep the paragraphs of a table cell on the row’s line', () => {
    const { text } = htmlToText('<table><tr><td><p>结转下年度</p></td><td><p>3</p></td></tr><tr><td>合计</td><td><p>5<br>件</p></td></tr></table>');
    expect(text).toBe('结转下年度 | 3\n合计 | 5 件\n');
  });
});

describe(readZipEntry.name, () => {
  it('should read stored and deflated entries', () => {
    expect(new TextDecoder().decode(readZipEntry(zip({ 'a.txt': '甲' }, false), 'a.txt')!)).toBe('甲');
    expect(new TextDecoder().decode(readZipEntry(zip({ 'a.txt': 'x', 'b.txt': '乙乙乙' }), 'b.txt')!)).toBe('乙乙乙');
    expect(readZipEntry(zip({ 'a.txt': 'x' }), 'c.txt')).toBeNull();
  });

  it('should reject a corrupt archive', () => {
    expect(errorCode(() => readZipEntry(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), 'a'))).toBe('CORRUPT');
    const broken = zip({ 'word/document.xml': '<w:document/>' });
    broken[broken.length - 6] = 0xff; // central directory offset points past the end
    expect(errorCode(() => readZipEntry(broken, 'word/document.xml'))).toBe('CORRUPT');
  });
});

describe(docxToText.name, () => {
  it('should read paragraphs, tables and heading styles of a .docx', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'XX区2023年法治政府建设年度报告', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '主要举措和成效', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('全年受理行政复议案件30件，其中维持18件，纠正12件。'),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [new Paragraph('类别')] }), new TableCell({ children: [new Paragraph('件数')] })] }),
                new TableRow({ children: [new TableCell({ children: [new Paragraph('合计')] }), new TableCell({ children: [new Paragraph('30')] })] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const { text, headingHints, format } = docxToText(bytes);
    expect(format).toBe('docx');
    expect(text).toBe('XX区2023年法治政府建设年度报告\n主要举措和成效\n全年受理行政复议案件30件，其中维持18件，纠正12件。\n类别 | 件数\n合计 | 30\n');
    expect(headingHints.map((h) => [text.slice(h.start, h.end), h.level])).toEqual([['主要举措和成效', 1]]);
  });
});

describe(extractText.name, () => {
  it('should choose the reader by file name and by content', () => {
    const html = new TextEncoder().encode('<p>受理28件</p>');
    expect(extractText({ bytes: html, filename: 'a.html' }).text).toBe('受理28件\n');
    expect(extractText({ bytes: html }).format).toBe('html');
    expect(extractText({ bytes: new TextEncoder().encode('# 一、总体情况\n正文'), filename: 'a.md' }).headingHints).toHaveLength(1);
    expect(extractText({ text: 'a\r\nb' }).text).toBe('a\nb');
  });

  it('should give clear errors for what it cannot read', () => {
    expect(errorCode(() => extractText({ bytes: new Uint8Array(0), filename: 'a.txt' }))).toBe('EMPTY');
    expect(errorCode(() => extractText({ text: '  \n ' }))).toBe('EMPTY');
    expect(errorCode(() => extractText({ bytes: new TextEncoder().encode('%PDF-1.7\n...'), filename: 'a.pdf' }))).toBe('UNSUPPORTED_FORMAT');
    expect(errorCode(() => extractText({ bytes: new TextEncoder().encode('%PDF-1.7\n...') }))).toBe('UNSUPPORTED_FORMAT');
    expect(errorCode(() => extractText({ bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), filename: 'a.doc' }))).toBe('UNSUPPORTED_FORMAT');
    expect(errorCode(() => extractText({ bytes: new TextEncoder().encode('not a zip'), filename: 'a.docx' }))).toBe('CORRUPT');
    expect(errorCode(() => extractText({ bytes: zip({ 'x.xml': '<a/>' }), filename: 'a.docx' }))).toBe('CORRUPT');
  });
});
