/**
 * The sample district: a district government with its 依法治区办 and 司法局, departments, townships and streets,
 * and a user of every role. Work lines append their sample records through `DEMO_CONTRIBUTORS`.
 * Everything goes through the services, so the demo is audited like real work.
 */
import type { Ctx } from '../../core/context';
import { nowIso } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { roleRepo, unitRepo } from '../org/org.repo';
import { createUnit, updateUnit } from '../org/unit.service';
import { createUser } from '../org/user.service';
import { disclosureDemo } from '../disclosure/disclosure.demo';
import type { UnitTypeCode } from '../../shared/permissions';

export const DEMO_PASSWORD = process.env.FAZHI_DEMO_PASSWORD || 'Fazhi2026demo';

/** A work line's contribution to the demo: called once after units and users exist. */
export type DemoContributor = (ctx: Ctx, units: Map<string, number>, users: Map<string, number>) => Promise<void>;
export const DEMO_CONTRIBUTORS: DemoContributor[] = [disclosureDemo];

const UNITS: { code: string; name: string; type: UnitTypeCode; parent?: string }[] = [
  { code: 'QS-YFZQB', name: '中共青山区委全面依法治区委员会办公室', type: 'office' },
  { code: 'QS-SFJ', name: '青山区司法局', type: 'department' },
  { code: 'QS-SCJG', name: '青山区市场监督管理局', type: 'department' },
  { code: 'QS-ZJJ', name: '青山区住房和城乡建设局', type: 'department' },
  { code: 'QS-RSJ', name: '青山区人力资源和社会保障局', type: 'department' },
  { code: 'QS-CGJ', name: '青山区城市管理综合行政执法局', type: 'department' },
  { code: 'QS-JYJ', name: '青山区教育局', type: 'department' },
  { code: 'QS-CGJD', name: '城关街道办事处', type: 'street' },
  { code: 'QS-DHJD', name: '东湖街道办事处', type: 'street' },
  { code: 'QS-XSJD', name: '西山街道办事处', type: 'street' },
  { code: 'QS-NLZ', name: '南岭镇人民政府', type: 'township' },
  { code: 'QS-BPZ', name: '北坡镇人民政府', type: 'township' },
  { code: 'QS-QSX', name: '青石乡人民政府', type: 'township' },
  { code: 'QS-NLZ-SFS', name: '南岭镇司法所', type: 'other', parent: 'QS-NLZ' },
];

const USERS: { username: string; name: string; unit: string; role: string }[] = [
  // 依法治区办督办全区：账号挂在区政府一级，“本单位及以下”即全区
  { username: 'yfzq', name: '周依法', unit: 'ROOT', role: 'supervisor' },
  { username: 'yfzq_clerk', name: '孙办事', unit: 'QS-YFZQB', role: 'clerk' },
  { username: 'sfj_admin', name: '吴司法', unit: 'QS-SFJ', role: 'unit_admin' },
  { username: 'sfj_reviewer', name: '郑审核', unit: 'QS-SFJ', role: 'reviewer' },
  { username: 'leader', name: '王区长', unit: 'ROOT', role: 'leader' },
  { username: 'scjg_lly', name: '冯联络', unit: 'QS-SCJG', role: 'unit_admin' },
  { username: 'scjg_officer', name: '陈执法', unit: 'QS-SCJG', role: 'officer' },
  { username: 'cgj_officer', name: '褚执法', unit: 'QS-CGJ', role: 'officer' },
  { username: 'cgjd_clerk', name: '卫经办', unit: 'QS-CGJD', role: 'clerk' },
  { username: 'dhjd_clerk', name: '蒋经办', unit: 'QS-DHJD', role: 'clerk' },
  { username: 'nlz_clerk', name: '沈经办', unit: 'QS-NLZ', role: 'clerk' },
  { username: 'nlz_lly', name: '韩联络', unit: 'QS-NLZ', role: 'unit_admin' },
  { username: 'bpz_clerk', name: '杨经办', unit: 'QS-BPZ', role: 'clerk' },
];

/** Loads the demo district into the database of `ctx` (as the system actor). */
export async function loadDemo(ctx: Ctx, opts: { skipIfLoaded?: boolean } = {}) {
  const loaded = await ctx.db.selectFrom('setting').select('value').where('key', '=', 'demo.loaded').executeTakeFirst();
  if (loaded) {
    if (opts.skipIfLoaded) return { skipped: true as const };
    throw new AppError('INVALID_STATE', { message: `示例数据已于 ${loaded.value} 载入，不能重复载入` });
  }
  const root = await ctx.db.selectFrom('org_unit').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  await updateUnit(ctx, root.id, { name: '青山区人民政府', unitType: 'district' });
  const units = new Map<string, number>([['ROOT', root.id], [root.code, root.id]]);
  for (const [i, u] of UNITS.entries()) {
    const existing = await unitRepo.findByCode(ctx.db, u.code);
    const created = existing ?? (await createUnit(ctx, { parentId: units.get(u.parent ?? 'ROOT')!, code: u.code, name: u.name, unitType: u.type, sortOrder: i + 1 }));
    units.set(u.code, created.id);
  }
  const users = new Map<string, number>();
  const list: { username: string; role: string; unit: string }[] = [];
  for (const u of USERS) {
    const role = await roleRepo.findByCode(ctx.db, u.role);
    const existing = await ctx.db.selectFrom('app_user').select('id').where('username', '=', u.username).executeTakeFirst();
    const id = existing?.id ?? (await createUser(ctx, { username: u.username, displayName: u.name, unitId: units.get(u.unit)!, roleIds: role ? [role.id] : [], password: DEMO_PASSWORD })).user.id;
    await ctx.db.updateTable('app_user').set({ must_change_password: 0 }).where('id', '=', id).execute();
    users.set(u.username, id);
    list.push({ username: u.username, role: role?.name ?? u.role, unit: UNITS.find((x) => x.code === u.unit)?.name ?? '青山区人民政府' });
  }
  for (const contribute of DEMO_CONTRIBUTORS) await contribute(ctx, units, users);
  await ctx.db.insertInto('setting').values({ key: 'demo.loaded', value: nowIso(), updated_at: nowIso() }).execute();
  return { skipped: false as const, districtName: '青山区人民政府', units: units.size - 1, users: list, password: DEMO_PASSWORD };
}
