import { TZDate } from '@date-fns/tz';
import { endOfDay, format, isWeekend } from 'date-fns';
import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import { asSystemQuery, Prisma, withTenant } from '../db';
import { env } from '../env';
import { formatDate } from '../i18n';
import { mailLocale, withLang } from '../i18n/rule';
import { logger } from '../log';
import { digestMail, type DigestGroup } from '../mail/templates';
import { messageIdFor, sendMail } from '../mail/transport';
import { outboxRow, type TEventPayload } from '../queue/events';

/**
 * The daily digest of every account manager: their open follow-ups that are new (since their
 * previous digest, else the last 24 hours), due today and overdue. From 08:00 in the tenant's time
 * zone on business days (Monday to Friday) the scan decides each member's digest of the day once:
 * a Digest row unique per (member, day), inserted with ON CONFLICT DO NOTHING, with its counts. Only
 * a digest with something in it is announced (outbox `digest.ready`) and mailed; an empty one is
 * recorded and not sent. A worker that was down at 08:00 sends it when it comes back that day.
 */
export const DIGEST_HOUR = 8;
const LINES_PER_GROUP = 5;

/** The tenant's local day of `now` when its digest is due then (a business day, 08:00 or later); else null. */
export function digestDay(now: Date, timeZone: string): string | null {
  const local = new TZDate(now.getTime(), timeZone);
  if (isWeekend(local) || local.getHours() < DIGEST_HOUR) return null;
  return format(local, 'yyyy-MM-dd');
}

/** The end of a local day (yyyy-MM-dd) in the tenant's zone. */
function endOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(endOfDay(new TZDate(y, m - 1, d, 12, timeZone)).getTime());
}

async function decide(tenantId: string, timeZone: string, day: string, now: Date) {
  const dayEnd = endOfLocalDay(day, timeZone);
  return withTenant(tenantId, async (tx) => {
    const counts = await tx.$queryRaw<
      { membershipId: string; new: number; dueToday: number; overdue: number }[]
    >`
      WITH members AS (
        SELECT m."id" FROM "Membership" m
        WHERE m."tenantId" = ${tenantId}::uuid AND m."role" = 'ACCOUNT_MANAGER'
          AND NOT EXISTS (SELECT 1 FROM "Digest" d WHERE d."tenantId" = m."tenantId" AND d."membershipId" = m."id"
                          AND d."day" = ${day}::date)
      ),
      since AS (
        SELECT mb."id", COALESCE(
          (SELECT max(d."createdAt") FROM "Digest" d WHERE d."tenantId" = ${tenantId}::uuid AND d."membershipId" = mb."id"),
          ${now}::timestamp - interval '24 hours') AS "at"
        FROM members mb
      )
      SELECT s."id" AS "membershipId",
        count(f."id") FILTER (WHERE f."createdAt" > s."at")::int AS "new",
        count(f."id") FILTER (WHERE f."dueAt" >= ${now} AND f."dueAt" <= ${dayEnd})::int AS "dueToday",
        count(f."id") FILTER (WHERE f."dueAt" < ${now})::int AS "overdue"
      FROM since s
      LEFT JOIN "FollowUpTask" f ON f."tenantId" = ${tenantId}::uuid AND f."assigneeMembershipId" = s."id"
                                AND f."status" <> 'DONE'
      GROUP BY s."id"`;
    if (counts.length === 0) return { decided: 0, announced: 0 };
    const rows = counts.map((c) => ({ ...c, id: uuidv7() }));
    const inserted = await tx.$queryRaw<{ id: string; total: number }[]>`
      INSERT INTO "Digest" ("tenantId", "id", "membershipId", "day", "newCount", "dueTodayCount", "overdueCount", "createdAt")
      SELECT ${tenantId}::uuid, x."id", x."membershipId", ${day}::date, x."new", x."dueToday", x."overdue", ${now}
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.membershipId)}::uuid[],
                  ${rows.map((r) => r.new)}::int[], ${rows.map((r) => r.dueToday)}::int[],
                  ${rows.map((r) => r.overdue)}::int[]) AS x("id", "membershipId", "new", "dueToday", "overdue")
      ON CONFLICT ("tenantId", "membershipId", "day") DO NOTHING
      RETURNING "id", ("newCount" + "dueTodayCount" + "overdueCount") AS "total"`;
    const ready = inserted.filter((r) => r.total > 0);
    if (ready.length)
      await tx.outboxEvent.createMany({
        data: ready.map((r) => {
          const e = outboxRow('digest.ready', { tenantId, digestId: r.id });
          return { ...e, payload: e.payload as object };
        }),
      });
    return { decided: inserted.length, announced: ready.length };
  });
}

/**
 * The scheduled scan (job `send-digests`): the tenants and their time zones (system path `digest
 * scan`), then, for each whose local time is a business day at 08:00 or later, its account
 * managers' digests of that day decided in withTenant.
 */
export async function scanDigests(now: Date, log: Logger = logger) {
  const tenants = await asSystemQuery<{ id: string; timeZone: string }[]>(
    'digest scan',
    Prisma.sql`SELECT "id", "timeZone" FROM "Tenant"`,
  );
  let decided = 0;
  let announced = 0;
  for (const t of tenants) {
    const day = digestDay(now, t.timeZone);
    if (!day) continue;
    const r = await decide(t.id, t.timeZone, day, now);
    decided += r.decided;
    announced += r.announced;
  }
  if (decided) log.info({ decided, announced }, 'digests decided');
  return { decided, announced };
}

/** Another run holds the digest; the job retries after its lease. */
export class DigestLeaseHeldError extends Error {
  constructor() {
    super('digest is being sent by another run; retrying after its lease');
  }
}

/**
 * Job handler (`send-digest`): one account manager's digest, in their language, with the first
 * follow-ups of each group as they were when it was decided. Claimed with a lease; the same
 * Message-ID on every attempt.
 */
export async function sendDigest(
  p: TEventPayload<'digest.ready'>,
  { log = logger, now = new Date() }: { log?: Logger; now?: Date } = {},
): Promise<'sent' | 'not-claimed'> {
  const { tenantId, digestId } = p;
  const leaseUntil = new Date(now.getTime() + env().MAIL_LEASE_SECONDS * 1000);
  const loaded = await withTenant(tenantId, async (tx) => {
    const claimed = await tx.digest.updateMany({
      where: {
        tenantId,
        id: digestId,
        sentAt: null,
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      },
      data: { leaseUntil },
    });
    const digest = await tx.digest.findUnique({
      where: { tenantId_id: { tenantId, id: digestId } },
      include: {
        tenant: { select: { name: true, timeZone: true, defaultLocale: true } },
        member: { select: { user: { select: { email: true, locale: true } } } },
      },
    });
    if (claimed.count === 0 || !digest) {
      if (digest && !digest.sentAt) throw new DigestLeaseHeldError();
      return null;
    }
    const previous = await tx.digest.findFirst({
      where: { tenantId, membershipId: digest.membershipId, day: { lt: digest.day } },
      orderBy: { day: 'desc' },
      select: { createdAt: true },
    });
    const at = digest.createdAt;
    const since = previous?.createdAt ?? new Date(at.getTime() - 24 * 3_600_000);
    const dayEnd = endOfLocalDay(digest.day.toISOString().slice(0, 10), digest.tenant.timeZone);
    const base = { tenantId, assigneeMembershipId: digest.membershipId, status: { not: 'DONE' as const } };
    const select = {
      category: true,
      dueAt: true,
      company: { select: { name: true } },
      response: { select: { score: true, contact: { select: { email: true } } } },
    } as const;
    const list = (where: Prisma.FollowUpTaskWhereInput) =>
      tx.followUpTask.findMany({
        where: { ...base, ...where },
        select,
        orderBy: { dueAt: 'asc' },
        take: LINES_PER_GROUP,
      });
    return {
      digest,
      overdue: await list({ dueAt: { lt: at } }),
      dueToday: await list({ dueAt: { gte: at, lte: dayEnd } }),
      new: await list({ createdAt: { gt: since } }),
    };
  });
  if (!loaded) return 'not-claimed';
  const { digest } = loaded;
  const locale = mailLocale(digest.member.user.locale, digest.tenant.defaultLocale);
  const group = (lines: (typeof loaded)['new'], count: number): DigestGroup => ({
    count,
    lines: lines.map((l) => ({
      category: l.category,
      score: l.response.score,
      company: l.company?.name ?? l.response.contact.email,
      due: formatDate(l.dueAt, locale, digest.tenant.timeZone),
    })),
  });
  try {
    const mail = await digestMail({
      locale,
      tenant: digest.tenant.name,
      new: group(loaded.new, digest.newCount),
      dueToday: group(loaded.dueToday, digest.dueTodayCount),
      overdue: group(loaded.overdue, digest.overdueCount),
      tasksUrl: withLang(`${env().APP_URL}/tasks`, locale),
    });
    await sendMail(
      {
        to: digest.member.user.email,
        ...mail,
        fromName: 'Kringloop',
        messageId: messageIdFor('digest', digest.id),
      },
      'direct',
    );
  } catch (err) {
    await withTenant(tenantId, (tx) =>
      tx.digest.updateMany({ where: { tenantId, id: digestId, sentAt: null }, data: { leaseUntil: null } }),
    );
    log.warn({ digestId, err: (err as Error).message }, 'digest not sent');
    throw err;
  }
  await withTenant(tenantId, (tx) =>
    tx.digest.updateMany({
      where: { tenantId, id: digestId },
      data: { sentAt: new Date(), leaseUntil: null },
    }),
  );
  log.debug({ digestId }, 'digest sent');
  return 'sent';
}
