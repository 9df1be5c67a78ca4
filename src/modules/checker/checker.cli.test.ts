import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from './checker.cli';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const seed = (name: string) => join(root, 'test/fixtures/seeds', name);
const SEED3 = seed('003_81f1667295ccddff.txt');
const SEED0 = seed('000_2f10a698eab78274.txt');

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe(runCheck.name, () => {
  it('should print one JSON object for one file with the documented fields', async () => {
    expect(await runCheck([SEED3], { json: true })).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['file', 'kind', 'title', 'issuer', 'year', 'parts', 'missingParts', 'figures', 'findings']),
    );
    expect(r.findings.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(2);
  });

  it('should print an array for several files and a readable report without --json', async () => {
    expect(await runCheck([SEED0, SEED3], { json: true })).toBe(0);
    expect(JSON.parse(out)).toHaveLength(2);
    out = '';
    expect(await runCheck([SEED3], {})).toBe(0);
    expect(out).toContain('在线调解成功率写作96.96%，但按637件÷779件计算应为81.77%');
    expect(out).toMatch(/✗ 错误　第\d+行　rate\.mismatch/);
  });

  it('should print the extracted text with --text, the text the offsets refer to', async () => {
    expect(await runCheck([SEED3], { text: true })).toBe(0);
    const text = out;
    out = '';
    await runCheck([SEED3], { json: true });
    const r = JSON.parse(out);
    const f = r.figures.find((x: { text: string }) => x.text === '96.96%');
    expect(text.slice(f.start, f.end)).toBe('96.96%');
  });

  it('should exit 2 with a clear message for unreadable input and a bad date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'checker-'));
    const pdf = join(dir, 'a.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    expect(await runCheck([join(dir, 'missing.txt')], {})).toBe(2);
    expect(err).toContain('找不到文件');
    expect(await runCheck([pdf], { json: true })).toBe(2);
    expect(JSON.parse(out)).toMatchObject({ error: { code: 'UNSUPPORTED_FORMAT' } });
    expect(await runCheck([SEED3], { published: '2024-02-30' })).toBe(2);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('should use --published and --previous', async () => {
    expect(await runCheck([SEED3], { json: true, published: '2023-04-20', previous: SEED3 })).toBe(0);
    const rules = JSON.parse(out).findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('date.late');
    expect(rules).toContain('previous.same-year');
    expect(rules).toContain('previous.repeated-text');
  });

  it('should save the findings as an Excel workbook', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'checker-')), 'out.xlsx');
    expect(await runCheck([SEED0, SEED3], { xlsx: file })).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '勾稽关系']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(3);
    expect(summary.getRow(3).getCell(7).value).toBe(2); // seed 003: two errors
    const findings = wb.getWorksheet('问题清单')!;
    const messages = findings.getColumn(4).values.map(String);
    expect(messages.some((m) => m.includes('81.77%'))).toBe(true);
  });
});

describe('fazhi check', () => {
  it('should run from the command line, report an empty file with exit code 2 and no stack trace', () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'checker-')), 'empty.txt');
    writeFileSync(empty, '');
    const run = spawnSync(process.execPath, [join(root, 'bin/fazhi.mjs'), 'check', SEED0, empty, '--json'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    const [ok, bad] = JSON.parse(run.stdout);
    expect(ok).toMatchObject({ kind: 'fzzf', year: 2022 });
    expect(bad).toMatchObject({ error: { code: 'EMPTY' } });
    expect(run.stderr).toContain('文件为空');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
