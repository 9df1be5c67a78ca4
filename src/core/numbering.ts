/**
 * Per-unit document-number sequences (发文编号): one counter per unit, kind and year, advanced in the caller's
 * transaction. The UPDATE takes the row lock, so two processes never hand out the same number.
 */
import type { Tx } from './db/database';

/** Returns the next number of the sequence (1, 2, …), creating the sequence on first use. */
export async function nextNumber(tx: Tx, unitId: number, kind: string, year: number): Promise<number> {
  const bump = () =>
    tx
      .updateTable('doc_sequence')
      .set((eb) => ({ last_no: eb('last_no', '+', 1) }))
      .where('unit_id', '=', unitId)
      .where('kind', '=', kind)
      .where('year', '=', year)
      .returning('last_no')
      .executeTakeFirst();
  const r = await bump();
  if (r) return r.last_no;
  await tx
    .insertInto('doc_sequence')
    .values({ unit_id: unitId, kind, year, last_no: 0 })
    .onConflict((oc) => oc.columns(['unit_id', 'kind', 'year']).doNothing())
    .execute();
  return (await bump())!.last_no;
}
