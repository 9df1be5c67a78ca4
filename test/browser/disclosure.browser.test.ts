/**
 * Browser test of 政务公开, end to end (harness: test/helpers/browser.ts — the real server on the demo district and
 * Debian's Chromium): a person files a request on the portal and reads the tracking code; a clerk of that unit finds
 * it in 依申请公开, opens it and answers it (予以公开); the portal's 办理查询 then shows 已答复 and the outcome, and no
 * personal data; the staff 年度报告 of the unit for this year counts it in table 3 (一、本年新收 and （一）予以公开,
 * column 科研机构), and the figure opens the record behind it. Writes docs/disclosure.png (the report page).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayCn } from '../../src/core/dates';
import { DEMO_PASSWORD, DOCS, signIn, startBrowserEnv, type BrowserEnv } from '../helpers/browser';

let env: BrowserEnv;
let visitor: Page;
let clerk: Page;
let unitId: number;
const year = Number(todayCn().slice(0, 4));
const UNIT = '南岭镇人民政府';
const APPLICANT = '青山理工学院法学研究所';
const PHONE = '13900001234';
let trackingCode = '';
/** Table 3 of the unit's report before the request was filed (the demo district has requests of its own). */
let before: { newResearch: number; disclosedResearch: number };

/** expect.poll with the page's patience (its default of 1 s is shorter than a slow list load). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

type Report = { table3: Record<string, Record<string, number>> };

beforeAll(async () => {
  env = await startBrowserEnv();
  unitId = (await env.database.db.selectFrom('org_unit').select('id').where('code', '=', 'QS-NLZ').executeTakeFirstOrThrow()).id;
  visitor = await env.newPage();
  clerk = await env.newPage();
  await signIn(clerk, env.base, 'nlz_clerk', DEMO_PASSWORD);
  const r = (await (await clerk.request.get(`${env.base}/api/disclosure/report?unitId=${unitId}&year=${year}`)).json()) as Report;
  before = { newResearch: r.table3.new.research, disclosedResearch: r.table3.disclosed.research };
}, 180_000);

afterAll(async () => {
  await env?.close();
});

/** Picks an option of the antd Select whose root carries `testId`; `search` types into a searchable one first (its list is virtual). */
async function pick(p: Page, testId: string, option: string, search?: string) {
  await p.getByTestId(testId).click();
  if (search) await p.keyboard.type(search);
  await p.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
}

describe('政务公开 in the browser', () => {
  it('files a request on the portal and shows the tracking code', { timeout: 60_000 }, async () => {
    await visitor.goto(`${env.base}/`);
    await visitor.getByTestId('portal-section-disclosure').click();
    await visitor.waitForURL(/\/p\/disclosure$/);
    await visitor.getByTestId('gk-tab-apply').click();
    await visitor.waitForURL(/\/p\/disclosure\/apply$/);

    // The form checks with the server's schema before sending anything.
    await visitor.getByTestId('apply-submit').click();
    await visitor.getByText('请填写申请人姓名或名称').waitFor();
    await visitor.locator('#portalApply_content').fill('短');
    await visitor.locator('#portalApply_applicantEmail').fill('not-an-email');
    await visitor.getByTestId('apply-submit').click();
    await visitor.getByText('请描述所需政府信息（名称、文号或便于查询的其他特征），至少 5 个字').waitFor();
    await visitor.getByText('电子邮箱格式不正确').waitFor();

    await pick(visitor, 'apply-unit', UNIT, '南岭');
    await pick(visitor, 'applicant-type', '科研机构');
    await visitor.locator('#portalApply_applicantName').fill(APPLICANT);
    await visitor.locator('#portalApply_applicantIdNo').fill('12330100MB0000000X');
    await visitor.locator('#portalApply_applicantPhone').fill(PHONE);
    await visitor.locator('#portalApply_applicantEmail').fill('fxs@example.edu.cn');
    await visitor.locator('#portalApply_applicantAddress').fill('青山区学院路1号');
    await visitor.locator('#portalApply_content').fill('南岭镇2026年农村人居环境整治项目的立项批复及资金安排');
    await visitor.getByTestId('apply-submit').click();

    const code = visitor.getByTestId('tracking-code');
    await code.waitFor();
    trackingCode = /GK\d{4}-[A-Z0-9]{8}/.exec((await code.textContent()) ?? '')?.[0] ?? '';
    expect(trackingCode).toMatch(/^GK\d{4}-[A-Z0-9]{8}$/);
    expect(await visitor.getByText(`受理机关：${UNIT}`).count()).toBe(1);
  });

  it('lets a clerk of the unit find the request and answer it (予以公开)', { timeout: 90_000 }, async () => {
    // From the home page card to the list, then the menu.
    await clerk.goto(`${env.base}/admin`);
    await clerk.getByTestId('disclosure-widget').waitFor();
    const menu = clerk.getByTestId('side-menu');
    await menu.getByText('政务公开').click();
    await menu.getByText('依申请公开').click();
    await clerk.waitForURL(/\/admin\/disclosure\/requests/);
    await clerk.locator('#requestSearch_q').fill(trackingCode);
    await clerk.getByTestId('request-search').click();
    await clerk.waitForURL(new RegExp(`q=${trackingCode}`));
    await poll(() => clerk.getByTestId('request-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await clerk.getByTestId(`request-link-${trackingCode}`).click();

    await clerk.getByTestId('request-detail').waitFor();
    await poll(() => clerk.getByTestId('detail-tracking-code').textContent()).toBe(trackingCode);
    expect(await clerk.getByTestId('detail-state').textContent()).toBe('办理中');
    expect(await clerk.getByText(APPLICANT).count()).toBeGreaterThan(0);
    // The due date comes with its day-by-day calculation.
    await clerk.getByTestId('toggle-trace').click();
    await clerk.getByTestId('due-trace').getByText('第20日').waitFor();
    await clerk.keyboard.press('Escape');
    await clerk.getByTestId('trace-drawer').waitFor({ state: 'hidden' });

    const dialog = clerk.getByRole('dialog', { name: '作出答复' });
    // Under load (CI runs two test files at once) a click can land while the closing drawer still covers the page:
    // click again until the dialog is open.
    for (let i = 0; i < 10 && !(await dialog.isVisible()); i++) {
      await clerk.getByTestId('step-answered').click();
      await dialog.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await dialog.waitFor();
    await pick(clerk, 'answer-outcome', '（一）予以公开');
    await dialog.locator('#step_answered_reply').fill('经审查，你单位申请获取的政府信息属于公开范围，现予以公开，详见附件。');
    await dialog.getByTestId('step-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    await poll(() => clerk.getByTestId('detail-state').textContent()).toBe('已答复');
    expect(await clerk.getByTestId('detail-outcome').textContent()).toBe('予以公开');
    // The answer has a document number and its letter downloads as .docx.
    const answered = clerk.getByTestId('request-timeline').locator('[data-testid^="event-"]').filter({ hasText: '作出答复' });
    expect(await answered.textContent()).toMatch(/文号：QS-NLZ公开答〔\d{4}〕\d+号/);
    const [letter] = await Promise.all([clerk.waitForEvent('download'), answered.getByRole('button', { name: /下载文书/ }).click()]);
    expect(letter.suggestedFilename()).toMatch(/答复书.*\.docx$/);
  });

  it('shows 已答复 and the outcome on the portal, and no personal data', async () => {
    await visitor.goto(`${env.base}/p/disclosure/track`);
    await visitor.locator('#track-code').fill(trackingCode.toLowerCase());
    await visitor.getByTestId('track-submit').click();
    const result = visitor.getByTestId('track-result');
    await result.waitFor();
    expect(await visitor.getByTestId('track-state').textContent()).toBe('已答复');
    expect(await visitor.getByTestId('track-outcome').textContent()).toBe('予以公开');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain(UNIT);
    expect(text).toContain('作出答复');
    for (const personal of [APPLICANT, PHONE, '12330100MB0000000X', 'fxs@example.edu.cn', '学院路']) expect(text).not.toContain(personal);
  });

  it('counts the request in table 3 of the unit’s annual report, with the record behind the figure', { timeout: 60_000 }, async () => {
    await clerk.goto(`${env.base}/admin/disclosure/report?unitId=${unitId}&year=${year}`);
    const t3 = clerk.getByTestId('gi-table3');
    await t3.waitFor();
    await poll(() => clerk.getByTestId('t3-new-research').textContent()).toBe(String(before.newResearch + 1));
    expect(await clerk.getByTestId('t3-disclosed-research').textContent()).toBe(String(before.disclosedResearch + 1));
    // The demo district has no 科研机构 requests: the new one is the only one.
    expect(before).toEqual({ newResearch: 0, disclosedResearch: 0 });
    await poll(() => clerk.getByTestId('gi-identities').textContent()).toContain('勾稽关系成立');

    await clerk.getByTestId('t3-new-research').click();
    const drawer = clerk.getByTestId('cell-drawer');
    await drawer.getByText('一、本年新收政府信息公开申请数量 · 科研机构').waitFor();
    await drawer.getByText(trackingCode).waitFor();
    expect(await drawer.locator('tbody tr.ant-table-row').count()).toBe(before.newResearch + 1);
    await clerk.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('saves a version of the report with its text (and a screenshot of the page)', { timeout: 60_000 }, async () => {
    await clerk.getByTestId('report-overview').fill(
      '本年度，南岭镇人民政府认真贯彻《中华人民共和国政府信息公开条例》，围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障等方面扎实推进政务公开工作。',
    );
    await clerk.getByTestId('report-problems').fill('依申请公开答复文书的规范化程度有待提高。下一步将加强业务培训，完善答复文书模板。');
    await clerk.getByTestId('report-save').click();
    const versions = clerk.getByTestId('report-versions');
    await versions.getByText('第1版').waitFor();
    expect(await versions.getByText('草稿').count()).toBe(1);
    // A clerk edits but does not approve.
    expect(await versions.getByRole('button', { name: /审核通过/ }).count()).toBe(0);

    // The page from its top down to the end of table 3, in a window tall enough to hold it (once the toast is gone).
    await poll(() => clerk.locator('.ant-message-notice').count()).toBe(0);
    await clerk.evaluate(() => {
      window.scrollTo(0, 0);
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await clerk.mouse.move(0, 0);
    const bottom = await clerk.getByTestId('gi-table3').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    await clerk.setViewportSize({ width: 1280, height: Math.ceil(bottom) + 56 });
    await clerk.waitForTimeout(400);
    await clerk.screenshot({ path: join(DOCS, 'disclosure.png') });
    await clerk.setViewportSize({ width: 1280, height: 800 });
  });
});
