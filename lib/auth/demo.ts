import { randomBytes } from 'node:crypto';
import { asSystem, db } from '../db';
import { env } from '../env';
import { notFound } from '../errors';

/** Seeded demo users share this domain; one-click sign-in is limited to them. */
export const DEMO_DOMAIN = 'demo.kringloop.test';

export async function listDemoUsers() {
  if (!env().DEMO_MODE) return [];
  // The role shown on each button comes from the user's memberships, in whichever tenant.
  const users = await asSystem('sign-in memberships', (tx) =>
    tx.user.findMany({
      where: { email: { endsWith: `@${DEMO_DOMAIN}` } },
      select: { email: true, name: true, memberships: { select: { role: true }, take: 1 } },
      orderBy: { email: 'asc' },
    }),
  );
  const order = ['ADMIN', 'ACCOUNT_MANAGER', 'VIEWER', 'OWNER'];
  return users
    .map((u) => ({ email: u.email, name: u.name ?? u.email, role: u.memberships[0]?.role ?? null }))
    .sort(
      (a, b) => order.indexOf(a.role ?? '') - order.indexOf(b.role ?? '') || a.email.localeCompare(b.email),
    );
}

/**
 * Demo mode only: a database session for a seeded demo user, exactly like the one next-auth writes
 * after a magic link. Outside demo mode this does not exist (404).
 */
export async function createDemoSession(email: string): Promise<{ sessionToken: string; expires: Date }> {
  if (!env().DEMO_MODE || !email.endsWith(`@${DEMO_DOMAIN}`)) throw notFound();
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw notFound();
  const sessionToken = randomBytes(32).toString('hex');
  const expires = new Date(Date.now() + 24 * 3600 * 1000);
  await db.session.create({ data: { sessionToken, userId: user.id, expires } });
  return { sessionToken, expires };
}
