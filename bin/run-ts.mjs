#!/usr/bin/env node
// Runs a TypeScript file (argv[2]) with tsx's loader: used by `npm run bench`.
import { register } from 'tsx/esm/api';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
register();
const file = process.argv[2];
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(file)).href);
