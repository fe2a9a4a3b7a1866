/** What the REST tests share: a script file for `weir run`, a JSON GET, and polling until ready. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function script(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'weir-rest-')), 'job.sql');
  writeFileSync(file, text);
  return file;
}

export async function get(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** Calls `f` every 20 ms until it returns a value (or fails after `timeoutMs`). */
export async function until<T>(f: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
