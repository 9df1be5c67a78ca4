/**
 * Browser test of the web app shell (harness: test/helpers/browser.ts — the real server on the demo district and
 * Debian's Chromium). Saves portal.png and screenshot.png (`npm run screenshots` writes them to docs/ for the README).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database_ } from '../../src/core/db/database';
import { ADMIN_PASSWORD, DEMO_PASSWORD, DOCS, signIn as signInAt, startBrowserEnv, type BrowserEnv } from '../helpers/browser';

let env: BrowserEnv;
let database: Database_;
let base: string;
let browser: Browser;
let page: Page;
let rootUnitId: number;

beforeAll(async () => {
  env = await startBrowserEnv();
  ({ database, base, browser, rootUnitId } = env);
  page = await env.newPage();
}, 180_000);

afterAll(async () => {
  await env?.close();
});

const signIn = (p: Page, username: string, password: string) => signInAt(p, base, username, password);

describe('web app shell', () => {
  it('shows the public portal with the site title and sections', async () => {
    await page.goto(`${base}/`);
    await expect.poll(() => page.getByTestId('portal-title').textContent()).toBe('青山区人民政府法治政府建设');
    // One card per section the server lists; the ones not yet open say 建设中.
    const site = (await (await page.request.get(`${base}/api/public/site`)).json()) as { sections: { key: string; title: string; available: boolean }[] };
    expect(site.sections.length).toBeGreaterThan(0);
    for (const s of site.sections) {
      const card = page.getByTestId(`portal-section-${s.key}`);
      await card.waitFor();
      expect(await card.getByText('建设中').count()).toBe(s.available ? 0 : 1);
    }
    await page.screenshot({ path: join(DOCS, 'portal.png'), fullPage: true });
    await page.getByTestId('staff-login').click();
    await page.waitForURL(/\/login/);
  });

  it('shows the server message for a wrong password', async () => {
    await page.locator('#login_username').fill('admin');
    await page.locator('#login_password').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录系统' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    expect(page.url()).toContain('/login');
  });

  it('signs in as admin and shows the current unit in the header', async () => {
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await expect.poll(() => page.getByTestId('current-unit').textContent()).toContain('青山区人民政府');
    expect(await page.getByTestId('current-user').textContent()).toBe('系统管理员');
    expect(await page.getByTestId('current-roles').textContent()).toContain('系统管理员');
    await page.getByTestId('dashboard').waitFor();
  });

  it('creates a unit under the root through the 单位管理 form', { timeout: 120_000 }, async () => {
    const menu = page.getByTestId('side-menu');
    await menu.getByText('系统管理').click();
    await menu.getByText('单位管理').click();
    await page.waitForURL(/\/admin\/system\/units$/);
    const table = page.getByTestId('unit-table');
    await table.getByText('青山区司法局').waitFor();

    await page.getByRole('button', { name: '新增单位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#unit_name').waitFor();
    // The parent defaults to the user's own unit, the root.
    await expect.poll(() => dialog.locator('.ant-form-item').filter({ hasText: '上级单位' }).textContent()).toContain('青山区人民政府');
    await dialog.locator('#unit_name').fill('青山区退役军人事务局');
    await dialog.locator('#unit_code').fill('QS-TYJRJ');
    await dialog.locator('#unit_sortOrder').fill('8');
    await dialog.getByTestId('unit-form-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const row = table.locator('tr', { hasText: '青山区退役军人事务局' });
    await row.waitFor();
    expect(await row.textContent()).toContain('QS-TYJRJ');
    expect(await row.textContent()).toContain('正常');

    // Over the API with the browser's session: the unit exists under the root, and the creation was audited.
    const units = (await (await page.request.get(`${base}/api/units?q=QS-TYJRJ`)).json()) as { items: { id: number; parentId: number; name: string; unitType: string }[] };
    expect(units.items).toHaveLength(1);
    expect(units.items[0]).toMatchObject({ parentId: rootUnitId, name: '青山区退役军人事务局', unitType: 'department' });
    const unitId = units.items[0].id;
    const audit = (await (await page.request.get(`${base}/api/audit/events?action=org:unit:create&entityId=${unitId}`)).json()) as {
      total: number;
      items: { action: string; actorName: string; entityType: string }[];
    };
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({ action: 'org:unit:create', actorName: 'admin', entityType: 'unit' });
    // …and in the database itself.
    const row2 = await database.db.selectFrom('org_unit').select(['parent_id', 'code']).where('id', '=', unitId).executeTakeFirstOrThrow();
    expect(row2).toEqual({ parent_id: rootUnitId, code: 'QS-TYJRJ' });

    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, 'screenshot.png') });
  });

  it('puts a server field error onto the form item (duplicate unit code)', async () => {
    await page.getByRole('button', { name: '新增单位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#unit_name').fill('重复编码测试单位');
    await dialog.locator('#unit_code').fill('QS-TYJRJ');
    await dialog.getByTestId('unit-form-submit').click();
    await expect.poll(() => dialog.locator('.ant-form-item').filter({ has: page.locator('#unit_code') }).locator('.ant-form-item-explain-error').textContent()).toContain('已存在');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('filters the menu and buttons by permission (经办人)', async () => {
    const clerk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      const p = await clerk.newPage();
      p.setDefaultTimeout(20_000);
      await signIn(p, 'yfzq_clerk', DEMO_PASSWORD);
      await expect.poll(() => p.getByTestId('current-unit').textContent()).toContain('中共青山区委全面依法治区委员会办公室');
      const menu = p.getByTestId('side-menu');
      await menu.getByText('系统管理').click();
      await menu.getByText('单位管理').waitFor();
      expect(await menu.getByText('用户管理').count()).toBe(0);
      expect(await menu.getByText('角色管理').count()).toBe(0);
      expect(await menu.getByText('操作日志').count()).toBe(0);
      await menu.getByText('单位管理').click();
      await p.getByTestId('unit-table').getByText('中共青山区委全面依法治区委员会办公室').waitFor();
      expect(await p.getByRole('button', { name: '新增单位' }).count()).toBe(0);
      // A page the user may not open shows 无权访问 rather than the page.
      await p.goto(`${base}/admin/system/roles`);
      await p.getByText('无权访问').waitFor();
    } finally {
      await clerk.close();
    }
  });
});
