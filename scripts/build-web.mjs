#!/usr/bin/env node
// Builds the web client into dist/web (vite build), then writes a brotli (.br) and a gzip (.gz) copy beside every
// text file, which the server sends to browsers that accept them.
//
// `node scripts/build-web.mjs --if-changed` (npm start, npm test) builds only when the client's sources changed
// since the last successful build: src/web, src/domain, src/contract, vite.config.ts, package-lock.json. Their hash is kept in
// dist/web-build.stamp (outside dist/web, so never served), written after a build succeeded.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const OUT = 'dist/web';
const STAMP = 'dist/web-build.stamp';
const SOURCES = ['src/web', 'src/domain', 'src/contract', 'vite.config.ts', 'package-lock.json'];
// Smaller files gain nothing from compression; images and fonts are compressed already (woff2) or rarely asked.
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|ttf)$/;
const MIN_BYTES = 1024;

function filesUnder(entry) {
  if (!existsSync(entry)) return [];
  if (!entry.startsWith('src/')) return [entry];
  return readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder).sort()) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function precompress() {
  let before = 0;
  let after = 0;
  for (const e of readdirSync(OUT, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !COMPRESSIBLE.test(e.name)) continue;
    const file = path.join(e.parentPath, e.name);
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
    before += bytes.length;
    after += br.length;
  }
  return { before, after };
}

const ifChanged = process.argv.includes('--if-changed');
const hash = sourcesHash();
if (ifChanged && existsSync(path.join(OUT, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) {
  console.log('Giao diện web đã được dựng từ mã nguồn hiện tại: bỏ qua bước dựng.');
  process.exit(0);
}

console.log('Đang dựng giao diện web (vite build)…');
rmSync(STAMP, { force: true });
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('Lỗi: không dựng được giao diện web (vite build).');
  process.exit(build.status ?? 1);
}
const { before, after } = precompress();
writeFileSync(STAMP, `${hash}\n`);
const mb = (n) => (n / 1024 / 1024).toFixed(2).replace('.', ',');
console.log(`Đã dựng giao diện web: ${mb(before)} MB tệp văn bản, ${mb(after)} MB khi nén brotli.`);
