/**
 * Vite build of the web app (src/web → dist/web). `npm run build`, `npm run dev:web` (proxies /api to :3000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Big third-party libraries get their own long-cached chunks; the pages are split by route (lazy imports).
 * A group also takes the dependencies of what it captures, so React goes first (highest priority).
 */
const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 50 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 35 },
  { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|@emotion|dayjs|@babel[\\/]runtime|scroll-into-view-if-needed|compute-scroll-into-view|throttle-debounce|stylis|classnames|clsx)[\\/]/, priority: 30 },
];

export default defineConfig({
  // Absolute, so the build works from any working directory (scripts/ensure-web.mjs, tests).
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)), // i.e. '../../dist/web' from root
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5173,
    // The API server (`npm start`, port 3000); FAZHI_API_URL points elsewhere, e.g. http://localhost:3100.
    proxy: { '/api': { target: process.env.FAZHI_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
