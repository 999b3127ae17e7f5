import { uuidv7 } from 'uuidv7';
import { db } from '../db';
import { parseSurveyToken } from '../distribution/tokens';
import { AppError, notFound } from '../errors';
import type { TLocale } from '../i18n';
import { categoryOf, type TCategory } from '../nps';
import { outboxRow } from '../queue/events';
import { localizedTexts, ZSurveyTexts, type TLocaleTexts } from '../surveys/schemas';
import { parseInput } from '../validation';
import { ZSubmitAnswer, type TSubmitAnswer } from './schemas';

export interface SurveyView {
  tenantId: string;
  invitationId: string;
  locale: TLocale;
  company: string;
  texts: TLocaleTexts;
  unsubscribed: boolean;
  answer: { score: number; comment: string | null } | null;
}

/**
 * Finds the live invitation behind a token: routing key -> tenant, then (tenantId, hash). Unknown,
 * malformed, expired and not-sent tokens all give null, and the page answers the same 404 for each.
 * Read-only: a GET of a survey link never writes (mail scanners open every link).
 */
async function findInvitation(token: string) {
  const parsed = parseSurveyToken(token);
  if (!parsed) return null;
  const tenant = await db.tenant.findUnique({ where: { routingKey: parsed.routingKey } });
  if (!tenant) return null;
  const inv = await db.invitation.findUnique({
    where: { tenantId_tokenHash: { tenantId: tenant.id, tokenHash: parsed.hash } },
    include: { survey: true, contact: true, response: true },
  });
  if (!inv || (inv.status !== 'SENT' && inv.status !== 'SENDING')) return null;
  if (inv.expiresAt && inv.expiresAt < new Date()) return null;
  return { tenant, inv };
}

export async function loadSurvey(token: string): Promise<SurveyView | null> {
  const found = await findInvitation(token);
  if (!found) return null;
  const { tenant, inv } = found;
  return {
    tenantId: tenant.id,
    invitationId: inv.id,
    locale: inv.locale,
    company: tenant.senderName,
    texts: localizedTexts(ZSurveyTexts.parse(inv.survey.texts), inv.locale, tenant.senderName),
    unsubscribed: !!inv.contact.unsubscribedAt,
    answer: inv.response ? { score: inv.response.score, comment: inv.response.comment } : null,
  };
}

/**
 * Records the answer: one response per invitation. A second submit (same or another score) updates
 * the same row in one upsert; the follow-up is announced through the outbox only when the response is
 * new, and an open task follows a changed category. Safe under any number of concurrent submits.
 */
export async function submitAnswer(token: string, input: TSubmitAnswer): Promise<{ view: SurveyView; category: TCategory; created: boolean }> {
  const found = await findInvitation(token);
  if (!found) throw notFound();
  const { tenant, inv } = found;
  const data = parseInput(ZSubmitAnswer, input, inv.locale);
  const category = categoryOf(data.score);
  const created = await db.$transaction(async (tx) => {
    const id = uuidv7();
    const rows = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO "Response" ("tenantId", "id", "invitationId", "surveyId", "touchpointId", "contactId", "companyId",
                              "score", "category", "comment", "locale", "submittedAt", "updatedAt")
      SELECT ${tenant.id}::uuid, ${id}::uuid, i."id", i."surveyId", s."touchpointId", i."contactId", i."companyId",
             ${data.score}, ${category}::"NpsCategory", ${data.comment ?? null}, ${inv.locale}::"Locale", now(), now()
      FROM "Invitation" i JOIN "Survey" s ON s."tenantId" = i."tenantId" AND s."id" = i."surveyId"
      WHERE i."tenantId" = ${tenant.id}::uuid AND i."id" = ${inv.id}::uuid
      ON CONFLICT ("tenantId", "invitationId") DO UPDATE
        SET "score" = EXCLUDED."score", "category" = EXCLUDED."category",
            "comment" = COALESCE(EXCLUDED."comment", "Response"."comment"), "updatedAt" = now()
      RETURNING "id", (xmax = 0) AS "inserted"`;
    const row = rows[0]!;
    if (row.inserted) {
      await tx.invitation.update({ where: { tenantId_id: { tenantId: tenant.id, id: inv.id } }, data: { respondedAt: new Date() } });
      const e = outboxRow('response.submitted', { tenantId: tenant.id, responseId: row.id });
      await tx.outboxEvent.create({ data: { ...e, payload: e.payload as object } });
    } else {
      // The task (if the worker made it already) follows the new category while it is still open.
      await tx.followUpTask.updateMany({
        where: { tenantId: tenant.id, responseId: row.id, status: { not: 'DONE' }, category: { not: category } },
        data: { category },
      });
    }
    return row.inserted;
  });
  const view = (await loadSurvey(token))!;
  return { view, category, created };
}

/** Unsubscribes the invitation's contact from all surveys of this tenant (RFC 8058 one-click too). */
export async function unsubscribe(token: string): Promise<SurveyView> {
  const found = await findInvitation(token);
  if (!found) throw notFound();
  const { tenant, inv } = found;
  await db.$transaction(async (tx) => {
    await tx.contact.updateMany({
      where: { tenantId: tenant.id, id: inv.contactId, unsubscribedAt: null },
      data: { unsubscribedAt: new Date() },
    });
    await tx.auditLog.create({
      data: { tenantId: tenant.id, action: 'contact.unsubscribed', entityType: 'contact', entityId: inv.contactId, data: { invitationId: inv.id } },
    });
  });
  const view = await loadSurvey(token);
  if (!view) throw new AppError('NOT_FOUND', 'Not found');
  return view;
}
