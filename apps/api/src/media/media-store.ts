import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Channel media, stored content-addressed under the data folder: the same photo sent twice is kept
 * once, and a file's name proves its content. Writes go through a temp file so a crash never leaves
 * a half-written file under its final name.
 */
export class MediaStore {
  constructor(private readonly dir: string) {}

  async save(bytes: Uint8Array, mimeType: string): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const folder = join(this.dir, sha256.slice(0, 2));
    const path = join(folder, sha256);
    if (!existsSync(path)) {
      await mkdir(folder, { recursive: true });
      // Not the pid: several API containers share one media volume, and each of them is pid 1.
      const temp = `${path}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes);
      // The type file too is swapped in whole: another process saving the same bytes may be reading it.
      await writeFile(`${temp}.json`, JSON.stringify({ mimeType }));
      await rename(`${temp}.json`, `${path}.json`);
      await rename(temp, path);
    }
    return { sha256, size: bytes.byteLength };
  }

  async read(sha256: string): Promise<{ bytes: Buffer; mimeType: string } | null> {
    if (!/^[a-f0-9]{64}$/.test(sha256)) return null;
    const path = join(this.dir, sha256.slice(0, 2), sha256);
    if (!existsSync(path)) return null;
    const meta = JSON.parse(await readFile(`${path}.json`, 'utf8')) as { mimeType?: string };
    return { bytes: await readFile(path), mimeType: meta.mimeType ?? 'application/octet-stream' };
  }
}
