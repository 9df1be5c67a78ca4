/**
 * The open deadlines of 政务公开 for calendar changes: every request whose reply period is still running.
 * A calendar import lists the ones that move and refreshes their cached projection in its transaction.
 */
import type { DeadlineSource } from '../../core/deadline-sources';
import { todayCn } from '../../core/dates';
import { projectRequest } from './request.projection';
import { refreshRequestProjections } from './request.service';
import type { RequestEventType } from '../../shared/disclosure';
import { getRulesForUnit } from '../calendar/calendar.service';

export const disclosureDeadlineSource: DeadlineSource = {
  name: 'disclosure-request',
  async listOpen(db) {
    const reqs = await db.selectFrom('gi_request').select(['id', 'unit_id', 'tracking_code', 'due_on']).where('state', '!=', 'closed').execute();
    if (reqs.length === 0) return [];
    const events = await db.selectFrom('gi_request_event').selectAll().where('request_id', 'in', reqs.map((r) => r.id)).orderBy('request_id').orderBy('seq').execute();
    const rulesByUnit = new Map<number, Awaited<ReturnType<typeof getRulesForUnit>>>();
    for (const u of new Set(reqs.map((r) => r.unit_id))) rulesByUnit.set(u, await getRulesForUnit(db, u));
    const today = todayCn();
    return reqs.map((r) => {
      const evs = events.filter((e) => e.request_id === r.id).map((e) => ({ seq: e.seq, type: e.type as RequestEventType, occurredOn: e.occurred_on, payload: JSON.parse(e.payload) }));
      return {
        key: `disclosure-request:${r.id}`,
        unitId: r.unit_id,
        label: `依申请公开 ${r.tracking_code}`,
        ruleId: 'disclosure.reply',
        currentDue: r.due_on,
        dueOn: (calendar) => projectRequest(evs, calendar, { rules: rulesByUnit.get(r.unit_id), today, trace: false }).due,
      };
    });
  },
  async refresh(tx, keys) {
    await refreshRequestProjections(tx, keys.filter((k) => k.startsWith('disclosure-request:')).map((k) => Number(k.split(':')[1])));
  },
};
