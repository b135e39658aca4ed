/**
 * Where photo bytes live: an interface with a disk implementation (object storage such as OSS,
 * COS or an S3-compatible store implements the same three calls). The database keeps the
 * photo's row (owner, size, dimensions, digest) and the storage key.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface PhotoStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/** Photos as files below a folder; written to a temporary name first, then renamed (never half a file). */
export class DiskPhotoStorage implements PhotoStorage {
  constructor(private readonly root: string) {}

  #path(key: string): string {
    if (!/^[a-z0-9][a-z0-9/-]*\.jpg$/.test(key) || key.includes('..')) throw new Error(`bad photo key ${key}`);
    return join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, bytes, { flush: true });
    await rename(temporary, path);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.#path(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
}
