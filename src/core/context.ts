/**
 * The request context every use-case receives: the database, who acts (resolved once per request) and from where.
 */
import type { AppConfig } from './config';
import type { Db, Dialect } from './db/database';
import type { DataScopeCode } from '../shared/permissions';
import { hasPermission } from '../shared/permissions';
import { AppError } from './errors';

/**
 * The resolved data scope of an actor: the union over all its active roles (the widest wins, as in RuoYi).
 * With no role at all, everything is empty and the actor sees nothing (deny by default).
 */
export interface DataScope {
  all: boolean;
  /** Units granted one by one (本单位, 自定). */
  unitIds: number[];
  /** Materialized paths whose whole subtree is granted (本单位及以下). */
  subtreePaths: string[];
  /** The user whose own records are granted (仅本人), or null. */
  selfUserId: number | null;
}

export interface Actor {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  userId: number | null;
  username: string;
  displayName: string;
  unitId: number | null;
  unitName: string | null;
  unitPath: string | null;
  roles: { code: string; name: string; dataScope: DataScopeCode }[];
  permissions: string[];
  scope: DataScope;
  /** Session id (sha256) when signed in by cookie; null for tokens and the system. */
  sessionId: string | null;
  csrfToken: string | null;
  /** Signed in with a one-time or reset password: only the auth routes are open until it is changed. */
  mustChangePassword?: boolean;
}

export interface Ctx {
  db: Db;
  dialect: Dialect;
  config: AppConfig;
  actor: Actor;
  ip: string | null;
}

export const EMPTY_SCOPE: DataScope = { all: false, unitIds: [], subtreePaths: [], selfUserId: null };

export const anonymousActor = (): Actor => ({
  kind: 'anonymous',
  userId: null,
  username: 'anonymous',
  displayName: '公众',
  unitId: null,
  unitName: null,
  unitPath: null,
  roles: [],
  permissions: [],
  scope: EMPTY_SCOPE,
  sessionId: null,
  csrfToken: null,
});

/** The actor of CLI commands and scheduled jobs: every permission, every unit; its writes are audited as 系统. */
export const systemActor = (name = 'system'): Actor => ({
  kind: 'system',
  userId: null,
  username: name,
  displayName: name === 'system' ? '系统' : name,
  unitId: null,
  unitName: null,
  unitPath: null,
  roles: [{ code: 'system', name: '系统', dataScope: 'all' }],
  permissions: ['*'],
  scope: { all: true, unitIds: [], subtreePaths: [], selfUserId: null },
  sessionId: null,
  csrfToken: null,
});

/** Whether the actor holds a permission. */
export const can = (actor: Actor, permission: string) => hasPermission(actor.permissions, permission);

/** Throws FORBIDDEN unless the actor holds the permission (UNAUTHENTICATED for the public). */
export function authorize(actor: Actor, permission: string): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', { details: { permission } });
}

/** Whether the unit with this path is inside the actor's scope (used to check a target unit before writing). */
export function scopeCoversUnit(scope: DataScope, unit: { id: number; path: string }): boolean {
  if (scope.all) return true;
  if (scope.unitIds.includes(unit.id)) return true;
  return scope.subtreePaths.some((p) => unit.path.startsWith(p));
}
