/**
 * Chinese labels of the calendar pages: rule modules (glossary of house-style), year statuses, receipt channels.
 */
import type { DeadlineRule } from './types';

/** Module folders of the deadline rules, in the order the rule picker groups them. */
export const MODULE_LABELS: Record<string, string> = {
  disclosure: '政府信息公开',
  reconsideration: '行政复议',
  litigation: '行政应诉',
  enforcement: '行政执法',
  'major-decision': '重大行政决策',
  'normative-doc': '行政规范性文件',
  petition: '信访',
  mediation: '人民调解',
  'annual-report': '年度报告',
};

export const YEAR_STATUS: Record<string, { label: string; color: string }> = {
  official: { label: '已核对', color: 'success' },
  unverified: { label: '未核实', color: 'warning' },
  draft: { label: '草稿', color: 'default' },
};

/** 《政府信息公开条例》第三十一条: how the date of receipt is determined, and which date the user enters. */
export const CHANNELS: { value: 'in_person' | 'registered_post' | 'ordinary_letter' | 'online' | 'fax'; label: string; dateField: 'submittedOn' | 'signedOn' | 'confirmedOn'; dateLabel: string }[] = [
  { value: 'in_person', label: '当面提交', dateField: 'submittedOn', dateLabel: '提交日期' },
  { value: 'registered_post', label: '邮寄（需签收）', dateField: 'signedOn', dateLabel: '签收日期' },
  { value: 'ordinary_letter', label: '平常信函', dateField: 'confirmedOn', dateLabel: '与申请人确认之日' },
  { value: 'online', label: '互联网', dateField: 'confirmedOn', dateLabel: '双方确认之日' },
  { value: 'fax', label: '传真', dateField: 'confirmedOn', dateLabel: '双方确认之日' },
];

const UNIT: Record<DeadlineRule['unit'], string> = { working_day: '个工作日', calendar_day: '日', month: '个月', fixed_date: '' };

/** “20个工作日（可延长20个工作日）” */
export function periodText(rule: DeadlineRule): string {
  if (rule.unit === 'fixed_date') return `次年${rule.fixedDate?.month}月${rule.fixedDate?.day}日`;
  const ext = rule.extension ? `（可延长${rule.extension.maxLength ?? ''}${rule.extension.maxLength ? UNIT[rule.unit] : ''}）` : '';
  return `${rule.direction === 'before' ? '提前' : ''}${rule.length}${UNIT[rule.unit]}${rule.kind === 'minimum' ? '（不少于）' : ''}${ext}`;
}

/** Select options grouped by module, in MODULE_LABELS order. */
export function ruleOptions(rules: DeadlineRule[]) {
  const order = Object.keys(MODULE_LABELS);
  const modules = [...new Set(rules.map((r) => r.module))].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return modules.map((m) => ({
    label: MODULE_LABELS[m] ?? m,
    title: MODULE_LABELS[m] ?? m,
    options: rules.filter((r) => r.module === m).map((r) => ({ value: r.id, label: `${r.name}（${periodText(r)}）`, search: `${r.id} ${r.name} ${r.basis.law}` })),
  }));
}
