/**
 * Where the files of the member dossier live. The application sees only this interface, so an object store (S3,
 * MinIO…) can replace the filesystem later without touching the modules. Rules every implementation keeps:
 * a key is made by the store and never reused; content under a key never changes; the application never overwrites
 * nor deletes a stored file (a new version is a new key).
 *
 * Writing is two steps so that a refused or failed command leaves no file behind: `stage` writes and hashes the
 * content where no key can see it, `commit` (called inside the database transaction that records the key) makes it
 * visible under its key, `discard` drops a staged file that will not be recorded.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';

/** Content written to the staging area, not yet visible under its key. */
export interface StagedDocument {
  /** The key the content will have once committed. */
  key: string;
  /** Hex SHA-256 of the content. */
  sha256: string;
  /** Bytes. */
  size: number;
  /** Makes the content readable under `key`; refuses (throws) rather than overwrite anything. */
  commit(): Promise<void>;
  /** Drops the staged content; nothing of it stays. Harmless after commit (the committed file stays). */
  discard(): Promise<void>;
}

export interface DocumentStore {
  /** Writes the content to the staging area and hashes it. */
  stage(content: Buffer | Readable): Promise<StagedDocument>;
  /** The content under a key; throws `DocumentMissingError` when there is none. */
  open(key: string): Promise<Readable>;
}

/** A key that the database records but the store does not hold (a restore without the documents directory). */
export class DocumentMissingError extends Error {
  constructor(readonly key: string) {
    super(`document ${key} is missing from the store`);
  }
}

/** Keys are `YYYY/MM/<uuid v7>`: time-ordered, spread over directories, never reused. */
const KEY = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The filesystem store: files under `root` (`DATA_DIR/documents`) at their key, staged in `root/.staging`. Content
 * is written to the staging file, flushed to disk, then hard-linked to its key: `link` fails rather than replace an
 * existing file, so nothing is ever overwritten. Directories are created on first use.
 */
export function createFsDocumentStore(root: string, now: () => Date = () => new Date()): DocumentStore {
  const staging = path.join(root, '.staging');
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new DocumentMissingError(key);
    return path.join(root, ...key.split('/'));
  };

  return {
    async stage(content) {
      await fsp.mkdir(staging, { recursive: true });
      const id = uuidv7();
      const d = now();
      const key = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
      const tmp = path.join(staging, id);
      const hash = createHash('sha256');
      let size = 0;
      const fh = await fsp.open(tmp, 'wx', 0o640);
      try {
        const chunks: AsyncIterable<Buffer> | Buffer[] = Buffer.isBuffer(content) ? [content] : content;
        for await (const chunk of chunks) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
          hash.update(buf);
          size += buf.length;
          await fh.write(buf);
        }
        await fh.sync();
      } catch (e) {
        await fh.close();
        await fsp.rm(tmp, { force: true });
        throw e;
      }
      await fh.close();
      let committed = false;
      return {
        key,
        sha256: hash.digest('hex'),
        size,
        async commit() {
          const target = fileOf(key);
          await fsp.mkdir(path.dirname(target), { recursive: true });
          await fsp.link(tmp, target); // EEXIST rather than overwrite
          committed = true;
          await fsp.rm(tmp, { force: true });
        },
        async discard() {
          if (!committed) await fsp.rm(tmp, { force: true });
        },
      };
    },

    async open(key) {
      const file = fileOf(key);
      try {
        const fh = await fsp.open(file, fs.constants.O_RDONLY);
        return fh.createReadStream();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DocumentMissingError(key);
        throw e;
      }
    },
  };
}
