/**
 * Shapes of the API responses the web app uses (see /api/docs/json).
 */

export interface CurrentUser {
  userId: number | null;
  username: string;
  displayName: string;
  unitId: number | null;
  unitName: string | null;
  roles: { code: string; name: string; dataScope: string }[];
  permissions: string[];
  dataScope: { all: boolean; unitIds: number[]; subtreePaths: string[]; self: boolean };
  csrfToken: string | null;
}

export interface LoginResult {
  user: CurrentUser;
  mustChangePassword: boolean;
}

export type Status = 'active' | 'disabled';

export interface Unit {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  code: string;
  name: string;
  unitType: string;
  sortOrder: number;
  status: Status;
  remark: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UnitHistoryItem {
  id: number;
  action: string;
  changedAt: string;
  changedBy: number | null;
  snapshot: Partial<Unit> & Record<string, unknown>;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string | null;
  status: Status;
  phone: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  roles: { id: number; code: string; name: string }[];
}

export interface Role {
  id: number;
  code: string;
  name: string;
  dataScope: string;
  permissions: string[];
  customUnitIds: number[];
  isBuiltin: boolean;
  status: Status;
  sortOrder: number;
  remark: string | null;
}

export interface AuditEvent {
  id: number;
  seq: number;
  occurredAt: string;
  actorUserId?: number | null;
  actorName: string;
  unitId?: number | null;
  unitName: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  changes: Record<string, [unknown, unknown]>;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  problems: { kind: string; seq: number; eventId: number; message: string }[];
}

export interface LoginLogItem {
  id: number;
  username: string;
  ip: string;
  occurred_at: string;
  success: number;
  reason: string | null;
}

export interface ApiTokenItem {
  id: number;
  name: string;
  token_prefix: string;
  permissions: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface PortalSite {
  title: string;
  sections: { key: string; title: string; available: boolean }[];
}
