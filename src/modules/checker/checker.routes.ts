/**
 * Routes of the report checker (报告审查): check a pasted or uploaded report and get the findings with the
 * extracted text their offsets refer to, or the findings as an Excel workbook. Staff only; the checker touches no
 * unit records, so the routes are global with op `list` (any data scope may use them).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { sendXlsx } from '../../core/excel';
import { AppError } from '../../core/errors';
import { typed } from '../../server/route';
import { checkReportWithText, CheckerInputError } from './checker.service';
import type { CheckDocument, CheckInput } from './checker.types';
import { findingsToXlsx } from './checker.xlsx';

/** Body limit of a check: a report of some 9 MB, base64-encoded, with last year's. */
export const CHECK_BODY_LIMIT = 12 * 1024 * 1024;

const Filename = z.string().trim().min(1).max(255);
const Base64 = z.string().regex(/^[A-Za-z0-9+/=\s]*$/, '不是有效的 Base64 编码');

export const CheckBody = z.object({
  text: z.string().optional().describe('报告文字（粘贴）'),
  fileBase64: Base64.optional().describe('上传的文件（.txt .md .html .docx），Base64'),
  filename: Filename.optional().describe('上传文件的文件名（据扩展名判断格式）'),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional().describe('发布日期，覆盖文中的日期'),
  previousText: z.string().optional().describe('上一年度报告的文字'),
  previousBase64: Base64.optional().describe('上一年度报告的文件，Base64'),
  previousFilename: Filename.optional(),
});
export type CheckBody = z.infer<typeof CheckBody>;

/** One document of the body: the file if one was uploaded, otherwise the text; null when neither was given. */
function documentOf(text: string | undefined, base64: string | undefined, filename: string | undefined): CheckDocument | null {
  if (base64 !== undefined && base64.trim() !== '') return { bytes: Buffer.from(base64, 'base64'), ...(filename ? { filename } : {}) };
  if (text !== undefined && text.trim() !== '') return { text, ...(filename ? { filename } : {}) };
  return null;
}

/** The check input of a request body; VALIDATION_FAILED when there is nothing to check. */
function inputOf(body: CheckBody): { input: CheckInput; field: string; previousField: string } {
  const doc = documentOf(body.text, body.fileBase64, body.filename);
  if (!doc) throw new AppError('VALIDATION_FAILED', { message: '请粘贴报告文字或上传报告文件', fields: [{ field: 'file', message: '请粘贴报告文字或上传报告文件' }] });
  const previous = documentOf(body.previousText, body.previousBase64, body.previousFilename);
  return {
    input: { ...doc, ...(body.published ? { published: body.published } : {}), ...(previous ? { previous } : {}) },
    field: doc.bytes ? 'file' : 'text',
    previousField: previous?.bytes ? 'previousFile' : 'previousText',
  };
}

/** Runs the checker, turning unreadable input into a field error (PAYLOAD_TOO_LARGE when too large). */
function check(body: CheckBody) {
  const { input, field, previousField } = inputOf(body);
  try {
    return checkReportWithText(input);
  } catch (err) {
    if (!(err instanceof CheckerInputError)) throw err;
    const f = err.message.startsWith('上年报告：') ? previousField : field;
    if (err.code === 'TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { message: err.message, fields: [{ field: f, message: err.message }] });
    throw new AppError('VALIDATION_FAILED', { message: err.message, fields: [{ field: f, message: err.message }] });
  }
}

/** The workbook's file name: the report's title or uploaded file name. */
function xlsxName(body: CheckBody, title: string | null): string {
  const base = (title ?? body.filename?.replace(/\.[^.]+$/, '') ?? '报告').replace(/[\\/:*?"<>|\r\n]+/g, '').slice(0, 60) || '报告';
  return `${base}-问题清单.xlsx`;
}

export const checkerRoutes: FastifyPluginAsync = async (app0) => {
  const app = typed(app0);
  const tags = ['报告审查'];
  const access = { access: { kind: 'global' as const, permission: 'checker:report:check', resource: 'checker', op: 'list' as const } };

  app.post(
    '/checker/check',
    { config: access, bodyLimit: CHECK_BODY_LIMIT, schema: { tags, summary: '审查一份报告：数字、勾稽关系、结构、年度与发布日期（返回结果及其偏移所指的纯文本）', body: CheckBody } },
    async (req) => check(req.body),
  );
  app.post(
    '/checker/check.xlsx',
    { config: access, bodyLimit: CHECK_BODY_LIMIT, schema: { tags, summary: '审查一份报告并下载问题清单（Excel：汇总、问题清单、勾稽关系）', body: CheckBody } },
    async (req, reply) => {
      const { result } = check(req.body);
      const file = req.body.filename;
      const buf = await findingsToXlsx([{ ...result, ...(file ? { file } : {}) }]);
      return sendXlsx(reply, xlsxName(req.body, result.title), buf);
    },
  );
};
