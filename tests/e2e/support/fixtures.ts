// e2e fixtures: seed through SQL on the run's database (no app code in the test process), sign in by
// writing a database session like next-auth does, read emails from the SMTP sink's folder.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';

export const uid = () => randomBytes(4).toString('hex');

let pool: pg.Pool | undefined;
export function sql() {
  pool ??= new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
  return pool;
}

export type Role = 'OWNER' | 'ADMIN' | 'ACCOUNT_MANAGER' | 'VIEWER';
export interface SeededUser {
  userId: string;
  membershipId: string;
  email: string;
  name: string;
}

/** A tenant with the given members (role -> display name). */
export async function seedTenant(name: string, members: Partial<Record<Role, string>>) {
  const tenantId = uuidv7();
  const routingKey = Array.from(randomBytes(8), (b) => 'abcdefghjkmnpqrstuvwxyz23456789'[b % 31]).join('');
  await sql().query(
    `INSERT INTO "Tenant" ("id","name","slug","routingKey","senderName","defaultLocale") VALUES ($1,$2,$3,$4,$2,'en')`,
    [tenantId, name, `e2e-${uid()}`, routingKey],
  );
  const users: Partial<Record<Role, SeededUser>> = {};
  for (const [role, person] of Object.entries(members) as [Role, string][]) {
    const userId = uuidv7();
    const membershipId = uuidv7();
    const email = `${role.toLowerCase().replace('_', '-')}-${uid()}@e2e.kringloop.test`;
    await sql().query(`INSERT INTO "User" ("id","email","name","locale") VALUES ($1,$2,$3,'en')`, [
      userId,
      email,
      person,
    ]);
    await sql().query(`INSERT INTO "Membership" ("tenantId","id","userId","role") VALUES ($1,$2,$3,$4)`, [
      tenantId,
      membershipId,
      userId,
      role,
    ]);
    users[role] = { userId, membershipId, email, name: person };
  }
  return { tenantId, name, routingKey, users };
}

/** Signs the browser context in as the user: a session row plus next-auth's cookie. */
export async function signIn(context: BrowserContext, user: SeededUser) {
  const token = randomBytes(32).toString('hex');
  await sql().query(
    `INSERT INTO "Session" ("id","sessionToken","userId","expires") VALUES ($1,$2,$3, now() + interval '1 day')`,
    [uuidv7(), token, user.userId],
  );
  await context.clearCookies();
  await context.addCookies([
    {
      name: 'next-auth.session-token',
      value: token,
      url: process.env.E2E_APP_URL!,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}

export interface Mail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

/** Waits for an email to `to` (optionally matching `pred`) in the sink's folder. */
export async function waitForMail(
  to: string,
  pred: (m: Mail) => boolean = () => true,
  ms = 30_000,
): Promise<Mail> {
  const dir = process.env.E2E_MAILBOX!;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const f of readdirSync(dir).sort()) {
      const m = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Mail;
      if (m.to.includes(to.toLowerCase()) && pred(m)) return m;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} within ${ms} ms`);
}

export function linkIn(mail: Mail, pattern: RegExp): string {
  const m = pattern.exec(mail.text);
  if (!m) throw new Error(`no link matching ${pattern} in "${mail.subject}"`);
  return m[0];
}

/** A survey with one sent invitation whose token we know (the database keeps only its hash). */
export async function seedInvitation(
  t: { tenantId: string; routingKey: string },
  opts: { locale?: 'nl' | 'en'; companyOwner?: string; viaWorker?: boolean } = {},
) {
  const { createHash } = await import('node:crypto');
  const q = (text: string, params: unknown[]) => sql().query(text, params);
  const [touchpointId, surveyId, companyId, contactId, invitationId] = [
    uuidv7(),
    uuidv7(),
    uuidv7(),
    uuidv7(),
    uuidv7(),
  ];
  const texts = JSON.parse(readFileSync(new URL('./survey-texts.json', import.meta.url), 'utf8')) as object;
  await q(`INSERT INTO "Touchpoint" ("tenantId","id","name","phase") VALUES ($1,$2,$3,'SUPPORT')`, [
    t.tenantId,
    touchpointId,
    `Support ${uid()}`,
  ]);
  await q(
    `INSERT INTO "Survey" ("tenantId","id","touchpointId","name","status","texts","updatedAt") VALUES ($1,$2,$3,'NPS','ACTIVE',$4,now())`,
    [t.tenantId, surveyId, touchpointId, JSON.stringify(texts)],
  );
  await q(
    `INSERT INTO "Company" ("tenantId","id","name","ownerMembershipId","updatedAt") VALUES ($1,$2,$3,$4,now())`,
    [t.tenantId, companyId, `Customer ${uid()}`, opts.companyOwner ?? null],
  );
  const email = `respondent-${uid()}@customer.example`;
  await q(
    `INSERT INTO "Contact" ("tenantId","id","companyId","email","name","locale","updatedAt") VALUES ($1,$2,$3,$4,'Riley',$5,now())`,
    [t.tenantId, contactId, companyId, email, opts.locale ?? 'en'],
  );
  if (opts.viaWorker) {
    // Queued: the worker sends it as every invitation (its token derived there, known from the email).
    await q(
      `INSERT INTO "Invitation" ("tenantId","id","surveyId","contactId","companyId","locale","status") VALUES ($1,$2,$3,$4,$5,$6,'PENDING')`,
      [t.tenantId, invitationId, surveyId, contactId, companyId, opts.locale ?? 'en'],
    );
    await q(
      `INSERT INTO "OutboxEvent" ("tenantId","id","type","payload") VALUES ($1,$2,'invitation.send',$3)`,
      [t.tenantId, uuidv7(), JSON.stringify({ tenantId: t.tenantId, invitationId })],
    );
    return { token: null, surveyId, invitationId, contactId, companyId, email };
  }
  const token = `${t.routingKey}.${randomBytes(20).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  await q(
    `INSERT INTO "Invitation" ("tenantId","id","surveyId","contactId","companyId","tokenHash","locale","status","sentAt","expiresAt")
     VALUES ($1,$2,$3,$4,$5,$6,$7,'SENT',now(), now() + interval '30 days')`,
    [t.tenantId, invitationId, surveyId, contactId, companyId, hash, opts.locale ?? 'en'],
  );
  return { token, surveyId, invitationId, contactId, companyId, email };
}

export async function count(table: string, tenantId: string): Promise<number> {
  const r = await sql().query(`SELECT count(*)::int AS n FROM "${table}" WHERE "tenantId" = $1`, [tenantId]);
  return (r.rows[0] as { n: number }).n;
}
