/**
 * Browser test of 报告审查 (harness: test/helpers/browser.ts). Signs in, opens the page from the menu, pastes
 * seed report 003, runs the check, finds 在线调解成功率96.96% highlighted as an error, clicks the finding in the
 * list (the span is scrolled to and flashed), downloads the findings as Excel, and times a 100 KB report.
 * Writes docs/checker.png.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/core/excel';
import { ADMIN_PASSWORD, DOCS, signIn, startBrowserEnv, type BrowserEnv } from '../helpers/browser';

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'seeds');
const seedText = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('003_'))!), 'utf8');

let env: BrowserEnv;
let page: Page;

beforeAll(async () => {
  env = await startBrowserEnv({ demo: false });
  page = await env.newPage({ viewport: { width: 1440, height: 900 } });
}, 180_000);

afterAll(async () => {
  await env?.close();
});

/** Pastes `text` into the page's text box (fill, not typing: a 100 KB report) and runs the check. */
async function check(text: string) {
  await page.getByRole('tab', { name: '粘贴文字' }).click();
  await page.getByTestId('checker-paste').fill(text);
  await page.getByTestId('checker-run').click();
}

describe('报告审查', () => {
  it('opens from the menu', async () => {
    await signIn(page, env.base, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('side-menu').getByText('报告审查').click();
    await page.waitForURL(/\/admin\/checker$/);
    await page.getByTestId('checker-run').waitFor();
    expect(await page.getByTestId('checker-download').isDisabled()).toBe(true);
  });

  it('highlights the 96.96% error of seed 003 and scrolls to it from the list', { timeout: 120_000 }, async () => {
    await check(seedText);
    const text = page.getByTestId('checker-text');
    await text.waitFor();
    expect(await page.getByTestId('checker-kind').textContent()).toBe('法治政府建设年度报告');
    expect(await page.getByTestId('checker-missing').textContent()).toContain('党政主要负责人履行推进法治建设第一责任人职责情况');

    // The rate is a figure and an error in the text …
    const span = text.locator('.fz-chk-error', { hasText: /^96\.96%$/ });
    await expect.poll(() => span.count()).toBe(1);
    expect(await span.getAttribute('class')).toContain('fz-chk-fig');
    const bg = await span.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r!).toBeGreaterThan(g! + 50); // red
    expect(r!).toBeGreaterThan(b! + 50);
    // … figures are marked subtly, and text is rendered as segments, not one element per character.
    expect(await text.locator('.fz-chk-fig').count()).toBeGreaterThan(50);
    expect(await text.locator('span').count()).toBeLessThan(seedText.length / 10);

    // … and in the list, as an error naming the computed rate.
    const item = page.getByTestId('checker-findings').locator('[data-severity="error"]', { hasText: '96.96%' });
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('81.77%');

    // Clicking it scrolls the text to the span, selects and flashes it, and marks its operands (779件, 637件).
    await text.evaluate((el) => el.parentElement!.scrollTo(0, 0));
    await item.click();
    await expect.poll(() => span.getAttribute('class')).toContain('fz-chk-flash');
    expect(await span.getAttribute('class')).toContain('fz-chk-sel');
    await expect.poll(() => text.locator('.fz-chk-sel-opd').allTextContents()).toEqual(expect.arrayContaining(['779件', '637件']));
    await expect
      .poll(async () =>
        span.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const view = el.closest('.fz-chk-text-wrap')!.getBoundingClientRect();
          return box.top >= view.top && box.bottom <= view.bottom && box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    expect(await item.getAttribute('class')).toContain('fz-chk-item-selected');
    await expect.poll(() => span.getAttribute('class'), { timeout: 5000 }).not.toContain('fz-chk-flash');

    // The relations: counts by verdict, the rate among the 不符 ones with its operands.
    const relations = page.getByTestId('checker-relations');
    expect(await relations.getByTestId('checker-verdict-counts').textContent()).toMatch(/不符 [1-9]/);
    await relations.locator('[data-verdict="error"]').click();
    const row = relations.locator('tr', { hasText: '96.96%' });
    await row.waitFor();
    expect(await row.textContent()).toContain('779件');

    await page.mouse.move(0, 0);
    await span.scrollIntoViewIfNeeded();
    await item.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS, 'checker.png') });
  });

  it('clicking a highlighted span selects its finding in the list', async () => {
    const span = page.getByTestId('checker-text').locator('.fz-chk-error', { hasText: /^96\.96%$/ });
    await page.getByTestId('checker-findings').locator('[data-severity="warning"]').first().click();
    await span.click();
    const item = page.getByTestId('checker-findings').locator('[data-severity="error"]', { hasText: '96.96%' });
    await expect.poll(() => item.getAttribute('class')).toContain('fz-chk-item-selected');
  });

  it('downloads the findings as Excel', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('checker-download').click()]);
    expect(dl.suggestedFilename()).toMatch(/问题清单\.xlsx$/);
    const rows = await readXlsx(readFileSync((await dl.path())!));
    expect(rows[0]![0]).toBe('文件');
    expect(Number(rows[1]![6])).toBeGreaterThanOrEqual(1); // 错误
  });

  it('shows an unreadable file as an error and keeps the page usable', async () => {
    await page.getByRole('tab', { name: '上传文件' }).click();
    await page.getByTestId('checker-file').locator('input[type=file]').setInputFiles({ name: 'report.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a word file') });
    await page.getByTestId('checker-file-chosen').waitFor();
    await page.getByTestId('checker-run').click();
    await expect.poll(() => page.getByTestId('checker-input-error').textContent()).toContain('Word');
  });

  it('renders a 100 KB report quickly', { timeout: 120_000 }, async () => {
    let big = '';
    while (big.length < 100_000) big += seedText + '\n';
    await page.getByRole('tab', { name: '粘贴文字' }).click();
    // A paste: the whole text arrives in one input event (Playwright's fill types it in, which takes seconds by itself).
    const pasteMs = await page.getByTestId('checker-paste').evaluate(async (el: HTMLTextAreaElement, v: string) => {
      const t = performance.now();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((res) => requestAnimationFrame(() => setTimeout(res)));
      return performance.now() - t;
    }, big);
    const started = Date.now();
    const [resp] = await Promise.all([page.waitForResponse('**/api/checker/check'), page.getByTestId('checker-run').click()]);
    const apiMs = Date.now() - started;
    const nFindings = ((await resp.json()) as { result: { findings: unknown[] } }).result.findings.length;
    const text = page.getByTestId('checker-text');
    await expect.poll(() => text.evaluate((el) => el.textContent?.length ?? 0), { timeout: 60_000 }).toBe(big.replace(/\r\n?/g, '\n').length);
    const elapsed = Date.now() - started;
    const spans = await text.locator('span').count();
    expect(spans).toBeLessThan(big.length / 10);
    // Selecting a finding does not re-render the text: it answers at once.
    const t0 = Date.now();
    await page.getByTestId('checker-findings').locator('[data-severity="error"]').last().click();
    await expect.poll(() => text.locator('.fz-chk-sel').count()).toBeGreaterThan(0);
    const selectMs = Date.now() - t0;
    console.log(`100 KB report: ${big.length} chars, ${nFindings} findings, ${spans} spans; paste ${Math.round(pasteMs)} ms, check ${apiMs} ms, result shown after ${elapsed} ms, selection ${selectMs} ms`);
    expect(pasteMs).toBeLessThan(1_500);
    expect(elapsed).toBeLessThan(15_000);
    expect(selectMs).toBeLessThan(2_000);
  });
});
