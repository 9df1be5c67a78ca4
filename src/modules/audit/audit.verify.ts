/**
 * Verifies the audit hash chain and names each event that was edited, deleted or reordered.
 */
import type { DbOrTx } from '../../core/db/database';
import { GENESIS_HASH, hashEvent } from './audit.hash';

export interface ChainProblem {
  kind: 'edited' | 'deleted' | 'reordered' | 'broken';
  seq: number;
  eventId: number | null;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: ChainProblem[];
}

/** Reads the whole log in `seq` order, in pages, and checks every link of the chain. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 2000): Promise<VerifyResult> {
  const problems: ChainProblem[] = [];
  const byHash = new Map<string, number>(); // hash → seq, to tell a reordered event from a missing one
  const links: { seq: number; id: number; prevHash: string }[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    for (const e of rows) {
      checked++;
      lastSeq = e.seq;
      byHash.set(e.hash, e.seq);
      links.push({ seq: e.seq, id: e.id, prevHash: e.prev_hash });
      if (hashEvent(e.prev_hash, e) !== e.hash) {
        problems.push({ kind: 'edited', seq: e.seq, eventId: e.id, message: `第 ${e.seq} 号事件（id ${e.id}，${e.action}）的内容与其哈希不符：记录被修改` });
      }
      if (e.seq > expectedSeq) {
        problems.push({
          kind: 'deleted',
          seq: expectedSeq,
          eventId: null,
          message: `缺少第 ${expectedSeq}${e.seq - 1 > expectedSeq ? `–${e.seq - 1}` : ''} 号事件：记录被删除（其后为 id ${e.id}）`,
        });
      } else if (e.prev_hash !== prevHash) {
        problems.push({ kind: 'broken', seq: e.seq, eventId: e.id, message: '' });
      }
      expectedSeq = e.seq + 1;
      prevHash = e.hash;
    }
  }
  // Name each broken link: reordered if the event it should follow exists elsewhere, else the previous one was altered.
  for (const p of problems) {
    if (p.kind !== 'broken') continue;
    const link = links.find((l) => l.seq === p.seq)!;
    const shouldFollow = byHash.get(link.prevHash);
    if (shouldFollow !== undefined) {
      p.kind = 'reordered';
      p.message = `第 ${p.seq} 号事件（id ${p.eventId}）应紧接第 ${shouldFollow} 号事件之后：顺序被调换`;
    } else {
      p.message = `第 ${p.seq} 号事件（id ${p.eventId}）与前一事件的链接断开：前一事件被修改或删除`;
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && head.last_seq > lastSeq) {
    problems.push({ kind: 'deleted', seq: lastSeq + 1, eventId: null, message: `缺少第 ${lastSeq + 1}–${head.last_seq} 号事件：日志末尾的记录被删除` });
  } else if (head && checked > 0 && head.last_hash !== prevHash && !problems.length) {
    problems.push({ kind: 'edited', seq: lastSeq, eventId: null, message: `最后一个事件（第 ${lastSeq} 号）与链头记录不符` });
  }
  return { ok: problems.length === 0, checked, problems };
}
