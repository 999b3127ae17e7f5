// Demo mode: one-click sessions for the seeded users only, and the dev mailbox fed by a real sink.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDemoSession, DEMO_DOMAIN, listDemoUsers } from '../../lib/auth/demo';
import { adminDb } from '../support/db';
import { AppError } from '../../lib/errors';
import { getMail, listMailbox } from '../../lib/mail/mailbox';
import { startSmtpSink } from '../../lib/mail/sink';
import { uid } from '../support/factories';

// Hoisted above the imports, so lib/env.ts reads demo mode and this file's mailbox folder.
const box = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/kringloop-mailbox-${Math.random().toString(16).slice(2)}`;
  process.env.DEMO_MODE = 'true';
  process.env.MAILBOX_DIR = dir;
  return { dir };
});

afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

describe('demo mode', () => {
  it('signs in seeded demo users with one click, and nobody else', async () => {
    const email = `cx-${uid()}@${DEMO_DOMAIN}`;
    const user = await adminDb.user.create({ data: { email, name: 'Demo CX' } });
    const { sessionToken } = await createDemoSession(email);
    const session = await adminDb.session.findUniqueOrThrow({ where: { sessionToken } });
    expect(session.userId).toBe(user.id);
    expect((await listDemoUsers()).map((u) => u.email)).toContain(email);

    const outsider = `someone-${uid()}@customer.example`;
    await adminDb.user.create({ data: { email: outsider } });
    const refused = await createDemoSession(outsider).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(404);
  });

  it('the dev mailbox lists what the embedded sink received, newest first', async () => {
    const sink = await startSmtpSink({ port: 0, dir: box.dir });
    try {
      // The app's own transport points at the per-file test sink; send to the mailbox sink directly.
      const nodemailer = (await import('nodemailer')).default;
      const t = nodemailer.createTransport({
        host: '127.0.0.1',
        port: sink.port,
        secure: false,
        ignoreTLS: true,
      });
      await t.sendMail({ from: 'a@x.test', to: 'first@x.test', subject: 'First', text: 'one' });
      await t.sendMail({
        from: 'a@x.test',
        to: 'second@x.test',
        subject: 'Second',
        text: 'two http://localhost/x',
      });
      t.close();
      const mails = await listMailbox();
      expect(mails.map((m) => m.subject)).toEqual(['Second', 'First']);
      expect((await getMail(mails[0]!.id)).text).toContain('http://localhost/x');
      await expect(getMail('../../etc/passwd')).rejects.toBeInstanceOf(AppError);
    } finally {
      await sink.close();
    }
  });
});
