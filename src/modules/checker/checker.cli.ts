/**
 * `fazhi check FILE… [--json] [--published YYYY-MM-DD] [--previous FILE] [--text] [--xlsx OUT]`.
 * Exit code 0 when every file was checked (whatever it found), 2 when a file or an option cannot be used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CheckerInputError, extractText } from './checker.extract';
import { parseIsoDate } from './checker.meta';
import { formatResult } from './checker.presenter';
import { checkReportWithText } from './checker.service';
import type { CheckDocument, CheckResult } from './checker.types';
import { findingsToXlsx } from './checker.xlsx';

interface CheckOptions {
  json?: boolean;
  published?: string;
  previous?: string;
  text?: boolean;
  xlsx?: string;
}

/** An input that cannot be used: the CLI prints the message and exits with code 2. */
class UsageError extends Error {}

function readDocument(path: string): CheckDocument {
  try {
    return { bytes: readFileSync(path), filename: path };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`找不到文件：${path}`);
    if (code === 'EISDIR') throw new UsageError(`${path} 是目录，不是文件`);
    if (code === 'EACCES') throw new UsageError(`没有读取权限：${path}`);
    throw new UsageError(`无法读取文件 ${path}：${(err as Error).message}`);
  }
}

function messageOf(err: unknown): string {
  if (err instanceof UsageError || err instanceof CheckerInputError) return err.message;
  return `审查时发生内部错误：${err instanceof Error ? err.message : String(err)}`;
}

/** Registers the `check` command (报告审查) on the `fazhi` program. */
export function registerCheckerCommands(program: Command): void {
  program
    .command('check')
    .description('审查年度报告：识别数字、核对文中的勾稽关系、检查结构、年度与发布日期')
    .argument('<files...>', '报告文件（.txt、.md、.html、.docx；UTF-8 或 GB18030）')
    .option('--json', '输出 JSON：每个文件一个对象，多个文件为数组')
    .option('--published <date>', '发布日期 YYYY-MM-DD，覆盖文中的日期')
    .option('--previous <file>', '同一单位上一年度的报告，用于找出原样照搬的文字和数字')
    .option('--text', '只输出抽取出的纯文本（结果中的偏移量以此为准）')
    .option('--xlsx <file>', '另将审查结果保存为 Excel 文件')
    .action(async (files: string[], opts: CheckOptions) => {
      process.exitCode = await runCheck(files, opts);
    });
}

/** Runs the check command; returns the exit code. */
export async function runCheck(files: string[], opts: CheckOptions): Promise<number> {
  let exitCode = 0;
  if (opts.published !== undefined && parseIsoDate(opts.published) === null) {
    process.stderr.write(`--published 应为有效日期 YYYY-MM-DD，收到：${opts.published}\n`);
    return 2;
  }
  if (opts.text) {
    for (const file of files) {
      try {
        const { text } = extractText(readDocument(file));
        if (files.length > 1) process.stdout.write(`==> ${file} <==\n`);
        process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      } catch (err) {
        process.stderr.write(`${file}：${messageOf(err)}\n`);
        exitCode = 2;
      }
    }
    return exitCode;
  }
  let previous: CheckDocument | undefined;
  if (opts.previous !== undefined) {
    try {
      previous = readDocument(opts.previous);
    } catch (err) {
      process.stderr.write(`${messageOf(err)}\n`);
      return 2;
    }
  }
  const jsonOut: unknown[] = [];
  const results: Array<CheckResult & { file: string }> = [];
  for (const file of files) {
    try {
      const doc = readDocument(file);
      const { result, text } = checkReportWithText({ ...doc, published: opts.published, previous });
      results.push({ file, ...result });
      if (opts.json) jsonOut.push({ file, ...result });
      else process.stdout.write(`${formatResult(file, result, text)}\n\n`);
    } catch (err) {
      const message = messageOf(err);
      process.stderr.write(`${file}：${message}\n`);
      if (opts.json) {
        const code = err instanceof CheckerInputError ? err.code : err instanceof UsageError ? 'UNREADABLE' : 'INTERNAL';
        jsonOut.push({ file, error: { code, message } });
      }
      exitCode = err instanceof CheckerInputError || err instanceof UsageError ? 2 : 1;
    }
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(files.length === 1 ? jsonOut[0] : jsonOut, null, 2)}\n`);
  }
  if (opts.xlsx !== undefined) {
    try {
      writeFileSync(opts.xlsx, await findingsToXlsx(results));
      if (!opts.json) process.stdout.write(`审查结果已保存到 ${opts.xlsx}\n`);
    } catch (err) {
      process.stderr.write(`无法保存 Excel 文件 ${opts.xlsx}：${(err as Error).message}\n`);
      exitCode = 2;
    }
  }
  return exitCode;
}
