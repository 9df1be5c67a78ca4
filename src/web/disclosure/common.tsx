/**
 * What the 政务公开 pages share: the API shapes, select options built from the shared 字典
 * (src/shared/disclosure.ts — labels are never retyped here), the state and due-date tags, and form validation
 * with the same zod schemas the server validates with (src/modules/disclosure/disclosure.schema.ts).
 */
import type { FormInstance, Rule } from 'antd/es/form';
import { Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import { feedback } from '../feedback';
import {
  APPLICANT_TYPES,
  CHANNELS,
  OUTCOMES,
  outcomeLabel,
  PROACTIVE_CATEGORIES,
  REQUEST_EVENTS,
  REQUEST_STATES,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  TABLE2_KINDS,
  type Outcome,
  type RequestState,
} from '../../shared/disclosure';

// —— API shapes (see /api/docs/json, tag 政务公开) ——

export interface GiRequest {
  id: number;
  unit_id: number;
  unit_name?: string;
  tracking_code: string;
  source: 'staff' | 'portal';
  channel: keyof typeof CHANNELS;
  applicant_type: keyof typeof APPLICANT_TYPES;
  applicant_name: string;
  applicant_id_no: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  content: string;
  form: string;
  delivery: string;
  received_on: string;
  state: RequestState;
  due_on: string | null;
  outcome: Outcome | null;
  outcome_sub: number | null;
  closed_on: string | null;
  is_extended: number;
  is_provisional: number;
  created_at: string;
}

export interface GiRequestEvent {
  id: number;
  seq: number;
  type: keyof typeof REQUEST_EVENTS;
  occurred_on: string;
  payload: Record<string, unknown>;
  doc_no: string | null;
  created_at: string;
}

export interface GiProjection {
  state: RequestState;
  receivedOn: string;
  due: string | null;
  supplementNoticeDue: string;
  outcome: Outcome | null;
  outcomeSub: number | null;
  closedOn: string | null;
  isExtended: boolean;
  extensionDays: number;
  provisional: boolean;
  hasSupplementRequest: boolean;
  openConsultation: boolean;
  openFee: boolean;
  isLate: boolean;
  reply: { due: string; dueTime?: string; warnings: string[]; paused?: boolean; provisional: boolean } | null;
}

export interface GiRequestDetail {
  request: GiRequest;
  events: GiRequestEvent[];
  projection: GiProjection;
  trace: string[];
}

export interface ProactiveItem {
  id: number;
  unit_id: number;
  unit_name: string;
  title: string;
  index_no: string;
  category: keyof typeof PROACTIVE_CATEGORIES;
  table2_kind: keyof typeof TABLE2_KINDS | null;
  table2_amount: number | null;
  formed_on: string;
  published_on: string | null;
  channel: string | null;
  url: string | null;
  summary: string | null;
  status: 'draft' | 'published' | 'withdrawn';
  due_on: string;
  late: boolean;
}

export interface ReviewCase {
  id: number;
  unit_id: number;
  unit_name: string;
  request_id: number | null;
  kind: keyof typeof REVIEW_KINDS;
  case_no: string;
  filed_on: string;
  result: keyof typeof REVIEW_RESULTS;
  closed_on: string | null;
  remark: string | null;
}

// —— options from the 字典 ——

const opts = <T extends Record<string, string>>(o: T) => (Object.entries(o) as [keyof T & string, string][]).map(([value, label]) => ({ value, label }));

export const APPLICANT_TYPE_OPTIONS = opts(APPLICANT_TYPES);
export const CHANNEL_OPTIONS = opts(CHANNELS);
export const STATE_OPTIONS = opts(REQUEST_STATES);
export const CATEGORY_OPTIONS = opts(PROACTIVE_CATEGORIES);
export const TABLE2_KIND_OPTIONS = opts(TABLE2_KINDS);
export const REVIEW_KIND_OPTIONS = opts(REVIEW_KINDS);
export const REVIEW_RESULT_OPTIONS = opts(REVIEW_RESULTS);
/** （一）予以公开 … （六）其他处理 */
export const OUTCOME_OPTIONS = (Object.keys(OUTCOMES) as Outcome[]).map((value) => ({ value, label: OUTCOMES[value].label }));
/** The numbered sub-items of an outcome (1-based values), empty when it has none. */
export const outcomeSubOptions = (o: Outcome | undefined) => (o ? OUTCOMES[o].subs.map((label, i) => ({ value: i + 1, label })) : []);

export const FORM_OPTIONS = [
  { value: 'paper', label: '纸质' },
  { value: 'electronic', label: '电子' },
  { value: 'other', label: '其他' },
];
export const DELIVERY_OPTIONS = [
  { value: 'online', label: '网上获取' },
  { value: 'email', label: '电子邮件' },
  { value: 'post', label: '邮寄' },
  { value: 'pickup', label: '当面领取' },
];
export const formLabel = (v: string) => FORM_OPTIONS.find((o) => o.value === v)?.label ?? v;
export const deliveryLabel = (v: string) => DELIVERY_OPTIONS.find((o) => o.value === v)?.label ?? v;

export const applicantTypeLabel = (v: string) => (APPLICANT_TYPES as Record<string, string>)[v] ?? v;
export const channelLabel = (v: string) => (CHANNELS as Record<string, string>)[v] ?? v;
export const categoryLabel = (v: string) => (PROACTIVE_CATEGORIES as Record<string, string>)[v] ?? v;
export const eventLabel = (v: string) => (REQUEST_EVENTS as Record<string, string>)[v] ?? v;
export const outcomeText = (o: Outcome | null | undefined, sub?: number | null) => (o && OUTCOMES[o] ? outcomeLabel(o, sub) : '—');

/** The years a filter offers: this year back to 2019 (the year the revised 条例 took effect). */
export function yearOptions(from = 2019) {
  const y = dayjs().year();
  return Array.from({ length: y - from + 1 }, (_, i) => ({ value: y - i, label: `${y - i}年` }));
}

// —— tags ——

const STATE_COLORS: Record<RequestState, string> = { in_progress: 'processing', awaiting_supplement: 'warning', consulting: 'purple', awaiting_fee: 'gold', closed: 'success' };

export function StateTag({ state }: { state: RequestState }) {
  return <Tag color={STATE_COLORS[state] ?? 'default'}>{REQUEST_STATES[state] ?? state}</Tag>;
}

/** States in which the reply clock runs (not paused by a 补正, not answered). */
export const RUNNING_STATES: RequestState[] = ['in_progress', 'consulting', 'awaiting_fee'];

/**
 * A due date: red when past (逾期), orange when within five working days (即将到期). `soon` comes from the server
 * (the `due=soon` list), which counts working days on the unit's calendar.
 */
export function DueDate({ due, today, running, soon }: { due: string | null; today: string; running: boolean; soon: boolean }) {
  if (!due) return <span className="fz-muted">暂停计算</span>;
  if (running && due < today)
    return (
      <Tooltip title="已超过答复期限">
        <span className="fz-due fz-due-over" data-due="overdue">
          {due} 逾期
        </span>
      </Tooltip>
    );
  if (running && soon)
    return (
      <Tooltip title="5个工作日内到期">
        <span className="fz-due fz-due-soon" data-due="soon">
          {due}
        </span>
      </Tooltip>
    );
  return <span className="fz-due">{due}</span>;
}

// —— dates and validation ——

export const isoDate = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
export const todayStr = () => dayjs().format('YYYY-MM-DD');
/** DatePicker: no future days. */
export const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** Form values as the schema expects them: dayjs → YYYY-MM-DD, '' → undefined. */
export function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === '' || v === null || v === undefined) continue;
    out[k] = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v;
  }
  return out;
}

const emptyValue = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * antd rules for one field from the zod object schema the server uses: "请填写…" when a required field is empty,
 * otherwise the schema's own message for that field.
 */
export function zodRule(schema: AnyObject, field: string, label: string): Rule[] {
  const s = schema.shape[field] as z.ZodType | undefined;
  if (!s) return [];
  const required = !s.safeParse(undefined).success;
  return [
    {
      required,
      validator: async (_, value: unknown) => {
        if (emptyValue(value)) {
          if (required) throw new Error(`请填写${label}`);
          return;
        }
        const v = dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value;
        const r = s.safeParse(v, { error: z.locales.zhCN().localeError });
        if (!r.success) throw new Error(r.error.issues[0]?.message ?? `${label}不正确`);
      },
    },
  ];
}

/**
 * Validates the whole form with the schema (refinements included). On failure puts each message on its field and
 * returns null; on success returns the parsed value (what the server will receive).
 */
export function checkWith<S extends z.ZodType>(schema: S, values: Record<string, unknown>, form?: FormInstance): z.infer<S> | null {
  const r = schema.safeParse(values, { error: z.locales.zhCN().localeError });
  if (r.success) return r.data;
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  const known = new Set(form ? Object.keys(form.getFieldsValue() ?? {}) : []);
  for (const i of r.error.issues) {
    const name = String(i.path[0] ?? '');
    if (known.has(name)) byField.set(name, [...(byField.get(name) ?? []), i.message]);
    else unplaced.push(i.message);
  }
  if (form) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (unplaced.length) feedback.message.error(unplaced.join('；'));
  return null;
}
