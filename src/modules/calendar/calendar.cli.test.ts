import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDeadlineCommands } from './calendar.cli';

/** Runs `fazhi deadline …` in-process with captured output. */
async function run(...args: string[]): Promise<{ out: string[]; err: string[]; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = new Command().name('fazhi');
  registerDeadlineCommands(program, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    exit: (c) => {
      code = c;
    },
  });
  const capture = (c: Command) => {
    c.configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
    c.commands.forEach(capture);
  };
  capture(program);
  try {
    await program.parseAsync(['node', 'fazhi', 'deadline', ...args]);
  } catch {
    // commander errors are thrown after `exit` recorded the code
  }
  return { out, err, code };
}

describe(registerDeadlineCommands.name, () => {
  it.each([
    [['add-working-days', '2023-09-25', '20'], '2023-10-27'],
    [['add-working-days', '2024-02-09', '1'], '2024-02-18'],
    [['add-days', '2024-08-02', '60'], '2024-10-08'],
    [['add-days', '2024-08-02', '60', '--no-roll'], '2024-10-01'],
    [['add-months', '2024-04-03', '6'], '2024-10-08'],
    [['add-working-days', '2023-09-25', '20', '--ignore-adjusted'], '2023-10-31'],
  ])('should print the date for %j', async (args, expected) => {
    const { out, code } = await run(...args);
    expect(code).toBe(0);
    expect(out[0]).toBe(expected);
  });

  it('should print the due date and the trace for a rule', async () => {
    const { out, code } = await run('disclosure.reply', '--start', '2024-03-01', '--pause', '2024-03-11:2024-03-22', '--extend');
    expect(code).toBe(0);
    expect(out[0]).toBe('期限：2024-05-14');
    const text = out.join('\n');
    expect(text).toContain('《政府信息公开条例》(2019)第三十三条第二款');
    expect(text).toContain('2024-04-07  第14日  调休上班（清明节）');
    expect(text).toContain('2024-04-04  不计    清明节');
    expect(text).toContain('原期限届满日：2024-04-15');
  });

  it('should print JSON whose due field is the due date, with trace and warnings', async () => {
    const { out } = await run('disclosure.reply', '--start', '2026-12-10', '--json');
    const json = JSON.parse(out.join('\n'));
    expect(json).toMatchObject({ due: '2027-01-07', provisional: true, missingYears: [2027], rule: { id: 'disclosure.reply' } });
    expect(json.warnings[0]).toMatch(/2027年/);
    expect(json.trace[0]).toMatchObject({ type: 'rule' });
  });

  it('should accept events and a reporting year', async () => {
    const restarted = await run('disclosure.reply', '--start', '2024-09-02', '--event', 'supplement_received:2024-09-10', '--pause', '2024-09-23:2024-09-27', '--json');
    expect(JSON.parse(restarted.out.join('\n')).due).toBe('2024-10-21');
    const fixed = await run('annual-report.publish', '--start', '2025', '--json');
    expect(JSON.parse(fixed.out.join('\n')).due).toBe('2026-04-01');
  });

  it('should read an extra year from --year-file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-cal-'));
    const file = join(dir, '2027.json');
    writeFileSync(file, JSON.stringify({ year: 2027, status: 'draft', source: { title: '测试用假设安排' }, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }] }));
    const { out } = await run('disclosure.reply', '--start', '2026-12-10', '--year-file', file, '--json');
    expect(JSON.parse(out.join('\n'))).toMatchObject({ due: '2027-01-08', provisional: false });
  });

  it('should list the rules', async () => {
    const { out } = await run('rules');
    expect(out.length).toBeGreaterThan(60);
    expect(out.find((l) => l.startsWith('disclosure.reply '))).toMatch(/20工作日 \+延长20.*第三十三条第二款.*2\.2\.2/);
    const json = await run('rules', '--module', 'petition', '--json');
    expect(JSON.parse(json.out.join('\n')).every((r: { module: string }) => r.module === 'petition')).toBe(true);
  });

  it.each([
    [['add-working-days', '2023-02-30', '5'], /错误：起算日“2023-02-30”不是有效日期/],
    [['add-working-days', '2023-09-25', 'abc'], /错误：工作日数“abc”应为整数/],
    [['add-working-days'], /错误：缺少参数：起算日/],
    [['no.such.rule', '--start', '2024-01-01'], /错误：没有期限规则“no.such.rule”/],
    [['disclosure.reply'], /错误：缺少参数：--start/],
    [['disclosure.reply', '--start', '2024-01-01', '--extend', '30'], /错误：延长期限不得超过20个工作日/],
    [['disclosure.reply', '--start', '2024-01-01', '--pause', '2024-01-05'], /错误：暂停区间“2024-01-05”应为/],
    [['add-days', '2024-01-01', '5', '--bogus'], /错误：未知选项 '--bogus'/],
  ])('should fail with a Chinese message and exit code 2 for %j', async (args, message) => {
    const { err, code } = await run(...args);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(err.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('fazhi deadline (the installed command)', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const bin = join(root, 'bin', 'fazhi.mjs');
  let ok: { stdout: string; stderr: string };
  let bad: { stdout: string; stderr: string; code: number };

  beforeAll(async () => {
    const exec = promisify(execFile);
    // both processes at once: each start compiles the CLI with tsx
    [ok, bad] = await Promise.all([
      exec(process.execPath, [bin, 'deadline', 'add-working-days', '2023-09-25', '20'], { cwd: root }),
      exec(process.execPath, [bin, 'deadline', 'add-working-days', '2023-09-31', '20'], { cwd: root }).then(
        () => ({ stdout: '', stderr: '', code: 0 }),
        (e: { stdout: string; stderr: string; code: number }) => e,
      ),
    ]);
  }, 60_000);

  it('should print 2023-10-27 for add-working-days 2023-09-25 20', () => {
    expect(ok.stdout).toBe('2023-10-27\n');
  });

  it('should exit with code 2 and a Chinese message, without a stack trace, on invalid input', () => {
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/错误：起算日“2023-09-31”不是有效日期/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
