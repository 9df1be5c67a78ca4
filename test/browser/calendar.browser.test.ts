/**
 * Browser test of the calendar pages (harness: test/helpers/browser.ts — the real server on a fresh database and
 * Debian's Chromium): the public 期限计算器 without signing in, and an administrator importing a year on 工作日历
 * after seeing its preview.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, signIn, startBrowserEnv, type BrowserEnv } from '../helpers/browser';

let env: BrowserEnv;
let page: Page;

beforeAll(async () => {
  env = await startBrowserEnv({ demo: false });
  page = await env.newPage();
}, 300_000);

afterAll(async () => {
  await env?.close();
});

/** Picks a rule in the calculator's rule select by typing part of its name. */
async function pickRule(p: Page, name: string) {
  await p.locator('#calc_ruleId').click();
  await p.locator('#calc_ruleId').fill(name);
  await p.locator('.ant-select-item-option', { hasText: name }).first().click();
}

/** Types a date into an antd DatePicker and confirms it. */
async function typeDate(p: Page, selector: string, date: string) {
  await p.locator(selector).click();
  await p.locator(selector).fill(date);
  await p.locator(selector).press('Enter');
}

describe('期限计算器 on the portal', () => {
  it('computes disclosure.reply from 2023-09-25 without signing in and shows the due date with its trace', async () => {
    await page.goto(`${env.base}/`);
    await page.getByTestId('portal-sections').getByText('期限计算器').first().click();
    await page.waitForURL(/\/p\/deadline$/);
    await page.getByTestId('public-calculator').waitFor();

    await pickRule(page, '依申请公开答复期限');
    await expect.poll(() => page.getByTestId('calc-rule-basis').textContent()).toContain('第三十三条第二款');
    await typeDate(page, '#calc_start', '2023-09-25');
    await page.getByTestId('calc-submit').click();

    await expect.poll(() => page.getByTestId('deadline-due').textContent()).toBe('2023-10-27');
    const trace = page.getByTestId('deadline-trace');
    await trace.getByText('第20日').waitFor();
    const text = (await trace.textContent()) ?? '';
    // day 1 is the day after receipt; the National Day break is skipped with its reason; the 调休上班 weekend counts
    expect(text).toContain('2023-09-26');
    expect(text).toContain('第1日');
    expect(text).toMatch(/2023-10-01.*星期日.*不计.*中秋节、国庆节/);
    expect(text).toMatch(/2023-10-07.*星期六.*第4日.*调休上班（中秋节、国庆节）/);
    expect(text).toMatch(/2023-10-27.*第20日/);
    expect(await page.getByTestId('deadline-rule').textContent()).toContain('《政府信息公开条例》(2019)第三十三条第二款');
    expect(await page.getByTestId('deadline-provisional').count()).toBe(0);
  });

  it('marks a deadline that runs into a year with no arrangement as provisional, naming the year', async () => {
    await typeDate(page, '#calc_start', '2026-12-20');
    await page.getByTestId('calc-submit').click();
    await page.getByTestId('deadline-provisional').waitFor();
    expect(await page.getByTestId('deadline-warnings').textContent()).toContain('2027年节假日安排');
  });
});

describe('工作日历 for administrators', () => {
  it('imports a pasted year after showing its preview', { timeout: 120_000 }, async () => {
    const admin = await env.newPage();
    await signIn(admin, env.base, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${env.base}/admin/calendar/years`);
    const table = admin.getByTestId('years-table');
    await table.getByText('国务院办公厅关于2026年部分节假日安排的通知').waitFor();

    await admin.getByTestId('year-import').click();
    const year = { year: 2027, status: 'unverified', source: { title: '浏览器测试用2027年节假日安排' }, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', work: [] }] };
    await admin.getByTestId('year-json').fill(JSON.stringify(year, null, 1));
    await admin.getByTestId('year-import-preview').click();
    const summary = admin.getByTestId('year-import-summary');
    await summary.getByText('新增年度').waitFor();
    await summary.getByTestId('moved-deadlines').waitFor();
    await admin.getByTestId('year-import-confirm').click();
    await table.getByText('浏览器测试用2027年节假日安排').waitFor();
    const row = await env.database.db.selectFrom('calendar_year').select(['status', 'source_title']).where('year', '=', 2027).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'unverified', source_title: '浏览器测试用2027年节假日安排' });
    await admin.context().close();

    // the public calculator uses the new year at once: no longer provisional
    await page.getByTestId('calc-submit').click();
    await expect.poll(() => page.getByTestId('deadline-provisional').count()).toBe(0);
  });
});
