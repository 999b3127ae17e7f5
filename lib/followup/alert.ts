import type { Logger } from 'pino';
import { withTenant } from '../db';
import { env } from '../env';
import { formatDate } from '../i18n';
import { mailLocale, withLang } from '../i18n/rule';
import { logger } from '../log';
import { taskAlertMail } from '../mail/templates';
import { messageIdFor, sendMail } from '../mail/transport';
import type { TEventPayload } from '../queue/events';

/** Another run holds the alert; the job retries after its lease. */
export class AlertLeaseHeldError extends Error {
  constructor() {
    super('alert is being sent by another run; retrying after its lease');
  }
}

/**
 * Job handler: emails the assignee about their task, in their language. The alert is claimed with a
 * lease (a conditional update) before sending and marked sent after, so a re-run job does not alert
 * twice, and a run that crashed mid-send leaves a lease that expires and is retried. A failed send
 * releases the claim and the job retries.
 */
export async function sendTaskAlert(
  p: TEventPayload<'task.alert'>,
  { log = logger, now = new Date() }: { log?: Logger; now?: Date } = {},
): Promise<'sent' | 'not-claimed'> {
  const { tenantId, taskId } = p;
  const leaseUntil = new Date(now.getTime() + env().MAIL_LEASE_SECONDS * 1000);
  const task = await withTenant(tenantId, async (tx) => {
    const claimed = await tx.followUpTask.updateMany({
      where: {
        tenantId,
        id: taskId,
        alertSentAt: null,
        OR: [{ alertLeaseUntil: null }, { alertLeaseUntil: { lt: now } }],
      },
      data: { alertLeaseUntil: leaseUntil },
    });
    if (claimed.count === 0) {
      const held = await tx.followUpTask.findUnique({
        where: { tenantId_id: { tenantId, id: taskId } },
        select: { alertSentAt: true },
      });
      if (held && !held.alertSentAt) throw new AlertLeaseHeldError();
      return null;
    }
    const task = await tx.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id: taskId } },
      include: {
        tenant: true,
        company: { select: { name: true } },
        assignee: { select: { user: { select: { email: true, locale: true } } } },
        response: {
          include: {
            contact: { select: { name: true, email: true, phone: true } },
            touchpoint: { select: { name: true } },
          },
        },
      },
    });
    if (!task.assignee) {
      await tx.followUpTask.updateMany({ where: { tenantId, id: taskId }, data: { alertLeaseUntil: null } });
      return null;
    }
    return { ...task, assignee: task.assignee };
  });
  if (!task) return 'not-claimed';

  try {
    const locale = mailLocale(task.assignee.user.locale, task.tenant.defaultLocale);
    const mail = await taskAlertMail({
      locale,
      tenant: task.tenant.name,
      category: task.category,
      score: task.response.score,
      comment: task.response.comment,
      company: task.company?.name ?? task.response.contact.email,
      contact: task.response.contact.name ?? task.response.contact.email,
      contactEmail: task.response.contact.email,
      contactPhone: task.response.contact.phone,
      touchpoint: task.response.touchpoint.name,
      due: formatDate(task.dueAt, locale, task.tenant.timeZone, true),
      reopened: task.reopenedAt !== null,
      taskUrl: withLang(`${env().APP_URL}/tasks/${task.id}`, locale),
    });
    // The same Message-ID on every attempt of this alert; an alert after the answer changed (it got
    // worse) is another mail with its own.
    await sendMail(
      {
        to: task.assignee.user.email,
        ...mail,
        fromName: 'Kringloop',
        messageId: messageIdFor('alert', `${task.id}.${task.response.updatedAt.getTime()}`),
      },
      'direct',
    );
  } catch (err) {
    await withTenant(tenantId, (tx) =>
      tx.followUpTask.updateMany({
        where: { tenantId, id: taskId, alertSentAt: null },
        data: { alertLeaseUntil: null },
      }),
    );
    log.warn({ taskId, err: (err as Error).message }, 'alert not sent');
    throw err;
  }
  await withTenant(tenantId, (tx) =>
    tx.followUpTask.updateMany({
      where: { tenantId, id: taskId },
      data: { alertSentAt: new Date(), alertLeaseUntil: null },
    }),
  );
  log.debug({ taskId }, 'alert sent');
  return 'sent';
}
