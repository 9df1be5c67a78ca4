/**
 * `fazhi report gi`: the 政府信息公开工作年度报告 tables of a unit and year, from the configured database.
 */
import type { Command } from 'commander';

/** Registers `report gi` (the `report` command group is shared with later annual reports). */
export function registerDisclosureCommands(program: Command): void {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('年度报告');
  report
    .command('gi')
    .description('计算政府信息公开工作年度报告（2021年国家格式）的表二、表三、表四及勾稽关系')
    .requiredOption('--unit <code>', '单位编码（fazhi unit list 查看）')
    .requiredOption('--year <year>', '报告年度，如 2025')
    .option('--rollup', '汇总本单位及以下全部单位')
    .option('--json', '输出 JSON：{unit, year, table2, table3, table4, identities}')
    .action(async (o: { unit: string; year: string; rollup?: boolean; json?: boolean }) => {
      const { withSystemCtx, cliFail } = await import('../../cli/platform.impl');
      const { AppError } = await import('../../core/errors');
      try {
        const year = Number(o.year);
        if (!Number.isInteger(year) || year < 2019 || year > 2100) throw new AppError('VALIDATION_FAILED', { message: '年度应为 2019–2100 的整数', fields: [{ field: 'year', message: '年度不正确' }] });
        await withSystemCtx(async (ctx) => {
          const { unitRepo } = await import('../org/org.repo');
          const unit = await unitRepo.findByCode(ctx.db, o.unit);
          if (!unit) throw new AppError('NOT_FOUND', { message: `单位编码 ${o.unit} 不存在` });
          const { computeReport } = await import('./report.service');
          const { table3ByLabel, T2_ROWS, T4_GROUPS } = await import('./report.tables');
          const r = await computeReport(ctx, unit.id, year, !!o.rollup);
          if (o.json) {
            console.log(JSON.stringify({ unit: r.unit, year, rollup: !!o.rollup, due: r.due, table2: r.table2, table3: table3ByLabel(r.table3), table4: r.table4, identities: r.identities }, null, 2));
            return;
          }
          console.log(`${r.unit.name}（${r.unit.code}）${year}年度政府信息公开工作年度报告${o.rollup ? '（含下级单位汇总）' : ''}，公开期限 ${r.due}`);
          console.log('\n表二 主动公开政府信息情况');
          for (const row of T2_ROWS) console.log(`  ${row.label}：${Object.entries(r.table2[row.key]).map(([k, v]) => `${k}=${v}`).join('  ')}`);
          console.log('\n表三 收到和处理政府信息公开申请情况（自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计）');
          for (const [label, nums] of Object.entries(table3ByLabel(r.table3))) console.log(`  ${nums.map((n) => String(n).padStart(4)).join(' ')}  ${label}`);
          console.log('\n表四 政府信息公开行政复议、行政诉讼情况（维持 纠正 其他 尚未审结 总计）');
          for (const g of T4_GROUPS) console.log(`  ${g.label}：${Object.values(r.table4[g.key]).join(' ')}`);
          const broken = r.identities.filter((i) => !i.holds);
          console.log(`\n勾稽关系：${r.identities.length - broken.length}/${r.identities.length} 成立`);
          for (const b of broken) console.log(`  ✗ ${b.description}：${b.left} ≠ ${b.right}`);
          process.exitCode = broken.length ? 1 : 0;
        });
      } catch (err) {
        cliFail(err);
      }
    });
}
