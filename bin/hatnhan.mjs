#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx hatnhan <command>` works without a build step, from any directory.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Resolve tsx from this package, not from the caller's directory.
const tsx = pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('tsx')).href;
const r = spawnSync(process.execPath, ['--import', tsx, path.join(root, 'src/server/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
