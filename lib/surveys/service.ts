import { isUniqueViolation, withTenant, type Tx } from '../db';
import { messages } from '../i18n';
import { audit } from '../audit';
import { AppError, notFound } from '../errors';
import { actorOf, type TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput, ZId } from '../validation';
import {
  DEFAULT_TEXTS,
  ZCreateSurvey,
  ZCreateTouchpoint,
  ZSurveyStatusChange,
  ZSurveyTexts,
  ZUpdateSurvey,
  type TCreateSurvey,
  type TCreateTouchpoint,
  type TSurveyTexts,
  type TUpdateSurvey,
} from './schemas';

export async function listTouchpoints(ctx: TenantContext) {
  authorize(ctx, 'survey.read');
  return withTenant(ctx.tenantId, (tx) =>
    tx.touchpoint.findMany({
      where: { tenantId: ctx.tenantId },
      orderBy: [{ phase: 'asc' }, { name: 'asc' }],
    }),
  );
}

export async function createTouchpoint(ctx: TenantContext, input: TCreateTouchpoint) {
  authorize(ctx, 'survey.manage');
  const data = parseInput(ZCreateTouchpoint, input, ctx.locale);
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      const tp = await tx.touchpoint.create({
        data: {
          ...data,
          customPhase: data.phase === 'CUSTOM' ? data.customPhase : null,
          cadenceMonths: data.kind === 'RELATIONSHIP' ? data.cadenceMonths : null,
          tenantId: ctx.tenantId,
        },
      });
      await audit(tx, {
        tenantId: ctx.tenantId,
        ...actorOf(ctx),
        action: 'touchpoint.created',
        entityType: 'touchpoint',
        entityId: tp.id,
      });
      return tp;
    });
  } catch (err) {
    // The name is unique per tenant: a duplicate is the user's mistake, said on the field.
    if (isUniqueViolation(err)) {
      const message = messages(ctx.locale).surveys.touchpointForm.duplicate;
      throw new AppError('CONFLICT', message, { fields: { name: message } });
    }
    throw err;
  }
}

/** Surveys with their touchpoint and how many were invited and answered. */
export async function listSurveys(ctx: TenantContext) {
  authorize(ctx, 'survey.read');
  const { surveys, sent } = await withTenant(ctx.tenantId, async (tx) => ({
    surveys: await tx.survey.findMany({
      where: { tenantId: ctx.tenantId },
      include: { touchpoint: true, _count: { select: { responses: true } } },
      orderBy: { createdAt: 'desc' },
    }),
    sent: await tx.invitation.groupBy({
      by: ['surveyId'],
      where: { tenantId: ctx.tenantId, status: 'SENT' },
      _count: { _all: true },
    }),
  }));
  const sentBy = new Map(sent.map((s) => [s.surveyId, s._count._all]));
  return surveys.map((s) => ({
    ...s,
    texts: s.texts as TSurveyTexts,
    sent: sentBy.get(s.id) ?? 0,
    responses: s._count.responses,
  }));
}

export async function getSurvey(ctx: TenantContext, id: string) {
  authorize(ctx, 'survey.read');
  return withTenant(ctx.tenantId, (tx) => findSurvey(tx, ctx, id));
}

async function findSurvey(tx: Tx, ctx: TenantContext, id: string) {
  if (!ZId.safeParse(id).success) throw notFound();
  const s = await tx.survey.findUnique({
    where: { tenantId_id: { tenantId: ctx.tenantId, id } },
    include: { touchpoint: true },
  });
  if (!s) throw notFound();
  return { ...s, texts: ZSurveyTexts.parse(s.texts) };
}

export async function createSurvey(ctx: TenantContext, input: TCreateSurvey) {
  authorize(ctx, 'survey.manage');
  const data = parseInput(ZCreateSurvey, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const tp = await tx.touchpoint.findUnique({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: data.touchpointId } },
    });
    if (!tp) throw notFound('Touchpoint not found');
    const s = await tx.survey.create({
      data: {
        tenantId: ctx.tenantId,
        touchpointId: tp.id,
        name: data.name,
        texts: data.texts ?? DEFAULT_TEXTS,
      },
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      ...actorOf(ctx),
      action: 'survey.created',
      entityType: 'survey',
      entityId: s.id,
    });
    return s;
  });
}

export async function updateSurvey(ctx: TenantContext, id: string, input: TUpdateSurvey) {
  authorize(ctx, 'survey.manage');
  const data = parseInput(ZUpdateSurvey, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    await findSurvey(tx, ctx, id);
    const s = await tx.survey.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id } }, data });
    await audit(tx, {
      tenantId: ctx.tenantId,
      ...actorOf(ctx),
      action: 'survey.updated',
      entityType: 'survey',
      entityId: id,
    });
    return s;
  });
}

/** Activate, pause or archive. Only an active survey can be sent. */
export async function setSurveyStatus(ctx: TenantContext, id: string, input: { status: string }) {
  authorize(ctx, 'survey.manage');
  const { status } = parseInput(ZSurveyStatusChange, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const before = await findSurvey(tx, ctx, id);
    const s = await tx.survey.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id } },
      data: { status },
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      ...actorOf(ctx),
      action: 'survey.status',
      entityType: 'survey',
      entityId: id,
      data: { from: before.status, to: status },
    });
    return s;
  });
}
