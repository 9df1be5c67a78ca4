/**
 * Table types for Kysely. Dates of law are `YYYY-MM-DD` text, instants are UTC ISO-8601 text, booleans are 0/1:
 * the same representation on SQLite and PostgreSQL.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type UnitStatus = 'active' | 'disabled';
export type DataScopeLevel = 'all' | 'custom' | 'unit' | 'unit_and_below' | 'self';

export interface OrgUnitTable {
  id: Generated<number>;
  parent_id: number | null;
  /** Materialized path of ids, `/1/12/37/`; a subtree is `path LIKE '/1/12/%'`. */
  path: string;
  depth: number;
  code: string;
  name: string;
  unit_type: string;
  sort_order: number;
  status: UnitStatus;
  remark: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  updated_by: number | null;
}

export interface OrgUnitHistoryTable {
  id: Generated<number>;
  unit_id: number;
  action: string;
  changed_at: string;
  changed_by: number | null;
  /** JSON snapshot of the unit after the change. */
  snapshot: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  unit_id: number;
  password_hash: string;
  status: UnitStatus;
  phone: string | null;
  must_change_password: number;
  last_login_at: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  updated_by: number | null;
}

export interface RoleTable {
  id: Generated<number>;
  code: string;
  name: string;
  data_scope: DataScopeLevel;
  /** JSON array of permission strings (`module:resource:action`, `*` wildcards allowed). */
  permissions: string;
  is_builtin: number;
  sort_order: number;
  status: UnitStatus;
  remark: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleUnitTable {
  role_id: number;
  unit_id: number;
}

export interface UserRoleTable {
  user_id: number;
  role_id: number;
}

export interface SessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  /** JSON array narrowing the user's permissions, or null for all of them. */
  permissions: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  occurred_at: string;
  success: number;
  reason: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  seq: number;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string;
  unit_id: number | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  /** JSON `{ field: [before, after] }`. */
  changes: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface JobRunTable {
  id: Generated<number>;
  job: string;
  period: string;
  owner: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  message: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface DocSequenceTable {
  unit_id: number;
  kind: string;
  year: number;
  last_no: number;
}

export interface RateLimitHitTable {
  id: Generated<number>;
  bucket: string;
  occurred_at: string;
}

export interface GiProactiveItemTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  index_no: string;
  category: string;
  table2_kind: string | null;
  table2_amount: number | null;
  formed_on: string;
  published_on: string | null;
  channel: string | null;
  url: string | null;
  summary: string | null;
  status: 'draft' | 'published' | 'withdrawn';
  due_on: string;
  is_late: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  updated_by: number | null;
}

export interface GiRequestTable {
  id: Generated<number>;
  unit_id: number;
  tracking_code: string;
  source: 'staff' | 'portal';
  channel: string;
  applicant_type: string;
  applicant_name: string;
  applicant_id_no: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  content: string;
  form: string;
  delivery: string;
  handler_id: number | null;
  received_on: string;
  state: string;
  due_on: string | null;
  outcome: string | null;
  outcome_sub: number | null;
  closed_on: string | null;
  is_extended: number;
  is_provisional: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface GiRequestEventTable {
  id: Generated<number>;
  request_id: number;
  seq: number;
  type: string;
  occurred_on: string;
  payload: string;
  doc_no: string | null;
  created_at: string;
  created_by: number | null;
}

export interface GiReviewCaseTable {
  id: Generated<number>;
  unit_id: number;
  request_id: number | null;
  kind: string;
  case_no: string;
  filed_on: string;
  result: string;
  closed_on: string | null;
  remark: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface GiReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  version: number;
  report_kind: 'department' | 'government';
  status: 'draft' | 'approved' | 'published';
  title: string;
  sections: string;
  tables: string;
  created_at: string;
  created_by: number | null;
  approved_at: string | null;
  approved_by: number | null;
  published_at: string | null;
}

export interface CalendarYearTable {
  year: number;
  status: 'official' | 'unverified' | 'draft';
  /** JSON of the normalised arrangement (CALENDAR-FORMAT.md). */
  arrangement: string;
  source_title: string;
  doc_no: string | null;
  /** Incremented on every change. */
  revision: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  updated_by: number | null;
}

export interface CalendarOverrideTable {
  id: Generated<number>;
  unit_id: number;
  date: string;
  kind: 'off' | 'work';
  reason: string;
  created_at: string;
  created_by: number | null;
}

export interface CalendarUnitSettingTable {
  unit_id: number;
  /** 1 = does not follow 调休上班, 0 = follows it, null = inherit. */
  ignores_adjusted_workdays: number | null;
  /** JSON RuleConfig for the unit subtree, or null. */
  rule_config: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface DB {
  org_unit: OrgUnitTable;
  org_unit_history: OrgUnitHistoryTable;
  app_user: UserTable;
  role: RoleTable;
  role_unit: RoleUnitTable;
  user_role: UserRoleTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  job_run: JobRunTable;
  setting: SettingTable;
  doc_sequence: DocSequenceTable;
  rate_limit_hit: RateLimitHitTable;
  gi_proactive_item: GiProactiveItemTable;
  gi_request: GiRequestTable;
  gi_request_event: GiRequestEventTable;
  gi_review_case: GiReviewCaseTable;
  gi_report: GiReportTable;
  calendar_year: CalendarYearTable;
  calendar_override: CalendarOverrideTable;
  calendar_unit_setting: CalendarUnitSettingTable;
}

export type OrgUnit = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitUpdate = Updateable<OrgUnitTable>;
export type User = Selectable<UserTable>;
export type Role = Selectable<RoleTable>;
export type AuditEvent = Selectable<AuditEventTable>;
