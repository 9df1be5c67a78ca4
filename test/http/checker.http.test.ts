/**
 * The report checker over HTTP: POST /api/checker/check (result and text) and /api/checker/check.xlsx, with
 * pasted text, an uploaded .txt or .docx, unreadable files and sign-in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/core/excel';
import type { CheckResult } from '../../src/modules/checker/checker.types';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../helpers/db';
import { buildWorld, PASSWORD } from '../helpers/fixtures';
import { call, signIn, testApp, type Session } from '../helpers/http';

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'seeds');
const SEED_003 = readdirSync(SEEDS).find((f) => f.startsWith('003_'))!;
const seedBytes = readFileSync(join(SEEDS, SEED_003));
const seedText = seedBytes.toString('utf8');

interface CheckResponse {
  result: CheckResult;
  text: string;
}

/** The finding on 在线调解成功率96.96% (637÷779 = 81.77%). */
function rateFinding(body: CheckResponse) {
  return body.result.findings.find((f) => f.severity === 'error' && body.text.slice(f.start, f.end) === '96.96%');
}

describe.each(TEST_DIALECTS)('report checker over HTTP on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let clerk: Session;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    await buildWorld(t);
    app = await testApp(t);
    clerk = await signIn(app, 'clerk_a', PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('should find the 96.96% error in pasted seed 003 and return the text the offsets refer to', async () => {
    const r = await call(app, clerk, 'POST', '/api/checker/check', { text: seedText });
    expect(r.statusCode).toBe(200);
    const body = r.json() as CheckResponse;
    expect(body.result.kind).toBe('fzzf');
    expect(body.result.year).toBe(2022);
    expect(body.result.textLength).toBe(body.text.length);
    const f = rateFinding(body);
    expect(f, 'error finding on 96.96%').toBeDefined();
    expect(f!.message).toContain('96.96%');
    for (const fig of body.result.figures) expect(body.text.slice(fig.start, fig.end)).toBe(fig.text);
  });

  it('should read an uploaded .txt and a .docx, and take the publication date given', async () => {
    const txt = await call(app, clerk, 'POST', '/api/checker/check', { fileBase64: seedBytes.toString('base64'), filename: SEED_003, published: '2023-05-10' });
    expect(txt.statusCode).toBe(200);
    const fromTxt = txt.json() as CheckResponse;
    expect(rateFinding(fromTxt)).toBeDefined();
    expect(fromTxt.result.published).toBe('2023-05-10');
    expect(fromTxt.result.findings.some((f) => f.rule === 'date.late')).toBe(true);

    const doc = new Document({ sections: [{ children: seedText.split('\n').filter((l) => l.trim()).map((l) => new Paragraph(l)) }] });
    const docx = await Packer.toBuffer(doc);
    const r = await call(app, clerk, 'POST', '/api/checker/check', { fileBase64: Buffer.from(docx).toString('base64'), filename: '水磨沟区2022年报告.docx' });
    expect(r.statusCode).toBe(200);
    const body = r.json() as CheckResponse;
    expect(body.result.format).toBe('docx');
    expect(rateFinding(body)).toBeDefined();
  });

  it('should compare with last year\'s report when given', async () => {
    const r = await call(app, clerk, 'POST', '/api/checker/check', { text: seedText, previousBase64: seedBytes.toString('base64'), previousFilename: 'prev.txt' });
    expect(r.statusCode).toBe(200);
    const rules = (r.json() as CheckResponse).result.findings.map((f) => f.rule);
    expect(rules).toContain('previous.same-year');
    expect(rules).toContain('previous.repeated-text');
  });

  it('should answer unreadable input with VALIDATION_FAILED naming the field', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));
    const r = await call(app, clerk, 'POST', '/api/checker/check', { fileBase64: garbage.toString('base64'), filename: 'report.docx' });
    expect(r.statusCode).toBe(400);
    const e = r.json().error;
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.fields).toEqual([{ field: 'file', message: e.message }]);
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);

    const bin = await call(app, clerk, 'POST', '/api/checker/check', { fileBase64: garbage.toString('base64'), filename: 'report.txt' });
    expect(bin.statusCode).toBe(400);
    expect(bin.json().error.fields[0].field).toBe('file');

    const prev = await call(app, clerk, 'POST', '/api/checker/check', { text: seedText, previousBase64: garbage.toString('base64'), previousFilename: 'prev.docx' });
    expect(prev.statusCode).toBe(400);
    expect(prev.json().error.fields[0].field).toBe('previousFile');
    expect(prev.json().error.message).toContain('上年报告');

    const empty = await call(app, clerk, 'POST', '/api/checker/check', { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'file' }] });

    const date = await call(app, clerk, 'POST', '/api/checker/check', { text: seedText, published: '2023/05/10' });
    expect(date.statusCode).toBe(400);
    expect(date.json().error.fields[0].field).toBe('published');
  });

  it('should refuse a body over 12 MB with PAYLOAD_TOO_LARGE', async () => {
    const r = await call(app, clerk, 'POST', '/api/checker/check', { text: 'x'.repeat(13 * 1024 * 1024) });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should require sign-in (401), the permission (403) and the CSRF token of a cookie session', async () => {
    const anon = await call(app, null, 'POST', '/api/checker/check', { text: seedText });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
    const anonXlsx = await call(app, null, 'POST', '/api/checker/check.xlsx', { text: seedText });
    expect(anonXlsx.statusCode).toBe(401);
    const officer = await signIn(app, 'officer_a', PASSWORD); // 执法人员: no checker:report:check
    const forbidden = await call(app, officer, 'POST', '/api/checker/check', { text: seedText });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    const noCsrf = await app.inject({ method: 'POST', url: '/api/checker/check', headers: { cookie: clerk.cookie }, payload: { text: seedText } });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('should download the findings as a workbook that opens', async () => {
    const r = await call(app, clerk, 'POST', '/api/checker/check.xlsx', { fileBase64: seedBytes.toString('base64'), filename: SEED_003 });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('问题清单'));
    const summary = await readXlsx(r.rawPayload);
    expect(summary[0]).toEqual(['文件', '类型', '标题', '发布机构', '年度', '发布日期', '错误', '警告', '提示', '缺少部分']);
    expect(summary[1]![0]).toBe(SEED_003);
    expect(Number(summary[1]![6])).toBeGreaterThanOrEqual(1);
    // the 问题清单 sheet names the 96.96% error
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const sheet = wb.getWorksheet('问题清单')!;
    const messages: string[] = [];
    sheet.eachRow((row) => messages.push(String(row.getCell(4).value ?? '')));
    expect(messages.some((m) => m.includes('96.96%'))).toBe(true);

    const bad = await call(app, clerk, 'POST', '/api/checker/check.xlsx', { fileBase64: Buffer.from('%PDF-1.7 xxxx').toString('base64'), filename: 'a.pdf' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('file');
  });
});
