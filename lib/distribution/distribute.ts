import { uuidv7 } from 'uuidv7';
import { Prisma, withTenant } from '../db';
import { audit } from '../audit';
import { AppError, notFound } from '../errors';
import { outboxRow } from '../queue/events';
import { actorOf, type TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput, rule, ZId } from '../validation';
import { ZSendSurvey, type TAudience, type TSendSurvey } from './schemas';

type SkipReason = 'THROTTLED' | 'UNSUBSCRIBED' | 'BOUNCED';

export interface SendSummary {
  distributionId: string;
  total: number;
  queued: number;
  skipped: Record<SkipReason, number>;
}

function audienceFilter(a: TAudience): Prisma.Sql {
  switch (a.type) {
    case 'all':
      return Prisma.sql`TRUE`;
    case 'companies':
      return Prisma.sql`c."companyId" = ANY(${a.companyIds}::uuid[])`;
    case 'businessUnits':
      return Prisma.sql`co."businessUnitId" = ANY(${a.businessUnitIds}::uuid[])`;
    case 'contacts':
      return Prisma.sql`c."id" = ANY(${a.contactIds}::uuid[])`;
  }
}

/**
 * Sends an active survey to an audience: one Invitation per contact, each announced through the
 * outbox for the mail worker. Unsubscribed and bounced contacts, and contacts invited within the
 * tenant's throttle period, get a SKIPPED invitation with the reason, so the CX manager sees why.
 * The contact rows are locked first, so two sends at once cannot both pass the throttle check.
 */
export async function sendSurvey(ctx: TenantContext, input: TSendSurvey): Promise<SendSummary> {
  authorize(ctx, 'distribution.send');
  const { surveyId, audience } = parseInput(ZSendSurvey, input, ctx.locale);
  return withTenant(
    ctx.tenantId,
    async (tx) => {
      const survey = await tx.survey.findUnique({
        where: { tenantId_id: { tenantId: ctx.tenantId, id: surveyId } },
      });
      if (!survey) throw notFound('Survey not found');
      if (survey.status !== 'ACTIVE') throw new AppError('CONFLICT', rule(ctx.locale, 'surveyNotActive'));
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId } });
      const contacts = await tx.$queryRaw<
        {
          id: string;
          companyId: string | null;
          locale: 'nl' | 'en' | null;
          unsubscribedAt: Date | null;
          bouncedAt: Date | null;
        }[]
      >`
        SELECT c."id", c."companyId", c."locale", c."unsubscribedAt", c."bouncedAt"
        FROM "Contact" c
        LEFT JOIN "Company" co ON co."tenantId" = c."tenantId" AND co."id" = c."companyId"
        WHERE c."tenantId" = ${ctx.tenantId}::uuid AND ${audienceFilter(audience)}
        ORDER BY c."id"
        FOR UPDATE OF c`;
      const ids = contacts.map((c) => c.id);
      const recent =
        tenant.throttleDays > 0 && ids.length > 0
          ? await tx.$queryRaw<{ contactId: string }[]>`
              SELECT DISTINCT "contactId" FROM "Invitation"
              WHERE "tenantId" = ${ctx.tenantId}::uuid AND "contactId" = ANY(${ids}::uuid[])
                AND "status" IN ('PENDING', 'SENDING', 'SENT')
                AND "createdAt" > now() - make_interval(days => ${tenant.throttleDays}::int)`
          : [];
      const throttled = new Set(recent.map((r) => r.contactId));

      const distributionId = uuidv7();
      await tx.distribution.create({
        data: {
          tenantId: ctx.tenantId,
          id: distributionId,
          surveyId,
          createdByMembershipId: ctx.membershipId,
          audience,
        },
      });
      const skipped: Record<SkipReason, number> = { THROTTLED: 0, UNSUBSCRIBED: 0, BOUNCED: 0 };
      const invitations: Prisma.InvitationCreateManyInput[] = [];
      const events = [];
      for (const c of contacts) {
        const skipReason: SkipReason | null = c.unsubscribedAt
          ? 'UNSUBSCRIBED'
          : c.bouncedAt
            ? 'BOUNCED'
            : throttled.has(c.id)
              ? 'THROTTLED'
              : null;
        const id = uuidv7();
        invitations.push({
          tenantId: ctx.tenantId,
          id,
          surveyId,
          contactId: c.id,
          companyId: c.companyId,
          distributionId,
          locale: c.locale ?? tenant.defaultLocale,
          status: skipReason ? 'SKIPPED' : 'PENDING',
          skipReason,
        });
        if (skipReason) skipped[skipReason]++;
        else events.push(outboxRow('invitation.send', { tenantId: ctx.tenantId, invitationId: id }));
      }
      if (invitations.length) await tx.invitation.createMany({ data: invitations });
      if (events.length)
        await tx.outboxEvent.createMany({
          data: events.map((e) => ({ ...e, payload: e.payload as object })),
        });
      const summary = { distributionId, total: contacts.length, queued: events.length, skipped };
      await audit(tx, {
        tenantId: ctx.tenantId,
        ...actorOf(ctx),
        action: 'survey.sent',
        entityType: 'survey',
        entityId: surveyId,
        data: { ...summary },
      });
      return summary;
    },
    { timeout: 60_000 },
  );
}

/** The sends of a survey (newest 50, or the one asked for) with their outcome per status and reason. */
export async function listDistributions(
  ctx: TenantContext,
  surveyId: string,
  only?: { distributionId: string },
) {
  authorize(ctx, 'survey.read');
  if (!ZId.safeParse(surveyId).success) throw notFound();
  if (only && !ZId.safeParse(only.distributionId).success) throw notFound();
  const { rows, counts } = await withTenant(ctx.tenantId, async (tx) => {
    const rows = await tx.distribution.findMany({
      where: { tenantId: ctx.tenantId, surveyId, ...(only ? { id: only.distributionId } : {}) },
      orderBy: { id: 'desc' },
      include: { createdBy: { select: { user: { select: { name: true, email: true } } } } },
      take: 50,
    });
    const counts = await tx.invitation.groupBy({
      by: ['distributionId', 'status', 'skipReason'],
      where: { tenantId: ctx.tenantId, distributionId: { in: rows.map((r) => r.id) } },
      _count: { _all: true },
    });
    return { rows, counts };
  });
  return rows.map((r) => {
    const mine = counts.filter((c) => c.distributionId === r.id);
    const by = (pred: (c: (typeof mine)[number]) => boolean) =>
      mine.filter(pred).reduce((n, c) => n + c._count._all, 0);
    return {
      id: r.id,
      createdAt: r.createdAt,
      by: r.createdBy ? (r.createdBy.user.name ?? r.createdBy.user.email) : null,
      pending: by((c) => c.status === 'PENDING' || c.status === 'SENDING'),
      sent: by((c) => c.status === 'SENT'),
      failed: by((c) => c.status === 'FAILED'),
      throttled: by((c) => c.skipReason === 'THROTTLED'),
      unsubscribed: by((c) => c.skipReason === 'UNSUBSCRIBED'),
      bounced: by((c) => c.skipReason === 'BOUNCED'),
    };
  });
}

/** Every invitation of one send with its contact, status and reason. */
export async function distributionInvitations(ctx: TenantContext, distributionId: string) {
  authorize(ctx, 'survey.read');
  if (!ZId.safeParse(distributionId).success) throw notFound();
  return withTenant(ctx.tenantId, (tx) =>
    tx.invitation.findMany({
      where: { tenantId: ctx.tenantId, distributionId },
      select: {
        id: true,
        status: true,
        skipReason: true,
        failureReason: true,
        sentAt: true,
        respondedAt: true,
        contact: { select: { email: true, name: true, company: { select: { name: true } } } },
      },
      orderBy: { id: 'asc' },
    }),
  );
}
