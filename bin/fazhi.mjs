#!/usr/bin/env node
// Entry point of the `fazhi` command. The sources are TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
register();
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
await import(main);
