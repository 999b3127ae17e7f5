import { TZDate } from '@date-fns/tz';
import { addBusinessDays } from 'date-fns';
import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import { asSystemQuery, Prisma, withTenant, type Tx } from '../db';
import { audit } from '../audit';
import { env } from '../env';
import { formatDate } from '../i18n';
import { mailLocale, withLang } from '../i18n/rule';
import { logger } from '../log';
import { escalationMail } from '../mail/templates';
import { messageIdFor, sendMail } from '../mail/transport';
import { outboxRow, type TEventPayload } from '../queue/events';

/**
 * Escalation of a follow-up that is not started within its deadline (status still OPEN after dueAt):
 * 1. at the deadline its assignee is reminded (REMIND_ASSIGNEE);
 * 2. a business day later, once the reminder was decided, the escalation contact of the company's
 *    business unit is told (ESCALATE), or, without one, every CX manager (ADMIN; OWNER when none).
 * Each step and recipient is one TaskEscalation row, unique, inserted with ON CONFLICT DO NOTHING by
 * the scan: only the scan whose insert went in announces it (outbox `task.escalation`) and writes it
 * into the follow-up's history, so two scans at once, or a re-run, tell nobody twice. The mail job
 * claims the row with a lease, like an alert.
 */
export const ESCALATE_AFTER_BUSINESS_DAYS = 1;
const MAX_TASKS_PER_TENANT_PER_TICK = 1_000;

type TStep = 'REMIND_ASSIGNEE' | 'ESCALATE';

/** The moment a follow-up due at `dueAt` (end of a day in the tenant's zone) is escalated. */
export function escalationMoment(dueAt: Date, timeZone: string): Date {
  return new Date(
    addBusinessDays(new TZDate(dueAt.getTime(), timeZone), ESCALATE_AFTER_BUSINESS_DAYS).getTime(),
  );
}

async function cxManagers(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { tenantId, role: { in: ['ADMIN', 'OWNER'] } },
    select: { id: true, role: true },
    orderBy: { createdAt: 'asc' },
  });
  const admins = rows.filter((r) => r.role === 'ADMIN');
  return (admins.length ? admins : rows).map((r) => r.id);
}

/** Decides the due escalation steps of one tenant's open, overdue follow-ups. */
async function decide(tenantId: string, now: Date) {
  return withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
    // Index (tenantId, status, dueAt); follow-ups already escalated are left out.
    const tasks = await tx.followUpTask.findMany({
      where: { tenantId, status: 'OPEN', dueAt: { lte: now }, escalations: { none: { step: 'ESCALATE' } } },
      select: {
        id: true,
        dueAt: true,
        assigneeMembershipId: true,
        company: { select: { businessUnit: { select: { escalationMembershipId: true } } } },
        escalations: { select: { step: true } },
      },
      orderBy: { dueAt: 'asc' },
      take: MAX_TASKS_PER_TENANT_PER_TICK,
    });
    let managers: string[] | undefined;
    const wanted: { id: string; taskId: string; step: TStep; recipient: string }[] = [];
    for (const t of tasks) {
      const reminded = t.escalations.some((e) => e.step === 'REMIND_ASSIGNEE');
      if (!reminded && t.assigneeMembershipId)
        wanted.push({
          id: uuidv7(),
          taskId: t.id,
          step: 'REMIND_ASSIGNEE',
          recipient: t.assigneeMembershipId,
        });
      // The escalation follows the reminder (a tick later at the earliest), never comes with it.
      if ((reminded || !t.assigneeMembershipId) && escalationMoment(t.dueAt, tenant.timeZone) <= now) {
        const contact = t.company?.businessUnit?.escalationMembershipId;
        const recipients = contact ? [contact] : (managers ??= await cxManagers(tx, tenantId));
        for (const r of recipients)
          wanted.push({ id: uuidv7(), taskId: t.id, step: 'ESCALATE', recipient: r });
      }
    }
    if (wanted.length === 0) return 0;
    const inserted = await tx.$queryRaw<
      { id: string; taskId: string; step: TStep; recipientMembershipId: string }[]
    >`
      INSERT INTO "TaskEscalation" ("tenantId", "id", "taskId", "step", "recipientMembershipId", "createdAt")
      SELECT ${tenantId}::uuid, x."id", x."taskId", x."step"::"EscalationStep", x."recipient", now()
      FROM unnest(${wanted.map((w) => w.id)}::uuid[], ${wanted.map((w) => w.taskId)}::uuid[],
                  ${wanted.map((w) => w.step)}::text[], ${wanted.map((w) => w.recipient)}::uuid[])
           AS x("id", "taskId", "step", "recipient")
      ON CONFLICT ("tenantId", "taskId", "step", "recipientMembershipId") DO NOTHING
      RETURNING "id", "taskId", "step"::text AS "step", "recipientMembershipId"`;
    if (inserted.length === 0) return 0;
    await tx.outboxEvent.createMany({
      data: inserted.map((r) => {
        const e = outboxRow('task.escalation', { tenantId, escalationId: r.id });
        return { ...e, payload: e.payload as object };
      }),
    });
    // One history entry per follow-up and step, naming who is told.
    const byTaskStep = new Map<string, { taskId: string; step: TStep; recipients: string[] }>();
    for (const r of inserted) {
      const key = `${r.taskId}.${r.step}`;
      const entry = byTaskStep.get(key) ?? { taskId: r.taskId, step: r.step, recipients: [] };
      entry.recipients.push(r.recipientMembershipId);
      byTaskStep.set(key, entry);
    }
    for (const e of byTaskStep.values())
      await audit(tx, {
        tenantId,
        actorUserId: null,
        action: 'task.escalated',
        entityType: 'task',
        entityId: e.taskId,
        data: { step: e.step, recipients: e.recipients },
      });
    return inserted.length;
  });
}

/**
 * The scheduled scan (job `scan-escalations`): the tenants with an open follow-up past its deadline
 * as of `now` (system path `escalation scan`), then each tenant's steps decided in withTenant.
 */
export async function scanEscalations(now: Date, log: Logger = logger) {
  const tenants = await asSystemQuery<{ id: string }[]>(
    'escalation scan',
    Prisma.sql`
      SELECT t."id" FROM "Tenant" t
      WHERE EXISTS (SELECT 1 FROM "FollowUpTask" f
                    WHERE f."tenantId" = t."id" AND f."status" = 'OPEN' AND f."dueAt" <= ${now})`,
  );
  let decided = 0;
  for (const { id } of tenants) decided += await decide(id, now);
  if (decided) log.info({ tenants: tenants.length, decided }, 'escalations decided');
  return { tenants: tenants.length, decided };
}

/** Another run holds the escalation mail; the job retries after its lease. */
export class EscalationLeaseHeldError extends Error {
  constructor() {
    super('escalation mail is being sent by another run; retrying after its lease');
  }
}

/**
 * Job handler (`send-escalation`): one escalation mail, in the recipient's language. Claimed with a
 * lease, marked sent after the SMTP server accepted it; cancelled when the follow-up was started or
 * closed meanwhile. The same Message-ID on every attempt.
 */
export async function sendEscalation(
  p: TEventPayload<'task.escalation'>,
  { log = logger, now = new Date() }: { log?: Logger; now?: Date } = {},
): Promise<'sent' | 'cancelled' | 'not-claimed'> {
  const { tenantId, escalationId } = p;
  const leaseUntil = new Date(now.getTime() + env().MAIL_LEASE_SECONDS * 1000);
  const row = await withTenant(tenantId, async (tx) => {
    const claimed = await tx.taskEscalation.updateMany({
      where: {
        tenantId,
        id: escalationId,
        sentAt: null,
        cancelledAt: null,
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      },
      data: { leaseUntil },
    });
    const row = await tx.taskEscalation.findUnique({
      where: { tenantId_id: { tenantId, id: escalationId } },
      include: {
        tenant: { select: { name: true, timeZone: true, defaultLocale: true } },
        recipient: { select: { user: { select: { email: true, locale: true } } } },
        task: {
          include: {
            company: { select: { name: true } },
            assignee: { select: { user: { select: { name: true, email: true } } } },
            response: { select: { score: true, contact: { select: { name: true, email: true } } } },
          },
        },
      },
    });
    if (claimed.count === 0) {
      if (row && !row.sentAt && !row.cancelledAt) throw new EscalationLeaseHeldError();
      return null;
    }
    if (row!.task.status !== 'OPEN') {
      await tx.taskEscalation.updateMany({
        where: { tenantId, id: escalationId, sentAt: null },
        data: { cancelledAt: now, leaseUntil: null },
      });
      return 'cancelled' as const;
    }
    return row!;
  });
  if (row === null) return 'not-claimed';
  if (row === 'cancelled') {
    log.info({ escalationId }, 'escalation cancelled: the follow-up was started');
    return 'cancelled';
  }
  const { task, tenant } = row;
  const locale = mailLocale(row.recipient.user.locale, tenant.defaultLocale);
  try {
    const mail = await escalationMail({
      locale,
      step: row.step,
      tenant: tenant.name,
      category: task.category,
      score: task.response.score,
      company: task.company?.name ?? task.response.contact.email,
      contact: task.response.contact.name ?? task.response.contact.email,
      assignee: task.assignee ? (task.assignee.user.name ?? task.assignee.user.email) : null,
      due: formatDate(task.dueAt, locale, tenant.timeZone, true),
      taskUrl: withLang(`${env().APP_URL}/tasks/${task.id}`, locale),
    });
    await sendMail(
      {
        to: row.recipient.user.email,
        ...mail,
        fromName: 'Kringloop',
        messageId: messageIdFor('escalation', row.id),
      },
      'direct',
    );
  } catch (err) {
    await withTenant(tenantId, (tx) =>
      tx.taskEscalation.updateMany({
        where: { tenantId, id: escalationId, sentAt: null },
        data: { leaseUntil: null },
      }),
    );
    log.warn({ escalationId, err: (err as Error).message }, 'escalation not sent');
    throw err;
  }
  await withTenant(tenantId, (tx) =>
    tx.taskEscalation.updateMany({
      where: { tenantId, id: escalationId },
      data: { sentAt: new Date(), leaseUntil: null },
    }),
  );
  log.debug({ escalationId }, 'escalation sent');
  return 'sent';
}
