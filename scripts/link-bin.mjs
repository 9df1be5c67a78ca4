// Links this package's own `fazhi` bin into node_modules/.bin so that `npx fazhi …` works inside a clone.
import { existsSync, mkdirSync, symlinkSync, unlinkSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
const binDir = join(process.cwd(), 'node_modules', '.bin');
const link = join(binDir, 'fazhi');
if (!existsSync(join(process.cwd(), 'bin', 'fazhi.mjs'))) process.exit(0);
mkdirSync(binDir, { recursive: true });
try { lstatSync(link); unlinkSync(link); } catch { /* no previous link */ }
symlinkSync('../../bin/fazhi.mjs', link);
