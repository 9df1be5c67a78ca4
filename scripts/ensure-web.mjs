#!/usr/bin/env node
/**
 * Run by `npm start` / `npm run demo` before the server: builds the web app (src/web → dist/web) with Vite when
 * dist/web/index.html is missing or older than any file under src/web, src/shared, the request schemas the forms
 * share (the *.schema.ts files under src/modules) or vite.config.ts.
 * Otherwise does nothing and prints nothing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const index = join(root, 'dist', 'web', 'index.html');
const sources = [join(root, 'src', 'web'), join(root, 'src', 'shared'), join(root, 'vite.config.ts')];

/** Newest modification time (ms) of a file or of any file below a folder (optionally only names matching `only`). */
function newest(path, only) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return !only || only.test(path) ? st.mtimeMs : 0;
  let max = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry.name), only));
  }
  return max;
}

function reason() {
  if (!existsSync(index)) return '尚未构建';
  const built = statSync(index).mtimeMs;
  const changed = Math.max(...sources.map((s) => newest(s)), newest(join(root, 'src', 'modules'), /\.schema\.ts$/));
  return changed > built ? '源文件有更新' : null;
}

const why = process.env.FAZHI_SKIP_WEB_BUILD === '1' ? null : reason();
if (why) {
  console.log(`正在构建网页前端（${why}）：vite build → dist/web …`);
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.warn('未安装 vite（请运行 npm ci 安装开发依赖），跳过网页前端构建；接口仍可使用。');
    process.exit(0);
  }
  // Always a production bundle: under Vitest NODE_ENV is "test", which would make Vite ship React's and antd's
  // development builds (slow pages, dev-only class names).
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } catch (err) {
    console.error('网页前端构建失败：', err?.message ?? err);
    process.exit(1);
  }
}
