import { db } from '../db';
import { env } from '../env';
import { fill, formatDate, messages } from '../i18n';
import { button, esc, layout, paragraph } from '../mail/layout';
import { sendMail } from '../mail/transport';
import type { TEventPayload } from '../queue/events';

const LEASE_MS = 120_000;

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
export async function sendTaskAlert(p: TEventPayload<'task.alert'>): Promise<'sent' | 'not-claimed'> {
  const { tenantId, taskId } = p;
  const now = new Date();
  const claimed = await db.followUpTask.updateMany({
    where: {
      tenantId,
      id: taskId,
      alertSentAt: null,
      OR: [{ alertLeaseUntil: null }, { alertLeaseUntil: { lt: now } }],
    },
    data: { alertLeaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) {
    const held = await db.followUpTask.findUnique({
      where: { tenantId_id: { tenantId, id: taskId } },
      select: { alertSentAt: true },
    });
    if (held && !held.alertSentAt) throw new AlertLeaseHeldError();
    return 'not-claimed';
  }
  try {
    const task = await db.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id: taskId } },
      include: {
        tenant: true,
        company: { select: { name: true } },
        assignee: { select: { user: { select: { email: true, locale: true } } } },
        response: {
          include: {
            contact: { select: { name: true, email: true } },
            touchpoint: { select: { name: true } },
          },
        },
      },
    });
    if (!task.assignee) {
      await db.followUpTask.updateMany({ where: { tenantId, id: taskId }, data: { alertLeaseUntil: null } });
      return 'not-claimed';
    }
    const locale = task.assignee.user.locale ?? task.tenant.defaultLocale;
    const t = messages(locale);
    const m = t.mail.taskAlert;
    const due = formatDate(task.dueAt, locale, task.tenant.timeZone, true);
    const company = task.company?.name ?? task.response.contact.email;
    const contact = task.response.contact.name ?? task.response.contact.email;
    const url = `${env().APP_URL}/tasks/${task.id}`;
    const vars = {
      category: t.common.categories[task.category],
      score: task.response.score,
      company,
      due,
      contact,
      touchpoint: task.response.touchpoint.name,
    };
    const comment = task.response.comment ?? m.noComment;
    const advice = m[`advice${task.category}`];
    const body =
      paragraph(fill(m.intro, vars)) +
      `<table role="presentation" cellpadding="6" style="border-collapse:collapse;margin:0 0 16px">
<tr><th align="left">${esc(m.score)}</th><td><strong>${task.response.score}/10</strong> (${esc(vars.category)})</td></tr>
<tr><th align="left" valign="top">${esc(m.comment)}</th><td>${esc(comment)}</td></tr>
<tr><th align="left">${esc(m.due)}</th><td>${esc(due)}</td></tr></table>` +
      paragraph(advice) +
      `<p>${button(url, m.button)}</p>`;
    await sendMail({
      to: task.assignee.user.email,
      subject: fill(m.subject, vars),
      html: layout(locale, body, fill(t.mail.footer, { sender: task.tenant.name })),
      text: `${fill(m.intro, vars)}\n\n${m.score}: ${task.response.score}/10 (${vars.category})\n${m.comment}: ${comment}\n${m.due}: ${due}\n\n${advice}\n\n${m.button}: ${url}\n`,
      fromName: 'Kringloop',
    });
  } catch (err) {
    await db.followUpTask.updateMany({
      where: { tenantId, id: taskId, alertSentAt: null },
      data: { alertLeaseUntil: null },
    });
    throw err;
  }
  await db.followUpTask.updateMany({
    where: { tenantId, id: taskId },
    data: { alertSentAt: new Date(), alertLeaseUntil: null },
  });
  return 'sent';
}
