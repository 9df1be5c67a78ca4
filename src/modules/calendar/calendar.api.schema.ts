/**
 * Request schemas of the calendar API (years, unit overrides and settings, deadline computation). Shared with the
 * web forms: import only zod here. The year file itself is checked by `parseYearArrangement` (calendar.schema.ts).
 */
import { z } from 'zod';

const id = z.coerce.number().int().positive();
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式 YYYY-MM-DD');

/** Keys of the moved deadlines the user saw in the preview: the change is refused if they differ by now. */
const ExpectedMoved = z.array(z.string().max(200)).max(100_000).optional().describe('预览时列出的待调整期限的 key；提交时若已不同则拒绝（409）');

export const YearParams = z.object({ year: z.coerce.number().int().min(1990).max(2199) });

export const YearPreviewSchema = z.object({
  arrangement: z.record(z.string(), z.unknown()).describe('年度节假日安排（CALENDAR-FORMAT.md）'),
});
export const YearImportSchema = YearPreviewSchema.extend({ expectedMoved: ExpectedMoved });
export type YearImportInput = z.infer<typeof YearImportSchema>;

export const OverrideListQuery = z.object({
  unitId: id.optional(),
  year: z.coerce.number().int().min(1990).max(2199).optional(),
});

export const OverrideCreateSchema = z.object({
  unitId: id,
  date: ZDate,
  kind: z.enum(['off', 'work']).describe('off 放假（如地区性节日）；work 上班'),
  reason: z.string().trim().min(1, '请填写原因').max(100, '原因不能超过 100 个字符').describe('计算过程中显示的原因，如 肉孜节（新疆维吾尔自治区）'),
  expectedMoved: ExpectedMoved,
});
export type OverrideCreateInput = z.infer<typeof OverrideCreateSchema>;

export const OverrideDeleteSchema = z.object({ expectedMoved: ExpectedMoved }).nullish();

export const UnitSettingsSchema = z.object({
  ignoresAdjustedWorkdays: z.boolean().nullable().describe('true 不执行调休上班；false 执行；null 随上级'),
  expectedMoved: ExpectedMoved,
});
export type UnitSettingsInput = z.infer<typeof UnitSettingsSchema>;

export const RuleConfigSchema = z.object({
  config: z.record(z.string(), z.record(z.string(), z.unknown())).describe('按规则 id 的配置（CALENDAR-FORMAT.md “Rule configuration”）；{} 清除'),
});

export const RulesQuery = z.object({ unitId: id.optional() });

export const RECEIPT_CHANNELS = ['in_person', 'registered_post', 'ordinary_letter', 'online', 'fax'] as const;

export const ComputeSchema = z.object({
  ruleId: z.string().trim().min(1, '请选择期限规则').max(100),
  unitId: id.optional().describe('按该单位的日历（含本单位及上级的节假日调整）计算；默认本人所在单位'),
  start: z.string().trim().max(10).optional().describe('起算日 YYYY-MM-DD（固定日期类规则为报告年度）'),
  receipt: z
    .object({
      channel: z.enum(RECEIPT_CHANNELS),
      submittedOn: ZDate.optional(),
      signedOn: ZDate.optional(),
      confirmedOn: ZDate.optional(),
    })
    .optional()
    .describe('按提交渠道确定收到申请之日（《政府信息公开条例》第三十一条）'),
  events: z.array(z.object({ type: z.string().regex(/^[a-z_]+$/, '事件类型格式不正确').max(64), date: ZDate, note: z.string().max(200).optional() })).max(100).optional(),
  pauses: z.array(z.object({ from: ZDate, to: ZDate, reason: z.string().max(100).optional() })).max(50).optional(),
  extended: z.union([z.boolean(), z.number().int().min(1).max(10_000)]).optional().describe('true 按法定上限延长；数字为延长的天数'),
  asOf: ZDate.optional(),
});
export type ComputeInput = z.infer<typeof ComputeSchema>;

export const PublicComputeSchema = ComputeSchema.omit({ unitId: true });
