/**
 * Writing audit events. Every write of the service layer calls `recordAudit` inside its own transaction, so the
 * record and its event commit or roll back together (house-style §5).
 */
import type { Ctx } from '../../core/context';
import { nowIso, type Tx } from '../../core/db/database';
import { hashEvent } from './audit.hash';
import type { AuditInput, FieldChanges } from './audit.types';

/**
 * Appends one hash-chained audit event in the caller's transaction. The single `audit_head` row is updated
 * first: on PostgreSQL that row lock serializes concurrent writers, so the chain stays linear across processes.
 */
export async function recordAudit(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, input: AuditInput): Promise<void> {
  const head = await tx
    .updateTable('audit_head')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['last_seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  const content = {
    occurred_at: nowIso(),
    actor_user_id: ctx.actor.userId,
    actor_name: ctx.actor.kind === 'system' ? `系统(${ctx.actor.username})` : ctx.actor.username,
    unit_id: input.unitId,
    ip: ctx.ip,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId === null ? null : String(input.entityId),
    summary: input.summary,
    changes: JSON.stringify(input.changes ?? {}),
  };
  const hash = hashEvent(head.last_hash, content);
  await tx.insertInto('audit_event').values({ ...content, seq: head.last_seq, prev_hash: head.last_hash, hash }).execute();
  await tx.updateTable('audit_head').set({ last_hash: hash }).where('id', '=', 1).execute();
}

/**
 * The changed fields between a record before and the values written. Only keys present in `after` are
 * compared, so a partial update is never logged as clearing the fields it did not touch.
 */
export function diffChanges<T extends Record<string, unknown>>(before: T | null, after: Partial<T>, omit: string[] = []): FieldChanges {
  const out: FieldChanges = {};
  for (const [k, v] of Object.entries(after)) {
    if (omit.includes(k) || v === undefined) continue;
    const old = before ? before[k] : null;
    if (JSON.stringify(old ?? null) !== JSON.stringify(v ?? null)) out[k] = [old ?? null, v ?? null];
  }
  return out;
}
