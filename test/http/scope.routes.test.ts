/**
 * Data scope over every route. The probes are generated from the app's route table: a route added later is
 * probed automatically, and a scoped route whose resource has no fixture here fails the test.
 * A clerk of township A (and a township-A user holding every permission with scope 本单位) must not read,
 * list, count, export or change township B's records by any route.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/core/excel';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../helpers/db';
import { buildWorld, PASSWORD, systemCtx, type World } from '../helpers/fixtures';
import { call, signIn, testApp, type Session } from '../helpers/http';
import { createUser, updateUser } from '../../src/modules/org/user.service';
import { updateUnit } from '../../src/modules/org/unit.service';
import { appendRequestEvent, createRequest } from '../../src/modules/disclosure/request.service';
import { createProactiveItem } from '../../src/modules/disclosure/proactive.service';
import { createReviewCase } from '../../src/modules/disclosure/review.service';
import { saveReportVersion } from '../../src/modules/disclosure/report.service';
import { createOverride } from '../../src/modules/calendar/calendar.service';

/** Marker in the names of township B's records: no response to A may contain it. */
const MARK = 'ZZB';

interface ResourceFixture {
  /** Creates a township-B record (its text carries MARK) and, for the positive control, a township-A record. */
  seed: (t: TestDb, w: World) => Promise<{ other: number; own?: number }>;
  /** A create body that targets township B. */
  createInOther?: (w: World) => unknown;
}

const requestIn = (unitId: number, content: string) => ({ unitId, channel: 'in_person' as const, submittedOn: '2026-01-05', applicantType: 'natural' as const, applicantName: content.startsWith(MARK) ? `${MARK}申请人` : '甲申请人', applicantPhone: '13900000000', content, form: 'electronic' as const, delivery: 'email' as const });

const FIXTURES: Record<string, ResourceFixture> = {
  unit: {
    seed: async (_t, w) => ({ other: w.townB, own: w.townA }),
    createInOther: (w) => ({ parentId: w.townB, code: 'PROBE-U', name: '越权单位', unitType: 'other' }),
  },
  user: {
    seed: async (_t, w) => ({ other: w.users.clerkB, own: w.users.clerkA }),
    createInOther: (w) => ({ username: 'probe_user', displayName: '越权用户', unitId: w.townB, roleIds: [] }),
  },
  audit: { seed: async () => ({ other: 0 }) },
  'login-log': { seed: async () => ({ other: 0 }) },
  'gi-request': {
    seed: async (t, w) => {
      const ctx = systemCtx(t);
      const b = await createRequest(ctx, requestIn(w.townB, `${MARK}乙镇的申请内容`));
      await appendRequestEvent(ctx, b.id, { type: 'answered', date: '2026-01-06', outcome: 'disclosed', reply: `${MARK}答复` });
      const a = await createRequest(ctx, requestIn(w.townA, '甲镇的申请内容'));
      return { other: b.id, own: a.id };
    },
    createInOther: (w) => requestIn(w.townB, '越权登记的申请'),
  },
  'gi-proactive': {
    seed: async (t, w) => {
      const ctx = systemCtx(t);
      const item = (unitId: number, title: string, indexNo: string) => createProactiveItem(ctx, { unitId, title, indexNo, category: 'a20_1', formedOn: '2026-01-05' });
      return { other: (await item(w.townB, `${MARK}乙镇文件`, 'B-2026-001')).id, own: (await item(w.townA, '甲镇文件', 'A-2026-001')).id };
    },
    createInOther: (w) => ({ unitId: w.townB, title: '越权公开', indexNo: 'PROBE-1', category: 'a20_2', formedOn: '2026-01-05' }),
  },
  'gi-review': {
    seed: async (t, w) => {
      const ctx = systemCtx(t);
      const c = (unitId: number, caseNo: string) => createReviewCase(ctx, { unitId, kind: 'reconsideration', caseNo, filedOn: '2026-02-01', result: 'pending' });
      return { other: (await c(w.townB, `${MARK}复议1号`)).id, own: (await c(w.townA, '甲复议1号')).id };
    },
    createInOther: (w) => ({ unitId: w.townB, kind: 'reconsideration', caseNo: 'PROBE', filedOn: '2026-02-01', result: 'pending' }),
  },
  'gi-report': {
    seed: async (t, w) => {
      const ctx = systemCtx(t);
      const save = (unitId: number, title: string) => saveReportVersion(ctx, { unitId, year: 2026, reportKind: 'government', title, sections: { overview: '总体', problems: '问题', other: '其他' } });
      return { other: (await save(w.townB, `${MARK}乙镇2026年报告`)).id, own: (await save(w.townA, '甲镇2026年报告')).id };
    },
    createInOther: (w) => ({ unitId: w.townB, year: 2026, reportKind: 'government', title: '越权报告', sections: { overview: 'x', problems: 'x', other: 'x' } }),
  },
  'calendar-override': {
    seed: async (t, w) => {
      const add = (unitId: number, date: string, reason: string) => createOverride(systemCtx(t), { unitId, date, kind: 'off', reason });
      return { other: (await add(w.townB, '2026-03-02', `${MARK}乙街道调整`)).id, own: (await add(w.townA, '2026-03-03', '甲镇调整')).id };
    },
    createInOther: (w) => ({ unitId: w.townB, date: '2026-03-04', kind: 'off', reason: '越权调整' }),
  },
  'calendar-unit': { seed: async (_t, w) => ({ other: w.townB, own: w.townA }) },
  'calendar-deadline': {
    seed: async () => ({ other: 0 }),
    createInOther: (w) => ({ ruleId: 'disclosure.reply', start: '2023-09-25', unitId: w.townB }),
  },
};

/** A body that passes validation for update-like routes, so that the scope check is what stops them. */
const UPDATE_BODIES: Record<string, unknown> = {
  '/api/units/:id': { name: '被改名' },
  '/api/units/:id/move': { parentId: 1 },
  '/api/units/:id/status': { status: 'disabled' },
  '/api/users/:id': { displayName: '被改名' },
  '/api/users/:id/status': { status: 'disabled' },
  '/api/users/:id/reset-password': { password: 'Hacked12345' },
  '/api/disclosure/requests/:id/events': { type: 'supplement_requested', date: '2026-01-06', items: '越权补正' },
  '/api/disclosure/proactive/:id/publish': { publishedOn: '2026-01-06' },
  '/api/calendar/units/:id/settings': { ignoresAdjustedWorkdays: true },
  '/api/calendar/units/:id/settings/preview': { ignoresAdjustedWorkdays: true },
  '/api/calendar/units/:id/rule-config': { config: {} },
};

async function responseText(r: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }) {
  if (String(r.headers['content-type'] ?? '').includes('spreadsheetml')) return (await readXlsx(r.rawPayload)).flat().join('\n').toUpperCase();
  return r.body.toUpperCase();
}

describe.each(TEST_DIALECTS)('data scope of every route on %s', (dialect) => {
  let t: TestDb;
  let w: World;
  let app: FastifyInstance;
  const probes: { name: string; s: Session }[] = [];
  let tokenOfB = 0;
  const seeded = new Map<string, { other: number; own?: number }>();

  const lastSeq = async () => (await t.database.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    w = await buildWorld(t);
    const ctx = systemCtx(t);
    // 乙的记录都带上标记，便于在任何响应中搜索
    await updateUnit(ctx, w.townB, { name: `${MARK}乙街道办事处` });
    await updateUser(ctx, w.users.clerkB, { displayName: `${MARK}乙经办` });
    await createUser(ctx, { username: 'zzb_extra', displayName: `${MARK}乙另一人`, unitId: w.townB, roleIds: [], password: PASSWORD });
    for (const [name, fx] of Object.entries(FIXTURES)) seeded.set(name, await fx.seed(t, w));
    app = await testApp(t);
    const b = await signIn(app, 'clerk_b', PASSWORD);
    await signIn(app, 'zzb_extra', PASSWORD).catch(() => undefined); // 乙的登录日志（无角色，登录被拒也会记录）
    tokenOfB = (await call(app, b, 'POST', '/api/auth/tokens', { name: `${MARK}令牌` })).json().id;
    probes.push({ name: 'clerk of A', s: await signIn(app, 'clerk_a', PASSWORD) });
    probes.push({ name: 'all-permission user of A with scope 本单位', s: await signIn(app, 'super_a', PASSWORD) });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('should declare access on every API route and have a fixture for every scoped resource', () => {
    expect(app.routeTable.length).toBeGreaterThan(15);
    for (const r of app.routeTable) {
      expect(r.access, `${r.method} ${r.url}`).toBeDefined();
      if (r.access?.kind === 'scoped') expect(FIXTURES[r.access.resource], `fixture for resource ${r.access.resource}`).toBeDefined();
    }
  });

  it('should keep township B out of reach of township A on every route', async () => {
    const failures: string[] = [];
    let probed = 0;
    for (const route of app.routeTable) {
      const access = route.access!;
      if (access.kind === 'public') continue;
      const hasId = route.url.includes(':id');
      for (const p of probes) {
        const label = `${p.name}: ${route.method} ${route.url}`;
        const seq0 = await lastSeq();
        if (access.kind === 'self') {
          if (!hasId) continue;
          // 本人资源：拿乙的令牌 id 试探
          const r = await call(app, p.s, route.method, route.url.replace(':id', String(tokenOfB)));
          probed++;
          if (r.statusCode !== 404) failures.push(`${label} → ${r.statusCode}, expected 404`);
        } else if (access.kind === 'global') {
          const r = await call(app, p.s, route.method, route.url.replace(':id', '1'), route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
          probed++;
          const readOnly = access.op === 'list' || access.op === 'get';
          if (!readOnly && r.statusCode < 400) failures.push(`${label} → ${r.statusCode}: platform config changed by a unit-scoped user`);
          const text = await responseText(r);
          if (text.includes(MARK)) failures.push(`${label} leaked township B data`);
        } else {
          const fx = FIXTURES[access.resource];
          const ids = seeded.get(access.resource)!;
          // 其他路径参数（如文书序号）填入乙的记录确实存在的值，确保被拦下的原因是数据权限
          const withIds = (id: number) => route.url.replace(':id', String(id)).replace(/:[a-z]+/gi, '2');
          if (hasId) {
            const url = withIds(ids.other);
            const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : UPDATE_BODIES[route.url] ?? {};
            const r = await call(app, p.s, route.method, url, body);
            probed++;
            if (![403, 404].includes(r.statusCode)) failures.push(`${label} with B's id → ${r.statusCode} ${r.body.slice(0, 120)}`);
            if ((await responseText(r)).includes(MARK)) failures.push(`${label} leaked township B data`);
            // 正向对照：同一路由读本单位的记录应当成功，否则本测试什么也没证明
            if (route.method === 'GET' && ids.own && p.name.startsWith('all-permission') && !route.url.includes(':seq')) {
              const ok = await call(app, p.s, 'GET', withIds(ids.own));
              if (ok.statusCode !== 200) failures.push(`${label} with A's own id → ${ok.statusCode} (positive control failed)`);
            }
          } else if (route.method === 'GET') {
            for (const q of ['', '?format=xlsx', `?unitId=${w.townB}`, `?unitId=${w.townB}&format=xlsx`, `?q=${MARK}`, `?unitId=${w.townB}&year=2026`, `?unitId=${w.townB}&year=2026&rollup=1&row=new&col=total`, `?unitId=${w.rootId}&year=2026&rollup=1&row=new&col=total`, `?unitId=${w.townA}&year=2026&rollup=1`]) {
              const r = await call(app, p.s, 'GET', route.url + q);
              probed++;
              if (r.statusCode >= 500) failures.push(`${label}${q} → ${r.statusCode}`);
              if ((await responseText(r)).includes(MARK)) failures.push(`${label}${q} leaked township B data`);
            }
          } else {
            const body = fx.createInOther?.(w);
            if (!body) {
              failures.push(`${label}: no createInOther fixture for ${access.resource}`);
              continue;
            }
            const r = await call(app, p.s, route.method, route.url, body);
            probed++;
            if (r.statusCode < 400) failures.push(`${label} created a record in township B → ${r.statusCode}`);
          }
        }
        // 被拒绝的请求不得写入任何东西：每次写入都会留下审计事件
        if ((await lastSeq()) !== seq0) failures.push(`${label} wrote something (audit seq moved)`);
      }
    }
    expect(failures).toEqual([]);
    expect(probed).toBeGreaterThan(40);
  });

  it('should still show township A its own records on the list routes (positive control)', async () => {
    const s = probes[1].s;
    const units = await call(app, s, 'GET', '/api/units');
    expect(units.json().items.map((u: { id: number }) => u.id)).toEqual([w.townA]);
    const users = await call(app, s, 'GET', '/api/users');
    expect(users.json().total).toBeGreaterThanOrEqual(4);
    const audit = await call(app, s, 'GET', '/api/audit/events');
    expect(audit.json().total).toBeGreaterThan(0);
    const requests = await call(app, s, 'GET', '/api/disclosure/requests');
    expect(requests.json().total).toBe(1);
    const report = await call(app, s, 'GET', `/api/disclosure/report?unitId=${w.townA}&year=2026`);
    expect(report.json().table3.new.total).toBe(1);
  });
});
