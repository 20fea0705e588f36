import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsDocumentStore, DocumentMissingError, type DocumentStore } from './document-store.ts';

const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('filesystem document store', () => {
  let root: string;
  let store: DocumentStore;
  const all = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  beforeAll(async () => {
    root = path.join(await mkdtemp(path.join(os.tmpdir(), 'hn-store-')), 'documents');
    store = createFsDocumentStore(root, () => new Date('2026-03-05T00:00:00Z'));
  });
  afterAll(() => rm(path.dirname(root), { recursive: true, force: true }));

  it('stages with hash and size, shows the content under its key only after commit', async () => {
    const s = await store.stage(Readable.from([Buffer.from('abc'), Buffer.from('def')]));
    expect(s).toMatchObject({ size: 6, sha256: 'bef57ec7f53a6d40beb640a780a639c83bc29ac8a9816f1fc6c5c6dcd93c4721' });
    expect(s.key).toMatch(/^2026\/03\/[0-9a-f-]{36}$/);
    await expect(store.open(s.key)).rejects.toBeInstanceOf(DocumentMissingError);
    await s.commit();
    expect((await read(await store.open(s.key))).toString()).toBe('abcdef');
    expect(await all()).toEqual([s.key.split('/').join(path.sep)]);
  });

  it('a discarded stage leaves no file; keys are never reused; nothing is overwritten', async () => {
    const before = await all();
    const s = await store.stage(Buffer.from('bỏ đi'));
    await s.discard();
    expect(await all()).toEqual(before);
    const a = await store.stage(Buffer.from('a'));
    const b = await store.stage(Buffer.from('a'));
    expect(a.key).not.toBe(b.key);
    // Something already at the key (a restored backup, another process): commit refuses instead of replacing it.
    const target = path.join(root, ...a.key.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, 'cũ');
    await expect(a.commit()).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('cũ');
    await a.discard();
    await b.discard();
  });

  it('refuses keys that are not its own (no path tricks)', async () => {
    for (const key of ['../../etc/passwd', '2026/03/x', '']) await expect(store.open(key)).rejects.toBeInstanceOf(DocumentMissingError);
  });
});
