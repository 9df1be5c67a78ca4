/**
 * Shared set-up of the browser tests: the real server (in-process, temporary SQLite, with the demo district
 * unless asked otherwise) serving dist/web, and Debian's Chromium driven by playwright-core. Builds dist/web
 * first if it is missing or stale (scripts/ensure-web.mjs) — under a lock, and never under a running test
 * server (see `useWebBuild`), so browser test files may run in parallel.
 *
 * Needs a Chromium binary: /usr/bin/chromium (`apt-get install -y chromium fonts-noto-cjk`) or CHROMIUM_PATH.
 * Without one the tests fail — they do not skip.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app';
import { openDatabase, type Database_ } from '../../src/core/db/database';
import { prepareDatabase } from '../../src/core/bootstrap';
import { loadConfig, type AppConfig } from '../../src/core/config';
import { systemActor } from '../../src/core/context';
import { loadDemo } from '../../src/modules/demo/demo.service';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Where the browser tests save their screenshots: test-results/screenshots (ignored by git) unless
 * FAZHI_SCREENSHOT_DIR says otherwise; `npm run screenshots` refreshes the committed ones in docs/.
 */
export const DOCS = process.env.FAZHI_SCREENSHOT_DIR ? join(ROOT, process.env.FAZHI_SCREENSHOT_DIR) : join(ROOT, 'test-results', 'screenshots');
mkdirSync(DOCS, { recursive: true });
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ADMIN_PASSWORD = 'Admin12345';
export const DEMO_PASSWORD = 'Fazhi2026demo';

export interface BrowserEnv {
  dataDir: string;
  config: AppConfig;
  database: Database_;
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  base: string;
  browser: Browser;
  rootUnitId: number;
  /**
   * A new page in a browser context of its own (its own cookies, so pages signed in as different users do not
   * mix): zh-CN, Asia/Shanghai, downloads accepted, a 20 s default timeout, page errors logged.
   */
  newPage: (opts?: { viewport?: { width: number; height: number } }) => Promise<Page>;
  /** Closes the browser, the server and the database and removes the data folder. */
  close: () => Promise<void>;
}

const LOCK = join(ROOT, 'dist', '.web-build.lock');
/** One file per browser-test server running on dist/web (in any process), named by a token, holding its pid. */
const USERS = join(ROOT, 'dist', '.web-users');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Tokens of the servers serving dist/web now; entries of processes that died are removed. */
function liveUsers(): string[] {
  mkdirSync(USERS, { recursive: true });
  return readdirSync(USERS).filter((token) => {
    const pid = Number(readFileSync(join(USERS, token), 'utf8'));
    if (pid && alive(pid)) return true;
    rmSync(join(USERS, token), { force: true });
    return false;
  });
}

/**
 * Makes sure dist/web is built and registers a user of it; returns the function that unregisters. Builds
 * (scripts/ensure-web.mjs: when missing or older than the sources) under a lock folder, and only while no other
 * browser-test server is serving dist/web: a server reads index.html once, so rebuilding under it would delete
 * the assets its pages load. A build a little older than sources edited meanwhile is served as it is.
 */
export function useWebBuild(): () => void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`等待网页前端构建超时（锁 ${LOCK}）`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500); // another test file is building: wait
    }
  }
  const token = `${process.pid}-${randomUUID()}`;
  try {
    const index = join(ROOT, 'dist', 'web', 'index.html');
    if (!existsSync(index) || liveUsers().length === 0) {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-web.mjs')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FAZHI_SKIP_WEB_BUILD: '' } });
    }
    if (!existsSync(index)) throw new Error('dist/web/index.html 不存在：网页前端构建失败');
    mkdirSync(USERS, { recursive: true }); // on a fresh clone nothing has listed the users yet
    writeFileSync(join(USERS, token), String(process.pid));
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return () => rmSync(join(USERS, token), { force: true });
}

/**
 * Starts a server on a fresh SQLite database — administrator `admin` / ADMIN_PASSWORD and, unless `demo` is
 * false, the demo district with its users (DEMO_PASSWORD) — and Chromium.
 */
export async function startBrowserEnv(opts: { demo?: boolean; viewport?: { width: number; height: number } } = {}): Promise<BrowserEnv> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `找不到 Chromium：${CHROMIUM}。浏览器测试需要它，请运行 \`apt-get update && apt-get install -y chromium fonts-noto-cjk\`，或用 CHROMIUM_PATH 指向已安装的 Chromium。`,
    );
  }
  // The server serves dist/web only if it exists when the app is built: make sure it is there and current.
  const releaseWeb = useWebBuild();

  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-browser-'));
  const config = loadConfig({ FAZHI_DATA_DIR: dataDir, FAZHI_ADMIN_PASSWORD: ADMIN_PASSWORD, FAZHI_LOG_LEVEL: 'silent' });
  const database = openDatabase({ file: join(dataDir, 'fazhi.sqlite') });
  await prepareDatabase(database, config);
  if (opts.demo !== false) await loadDemo({ db: database.db, dialect: database.dialect, config, actor: systemActor('test'), ip: null });
  const rootUnitId = (await database.db.selectFrom('org_unit').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;

  const app = await buildApp({ config, database, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(DOCS, { recursive: true });
  const newPage = async (o: { viewport?: { width: number; height: number } } = {}) => {
    const context: BrowserContext = await browser.newContext({ viewport: o.viewport ?? opts.viewport ?? { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (err) => console.error('[browser pageerror]', err.message));
    return page;
  };
  const close = async () => {
    await browser.close().catch(() => undefined);
    await app.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    releaseWeb();
  };
  return { dataDir, config, database, app, base, browser, rootUnitId, newPage, close };
}

/** Signs in through the login page and waits for the staff app. */
export async function signIn(p: Page, base: string, username: string, password: string): Promise<void> {
  await p.goto(`${base}/login`);
  await p.locator('#login_username').fill(username);
  await p.locator('#login_password').fill(password);
  await p.getByRole('button', { name: '登录系统' }).click();
  await p.waitForURL(/\/admin(\/|$)/);
}
