/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after another.
 * Each bench measures its subject and a baseline in the same run and prints the ratio, so the numbers
 * compare across machines; no test asserts a time.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = false;
for (const f of files) {
  console.log(`\n== ${f} ==`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<void> };
  try {
    await mod.default();
  } catch (err) {
    failed = true;
    console.error(`${f} failed:`, err);
  }
}
process.exit(failed ? 1 : 0);
