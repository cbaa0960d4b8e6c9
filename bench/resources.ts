/**
 * Everything the bench starts (servers, browsers, temp dirs) is registered here and closed
 * in reverse order at the end, on errors and on Ctrl-C, so a failed run leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from './log.ts';

type Closer = () => Promise<void> | void;

export class Resources {
  private readonly closers: { name: string; close: Closer }[] = [];

  /** Registers a closer; returns a function that closes just this one, early. */
  add(name: string, close: Closer): () => Promise<void> {
    const entry = { name, close };
    this.closers.push(entry);
    return async () => {
      const i = this.closers.indexOf(entry);
      if (i < 0) return;
      this.closers.splice(i, 1);
      await runCloser(entry);
    };
  }

  /** A fresh directory under the OS temp dir, removed at the end. */
  tempDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), `flamelens-bench-${prefix}-`));
    this.add(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  async closeAll(): Promise<void> {
    while (this.closers.length > 0) await runCloser(this.closers.pop()!);
  }
}

async function runCloser(entry: { name: string; close: Closer }): Promise<void> {
  try {
    await entry.close();
  } catch (error) {
    log(`cleanup: closing ${entry.name} failed: ${(error as Error).message}`);
  }
}
