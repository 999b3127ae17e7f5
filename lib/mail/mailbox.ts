import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { env } from '../env';
import { notFound } from '../errors';
import type { SinkMessage } from './sink';

/** The demo's dev mailbox: messages the embedded SMTP sink stored. Demo mode only. */
export async function listMailbox(limit = 100): Promise<SinkMessage[]> {
  if (!env().DEMO_MODE) throw notFound();
  const dir = env().MAILBOX_DIR;
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit);
  const all = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as SinkMessage),
  );
  return all;
}

export async function getMail(id: string): Promise<SinkMessage> {
  if (!env().DEMO_MODE || !/^[0-9a-f-]{36}$/.test(id)) throw notFound();
  try {
    return JSON.parse(await readFile(join(env().MAILBOX_DIR, `${id}.json`), 'utf8')) as SinkMessage;
  } catch {
    throw notFound();
  }
}
