import type { Logger } from 'pino';
import { withTenant, type Tx } from '../db';
import { audit } from '../audit';
import { can } from '../auth/permissions';
import { env } from '../env';
import { AppError, forbidden, notFound } from '../errors';
import { fill, messages, type TLocale } from '../i18n';
import { mailLocale, withLang } from '../i18n/rule';
import { logger } from '../log';
import { customerReplyMail, praiseMail } from '../mail/templates';
import { messageIdFor, sendMail } from '../mail/transport';
import { writeOutbox, type TEventPayload } from '../queue/events';
import type { MemberContext, TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput, ZId } from '../validation';
import { ZLogContact, ZPraise, ZReply } from './schemas';

const MAX_REPLY_ATTEMPTS = 8;

/** The task with what a reply needs: its answer's contact, company, assignee and organisation. */
async function loadForReply(tx: Tx, ctx: TenantContext, id: string) {
  if (!ZId.safeParse(id).success) throw notFound();
  const task = await tx.followUpTask.findFirst({
    where: {
      tenantId: ctx.tenantId,
      id,
      ...(can(ctx.role, 'task.read.all') ? {} : { assigneeMembershipId: ctx.membershipId }),
    },
    include: {
      tenant: true,
      company: { select: { name: true } },
      assignee: { select: { user: { select: { name: true, email: true } } } },
      response: { include: { contact: true } },
    },
  });
  if (!task) throw notFound();
  return task;
}

function assertWorkable(ctx: TenantContext, task: { assigneeMembershipId: string | null }) {
  authorize(ctx, 'task.work');
  if (!can(ctx.role, 'task.manage') && task.assigneeMembershipId !== ctx.membershipId) throw forbidden();
}

type ReplyTask = Awaited<ReturnType<typeof loadForReply>>;

/**
 * Whether the customer may get an email, and why not. A bounce always stops it (the address does
 * not work). An unsubscribe stops it too, except for a detractor: answering a detractor's own
 * complaint is a service email, not a survey or marketing mail, so it is allowed (and the form says so).
 */
export function replyRefusal(task: {
  category: string;
  response: { contact: { bouncedAt: Date | null; unsubscribedAt: Date | null } };
}): 'bounced' | 'unsubscribed' | null {
  const c = task.response.contact;
  if (c.bouncedAt) return 'bounced';
  if (c.unsubscribedAt && task.category !== 'DETRACTOR') return 'unsubscribed';
  return null;
}

/** The contact's language: their own, else the answer's, else the organisation's. */
const contactLocale = (task: ReplyTask): TLocale =>
  task.response.contact.locale ?? task.response.locale ?? task.tenant.defaultLocale;

/** The editable draft: the category's template in the contact's language, and whether it may go. */
export async function replyDraft(ctx: TenantContext, id: string) {
  authorize(ctx, 'task.read.own');
  return withTenant(ctx.tenantId, async (tx) => {
    const task = await loadForReply(tx, ctx, id);
    const locale = contactLocale(task);
    const contact = task.response.contact;
    const manager = task.assignee?.user.name ?? task.assignee?.user.email ?? task.tenant.senderName;
    const vars = {
      name: contact.name ?? contact.email,
      company: task.company?.name ?? '',
      manager,
      sender: task.tenant.senderName,
    };
    const tpl = messages(locale).reply.templates[task.category];
    return {
      locale,
      to: contact.email,
      replyTo: task.assignee?.user.email ?? null,
      subject: fill(tpl.subject, vars),
      body: fill(tpl.body, vars),
      refusal: replyRefusal(task),
      serviceReply: !!contact.unsubscribedAt && task.category === 'DETRACTOR',
    };
  });
}

/** The reason in the user's language, as a 400 naming the field. */
function refusalError(locale: TLocale, refusal: 'bounced' | 'unsubscribed', email: string) {
  const t = messages(locale).reply.card;
  const message = fill(refusal === 'bounced' ? t.refusedBounced : t.refusedUnsubscribed, { email });
  return new AppError('BAD_REQUEST', message, { fields: { body: message } });
}

/**
 * Sends the (edited) reply: a row on the task in state QUEUED and a task.reply event in one
 * transaction; the job sends it from the organisation's sender name with Reply-To the one who
 * replied, and marks its delivery state.
 */
export async function sendReply(
  ctx: MemberContext,
  id: string,
  input: { subject?: unknown; body?: unknown },
) {
  const v = parseInput(ZReply, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const task = await loadForReply(tx, ctx, id);
    assertWorkable(ctx, task);
    const refusal = replyRefusal(task);
    if (refusal) throw refusalError(ctx.locale, refusal, task.response.contact.email);
    const me = await tx.membership.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: ctx.membershipId } },
      select: { user: { select: { email: true } } },
    });
    const row = await tx.customerContact.create({
      data: {
        tenantId: ctx.tenantId,
        taskId: id,
        authorMembershipId: ctx.membershipId,
        kind: 'EMAIL',
        subject: v.subject,
        body: v.body,
        toEmail: task.response.contact.email,
        replyTo: me.user.email,
        locale: contactLocale(task),
        state: 'QUEUED',
      },
    });
    await writeOutbox(tx, 'task.reply', { tenantId: ctx.tenantId, customerContactId: row.id });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'task.reply',
      entityType: 'task',
      entityId: id,
      data: { customerContactId: row.id },
    });
    return row;
  });
}

/** A call or meeting: the customer is contacted now (the first contact stamps the task). */
export async function logCustomerContact(
  ctx: MemberContext,
  id: string,
  input: { kind?: unknown; body?: unknown },
  now = new Date(),
) {
  const v = parseInput(ZLogContact, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const task = await loadForReply(tx, ctx, id);
    assertWorkable(ctx, task);
    const row = await tx.customerContact.create({
      data: {
        tenantId: ctx.tenantId,
        taskId: id,
        authorMembershipId: ctx.membershipId,
        kind: v.kind,
        body: v.body,
        createdAt: now,
      },
    });
    await markContacted(tx, ctx.tenantId, id, now);
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'task.contacted',
      entityType: 'task',
      entityId: id,
      data: { kind: v.kind, customerContactId: row.id },
    });
    return row;
  });
}

/** "Customer contacted" is the first contact's moment; later contacts leave it as it is. */
async function markContacted(tx: Tx, tenantId: string, taskId: string, at: Date) {
  await tx.followUpTask.updateMany({
    where: { tenantId, id: taskId, contactedAt: null },
    data: { contactedAt: at },
  });
}

/** The contacts with the customer logged on a task, oldest first, with the author's name. */
export async function listCustomerContacts(ctx: TenantContext, id: string) {
  authorize(ctx, 'task.read.own');
  return withTenant(ctx.tenantId, async (tx) => {
    await loadForReply(tx, ctx, id);
    const rows = await tx.customerContact.findMany({
      where: { tenantId: ctx.tenantId, taskId: id },
      include: { author: { select: { user: { select: { name: true, email: true } } } } },
      orderBy: { id: 'asc' },
    });
    const shares = await tx.praiseShare.findMany({
      where: { tenantId: ctx.tenantId, taskId: id },
      orderBy: { id: 'asc' },
    });
    return {
      contacts: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        subject: r.subject,
        body: r.body,
        toEmail: r.toEmail,
        state: r.state,
        failureReason: r.failureReason,
        at: r.sentAt ?? r.createdAt,
        author: r.author ? (r.author.user.name ?? r.author.user.email) : null,
      })),
      shares: shares.map((s) => ({
        id: s.id,
        recipientIds: s.recipientIds,
        at: s.createdAt,
        sentAt: s.sentAt,
      })),
    };
  });
}

/** Another run holds the reply; the job retries after its lease. */
export class ReplyLeaseHeldError extends Error {
  constructor() {
    super('reply is being sent by another run; retrying after its lease');
  }
}

/**
 * Job handler: sends one queued reply. Claimed with a lease (QUEUED or an expired SENDING ->
 * SENDING), sent with the same Message-ID on every attempt, marked SENT right after the SMTP server
 * accepted it (and the task stamped "customer contacted"). SMTP 5xx fails it and marks the contact
 * bounced; 4xx releases the claim and the job retries, up to 8 attempts.
 */
export async function deliverReply(
  p: TEventPayload<'task.reply'>,
  { log = logger, now = new Date() }: { log?: Logger; now?: Date } = {},
): Promise<'sent' | 'not-claimed' | 'failed'> {
  const { tenantId, customerContactId: id } = p;
  const leaseUntil = new Date(now.getTime() + env().MAIL_LEASE_SECONDS * 1000);
  const row = await withTenant(tenantId, async (tx) => {
    const claimed = await tx.customerContact.updateMany({
      where: {
        tenantId,
        id,
        kind: 'EMAIL',
        OR: [{ state: 'QUEUED' }, { state: 'SENDING', leaseUntil: { lt: now } }],
      },
      data: { state: 'SENDING', leaseUntil, attempts: { increment: 1 } },
    });
    if (claimed.count === 0) {
      const held = await tx.customerContact.findUnique({ where: { tenantId_id: { tenantId, id } } });
      if (held?.state === 'SENDING') throw new ReplyLeaseHeldError();
      return null;
    }
    return tx.customerContact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id } },
      include: { tenant: true, task: { select: { response: { select: { contactId: true } } } } },
    });
  });
  if (!row) return 'not-claimed';
  try {
    const locale = row.locale ?? row.tenant.defaultLocale;
    const mail = await customerReplyMail({
      locale,
      subject: row.subject ?? '',
      body: row.body,
      sender: row.tenant.senderName,
    });
    await sendMail(
      {
        to: row.toEmail!,
        ...mail,
        fromName: row.tenant.senderName,
        replyTo: row.replyTo ? { address: row.replyTo } : undefined,
        messageId: messageIdFor('reply', row.id),
      },
      'direct',
    );
  } catch (err) {
    const e = err as Error & { responseCode?: number };
    const permanent = (e.responseCode ?? 0) >= 500;
    const last = permanent || row.attempts >= MAX_REPLY_ATTEMPTS;
    await withTenant(tenantId, async (tx) => {
      await tx.customerContact.updateMany({
        where: { tenantId, id, state: 'SENDING' },
        data: last
          ? { state: 'FAILED', leaseUntil: null, failureReason: e.message.slice(0, 500) }
          : { state: 'QUEUED', leaseUntil: null },
      });
      if (permanent)
        await tx.contact.updateMany({
          where: { tenantId, id: row.task.response.contactId, bouncedAt: null },
          data: { bouncedAt: new Date() },
        });
    });
    log.warn({ customerContactId: id, permanent, last, err: e.message }, 'reply not sent');
    if (last) return 'failed';
    throw err;
  }
  const sentAt = new Date();
  await withTenant(tenantId, async (tx) => {
    await tx.customerContact.updateMany({
      where: { tenantId, id },
      data: { state: 'SENT', sentAt, leaseUntil: null, messageId: messageIdFor('reply', row.id) },
    });
    await markContacted(tx, tenantId, row.taskId, sentAt);
  });
  return 'sent';
}

/**
 * Praise travels: a promoter's comment, shared from the task with the colleagues it names or thanks.
 * Recipients must be members of the organisation; the share is logged on the task and mailed by a job.
 */
export async function sharePraise(
  ctx: MemberContext,
  id: string,
  input: { memberIds?: unknown; note?: unknown },
) {
  const v = parseInput(ZPraise, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const task = await loadForReply(tx, ctx, id);
    assertWorkable(ctx, task);
    if (task.category !== 'PROMOTER' || !task.response.comment) throw notFound();
    const ids = [...new Set(v.memberIds)];
    const found = await tx.membership.count({ where: { tenantId: ctx.tenantId, id: { in: ids } } });
    if (found !== ids.length) {
      const message = messages(ctx.locale).validation.unknownMember;
      throw new AppError('BAD_REQUEST', message, { fields: { memberIds: message } });
    }
    const share = await tx.praiseShare.create({
      data: {
        tenantId: ctx.tenantId,
        taskId: id,
        authorMembershipId: ctx.membershipId,
        note: v.note ?? null,
        recipientIds: ids,
      },
    });
    await writeOutbox(tx, 'task.praise', { tenantId: ctx.tenantId, praiseShareId: share.id });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'task.praise',
      entityType: 'task',
      entityId: id,
      data: { praiseShareId: share.id, recipientIds: ids },
    });
    return share;
  });
}

/**
 * Job handler: mails a shared compliment to each chosen colleague in their language. Claimed with a
 * lease, each mail with its own stable Message-ID (a retry repeats them), marked sent at the end.
 */
export async function deliverPraise(
  p: TEventPayload<'task.praise'>,
  { now = new Date() }: { log?: Logger; now?: Date } = {},
): Promise<'sent' | 'not-claimed'> {
  const { tenantId, praiseShareId: id } = p;
  const leaseUntil = new Date(now.getTime() + env().MAIL_LEASE_SECONDS * 1000);
  const share = await withTenant(tenantId, async (tx) => {
    const claimed = await tx.praiseShare.updateMany({
      where: { tenantId, id, sentAt: null, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil },
    });
    if (claimed.count === 0) {
      const held = await tx.praiseShare.findUnique({ where: { tenantId_id: { tenantId, id } } });
      if (held && !held.sentAt) throw new ReplyLeaseHeldError();
      return null;
    }
    const s = await tx.praiseShare.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id } },
      include: {
        tenant: true,
        author: { select: { user: { select: { name: true, email: true } } } },
        task: {
          include: { company: { select: { name: true } }, response: { include: { contact: true } } },
        },
      },
    });
    const recipients = await tx.membership.findMany({
      where: { tenantId, id: { in: s.recipientIds } },
      select: { id: true, user: { select: { email: true, locale: true } } },
    });
    return { ...s, recipients };
  });
  if (!share) return 'not-claimed';
  const contact = share.task.response.contact;
  for (const r of share.recipients) {
    const locale = mailLocale(r.user.locale, share.tenant.defaultLocale);
    const mail = await praiseMail({
      locale,
      tenant: share.tenant.name,
      sharer: share.author ? (share.author.user.name ?? share.author.user.email) : share.tenant.name,
      contact: contact.name ?? contact.email,
      company: share.task.company?.name ?? contact.email,
      score: share.task.response.score,
      comment: share.task.response.comment ?? '',
      note: share.note,
      taskUrl: withLang(`${env().APP_URL}/tasks/${share.taskId}`, locale),
    });
    await sendMail(
      {
        to: r.user.email,
        ...mail,
        fromName: 'Kringloop',
        messageId: messageIdFor('praise', `${share.id}.${r.id}`),
      },
      'direct',
    );
  }
  await withTenant(tenantId, (tx) =>
    tx.praiseShare.updateMany({ where: { tenantId, id }, data: { sentAt: new Date(), leaseUntil: null } }),
  );
  return 'sent';
}
