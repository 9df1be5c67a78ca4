/**
 * Implementations of the platform commands (loaded only when a command runs, so `--help` starts fast).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openFromConfig, prepareDatabase } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import { systemActor, type Ctx } from '../core/context';
import type { Database_ } from '../core/db/database';
import { migrateToLatest } from '../core/db/migrate';
import { AppError } from '../core/errors';
import { PLATFORM_JOBS, startScheduler } from '../core/jobs';
import { verifyAuditChain } from '../modules/audit/audit.verify';
import { loadDemo } from '../modules/demo/demo.service';
import { roleRepo, unitRepo, userRepo } from '../modules/org/org.repo';
import { UnitCreateSchema, UserCreateSchema } from '../modules/org/org.schema';
import { createUnit } from '../modules/org/unit.service';
import { createUser, resetUserPassword, setUserStatus } from '../modules/org/user.service';
import { buildApp } from '../server/app';

/** Opens and prepares the configured database, runs `fn` as the system actor, then closes it. */
export async function withSystemCtx<T>(fn: (ctx: Ctx, database: Database_) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openFromConfig(config);
  try {
    const { adminPassword } = await prepareDatabase(database, config);
    if (adminPassword) printAdminPassword(adminPassword);
    return await fn({ db: database.db, dialect: database.dialect, config, actor: systemActor('cli'), ip: null }, database);
  } finally {
    await database.close();
  }
}

function printAdminPassword(pw: string) {
  console.log('\n==============================================');
  console.log(' 已创建系统管理员账号  用户名: admin');
  console.log(` 一次性密码: ${pw}`);
  console.log(' 首次登录后请立即修改密码。');
  console.log('==============================================\n');
}

/** Prints an error for a person (never a stack trace) and sets exit code 2. */
export function cliFail(err: unknown): never {
  if (err instanceof AppError) {
    console.error(`错误 [${err.code}]：${err.message}`);
    for (const f of err.fields ?? []) console.error(`  - ${f.field}：${f.message}`);
  } else console.error(`错误：${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}

const parseOr = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, v: unknown): T => {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  throw new AppError('VALIDATION_FAILED', { message: '参数不正确', fields: r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) });
};


const userByName = async (ctx: Ctx, username: string) => {
    const u = await userRepo.findByUsername(ctx.db, username);
    if (!u) throw new AppError('NOT_FOUND', { message: `用户 ${username} 不存在` });
    return u;
  };

/** `fazhi` serve. */
export async function serve(): Promise<void> {
      const config = loadConfig();
      const database = openFromConfig(config);
      try {
        const { adminPassword } = await prepareDatabase(database, config);
        if (adminPassword) printAdminPassword(adminPassword);
        const app = await buildApp({ config, database });
        await app.listen({ port: config.port, host: config.host });
        const stop = startScheduler(database, config, PLATFORM_JOBS);
        console.log(`Fazhi 已启动：http://localhost:${config.port}  （数据库：${database.dialect === 'postgres' ? 'PostgreSQL' : database.file}）`);
        const shutdown = async () => {
          stop();
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      } catch (err) {
        await database.close().catch(() => undefined);
        cliFail(err);
      }
}

/** `fazhi` migrate. */
export async function migrate(): Promise<void> {
      const config = loadConfig();
      const database = openFromConfig(config);
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新');
      } catch (err) {
        cliFail(err);
      } finally {
        await database.close();
      }
}

/** `fazhi` demo. */
export async function demo(opts: { once?: boolean }): Promise<void> {
      try {
        await withSystemCtx(async (ctx) => {
          const r = await loadDemo(ctx, { skipIfLoaded: !!opts.once });
          if (r.skipped) console.log('示例数据已载入过，跳过。');
          else {
            console.log(`已载入示例区「${r.districtName}」：${r.units} 个单位，${r.users.length} 个用户。示例用户密码均为 ${r.password}`);
            for (const u of r.users) console.log(`  ${u.username.padEnd(14)} ${u.role.padEnd(12)} ${u.unit}`);
          }
        });
      } catch (err) {
        cliFail(err);
      }
}

/** `fazhi` userAdd. */
export async function userAdd(o: { username: string; name: string; unit: string; role?: string[]; password?: string }): Promise<void> {
      try {
        await withSystemCtx(async (ctx) => {
          const unit = await unitRepo.findByCode(ctx.db, o.unit);
          if (!unit) throw new AppError('VALIDATION_FAILED', { message: `单位编码 ${o.unit} 不存在`, fields: [{ field: 'unit', message: '单位不存在' }] });
          const roleIds: number[] = [];
          for (const code of o.role ?? []) {
            const r = await roleRepo.findByCode(ctx.db, code);
            if (!r) throw new AppError('VALIDATION_FAILED', { message: `角色 ${code} 不存在`, fields: [{ field: 'role', message: `角色 ${code} 不存在` }] });
            roleIds.push(r.id);
          }
          const input = parseOr(UserCreateSchema, { username: o.username, displayName: o.name, unitId: unit.id, roleIds, password: o.password });
          const r = await createUser(ctx, input);
          console.log(`已创建用户 ${r.user.username}（id ${r.user.id}）${r.initialPassword ? `，一次性密码：${r.initialPassword}` : ''}`);
        });
      } catch (err) {
        cliFail(err);
      }
}

/** `fazhi` userDisable. */
export async function userDisable(username: string): Promise<void> {
      try {
        await withSystemCtx(async (ctx) => {
          await setUserStatus(ctx, (await userByName(ctx, username)).id, 'disabled');
          console.log(`已停用用户 ${username}`);
        });
      } catch (err) {
        cliFail(err);
      }
}

/** `fazhi` userEnable. */
export async function userEnable(username: string): Promise<void> {
      try {
        await withSystemCtx(async (ctx) => {
          await setUserStatus(ctx, (await userByName(ctx, username)).id, 'active');
          console.log(`已启用用户 ${username}`);
        });
      } catch (err) {
        cliFail(err);
      }
}

/** `fazhi` userResetPassword. */
export async function userResetPassword(username: string, o: { password?: string }): Promise<void> {
      try {
        await withSystemCtx(async (ctx) => {
          const r = await resetUserPassword(ctx, (await userByName(ctx, username)).id, o.password);
          console.log(`已重置 ${username} 的密码${r.initialPassword ? `，一次性密码：${r.initialPassword}` : ''}`);
        });
      } catch (err) {
        cliFail(err);
      }
}

/** `fazhi` unitAdd. */
export async function unitAdd(o: { code: string; name: string; parent?: string; type: string }): Promise<void> {
      try {
        await withSystemCtx(async (ctx) => {
          const parent = o.parent
            ? await unitRepo.findByCode(ctx.db, o.parent)
            : await ctx.db.selectFrom('org_unit').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
          if (!parent) throw new AppError('VALIDATION_FAILED', { message: `上级单位 ${o.parent} 不存在`, fields: [{ field: 'parent', message: '上级单位不存在' }] });
          const input = parseOr(UnitCreateSchema, { parentId: parent.id, code: o.code, name: o.name, unitType: o.type });
          const u = await createUnit(ctx, input);
          console.log(`已创建单位 ${u.name}（${u.code}，id ${u.id}），上级：${parent.name}`);
        });
      } catch (err) {
        cliFail(err);
      }
}

/** `fazhi` unitList. */
export async function unitList(o: { json?: boolean }): Promise<void> {
      try {
        await withSystemCtx(async (ctx) => {
          const units = await unitRepo.list(ctx.db, ctx.actor, {});
          const byId = new Map(units.map((u) => [u.id, u]));
          if (o.json) {
            console.log(JSON.stringify(units.map((u) => ({ id: u.id, code: u.code, name: u.name, type: u.unit_type, parentCode: u.parent_id ? byId.get(u.parent_id)?.code ?? null : null, path: u.path, status: u.status })), null, 2));
            return;
          }
          const sorted = [...units].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
          for (const u of sorted) console.log(`${'  '.repeat(u.depth)}${u.name}  [${u.code}] ${u.unit_type}${u.status === 'disabled' ? ' （停用）' : ''}`);
        });
      } catch (err) {
        cliFail(err);
      }
}

/** `fazhi` backup. */
export async function backup(o: { out?: string }): Promise<void> {
      const config = loadConfig();
      if (config.databaseUrl) cliFail(new Error('当前使用 PostgreSQL，请使用 pg_dump 备份'));
      const Database = (await import('better-sqlite3')).default;
      const file = join(config.dataDir, 'fazhi.sqlite');
      const out = o.out ?? join(config.dataDir, 'backups', `fazhi-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
      try {
        mkdirSync(join(out, '..'), { recursive: true });
        const src = new Database(file, { readonly: true, fileMustExist: true });
        // SQLite 在线备份 API：与正在写入的服务进程并发时也得到一致的副本
        await src.backup(out);
        src.close();
        console.log(`已备份到 ${out}`);
      } catch (err) {
        cliFail(err);
      }
}

/** `fazhi` auditVerify. */
export async function auditVerify(o: { json?: boolean }): Promise<void> {
      try {
        const r = await withSystemCtx((ctx) => verifyAuditChain(ctx.db));
        if (o.json) console.log(JSON.stringify(r, null, 2));
        else if (r.ok) console.log(`操作日志完整：已校验 ${r.checked} 个事件，哈希链无断点。`);
        else {
          console.log(`操作日志被篡改：已校验 ${r.checked} 个事件，发现 ${r.problems.length} 处问题：`);
          for (const p of r.problems) console.log(`  [${p.kind}] ${p.message}`);
        }
        process.exitCode = r.ok ? 0 : 1;
      } catch (err) {
        cliFail(err);
      }
}
