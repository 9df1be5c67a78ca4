/**
 * Platform commands: serve, migrate, demo, user, unit, backup, audit verify. The implementations are imported
 * lazily, so `fazhi --help` does not load the database drivers and the web server.
 */
import type { Command } from 'commander';

const impl = () => import('./platform.impl');

/** Registers the platform commands on the program. */
export function registerPlatformCommands(program: Command): void {
  program
    .command('serve')
    .description('启动 Web 应用与 API（PORT、FAZHI_DATABASE_URL、FAZHI_DATA_DIR 见 README）')
    .action(async () => (await impl()).serve());

  program
    .command('migrate')
    .description('执行数据库迁移')
    .action(async () => (await impl()).migrate());

  program
    .command('demo')
    .description('向当前数据库载入示例区（单位、各角色用户及各条线的示例台账），然后退出')
    .option('--once', '已载入过则跳过（npm run demo 使用）')
    .action(async (opts: { once?: boolean }) => (await impl()).demo(opts));

  const user = program.command('user').description('用户管理');
  user
    .command('add')
    .description('新增用户（不指定 --password 则打印一次性密码）')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--unit <code>', '所属单位编码')
    .option('--role <code...>', '角色编码，可多个（admin supervisor unit_admin clerk officer reviewer leader）')
    .option('--password <password>', '密码')
    .action(async (o: { username: string; name: string; unit: string; role?: string[]; password?: string }) => (await impl()).userAdd(o));
  user
    .command('disable <username>')
    .description('停用用户并结束其全部会话')
    .action(async (username: string) => (await impl()).userDisable(username));
  user
    .command('enable <username>')
    .description('启用用户')
    .action(async (username: string) => (await impl()).userEnable(username));
  user
    .command('reset-password <username>')
    .description('重置密码（不指定 --password 则打印一次性密码），并结束其全部会话')
    .option('--password <password>', '新密码')
    .action(async (username: string, o: { password?: string }) => (await impl()).userResetPassword(username, o));

  const unit = program.command('unit').description('单位管理');
  unit
    .command('add')
    .description('新增单位')
    .requiredOption('--code <code>', '单位编码')
    .requiredOption('--name <name>', '单位名称')
    .option('--parent <code>', '上级单位编码（默认根单位）')
    .option('--type <type>', '单位类型：district office department township street regiment village other', 'department')
    .action(async (o: { code: string; name: string; parent?: string; type: string }) => (await impl()).unitAdd(o));
  unit
    .command('list')
    .description('列出单位（树形）')
    .option('--json', '输出 JSON')
    .action(async (o: { json?: boolean }) => (await impl()).unitList(o));

  program
    .command('backup')
    .description('在服务运行时生成 SQLite 数据库的一致性副本（PostgreSQL 请使用 pg_dump）')
    .option('--out <file>', '输出文件（默认 data/backups/fazhi-时间.sqlite）')
    .action(async (o: { out?: string }) => (await impl()).backup(o));

  const audit = program.command('audit').description('操作日志');
  audit
    .command('verify')
    .description('校验操作日志哈希链，指出被修改、删除或调换顺序的事件')
    .option('--json', '输出 JSON')
    .action(async (o: { json?: boolean }) => (await impl()).auditVerify(o));
}
