/**
 * Audit event shapes. Stored as JSON in `audit_event.changes`: any change here may need a migration of old rows.
 */

/** `{ field: [before, after] }` — only fields whose value changed. */
export type FieldChanges = Record<string, [unknown, unknown]>;

export interface AuditInput {
  /** The permission-style action, e.g. `org:unit:create`. */
  action: string;
  /** The aggregate, e.g. `unit`, `user`, `role`. */
  entityType: string;
  entityId: string | number | null;
  /** The unit the record belongs to (drives who may read the event). */
  unitId: number | null;
  /** One line in Chinese, e.g. `新增单位 城关街道`. */
  summary: string;
  changes?: FieldChanges;
}
