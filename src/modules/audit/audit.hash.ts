/**
 * The hash chain of audit events: each event's hash covers its content and the previous event's hash, so an
 * edited, deleted or reordered event breaks the chain at a place `fazhi audit verify` can name.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string;
  unit_id: number | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  changes: string;
}

/** sha256 over the previous hash and the event's fields in a fixed order. */
export function hashEvent(prevHash: string, e: HashedContent): string {
  const canonical = JSON.stringify([
    e.occurred_at,
    e.actor_user_id,
    e.actor_name,
    e.unit_id,
    e.ip,
    e.action,
    e.entity_type,
    e.entity_id,
    e.summary,
    e.changes,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
