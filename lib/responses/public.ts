import { uuidv7 } from 'uuidv7';
import { asSystemQuery, Prisma, tenantStatement, withTenant } from '../db';
import { parseSurveyToken } from '../distribution/tokens';
import { audit } from '../audit';
import { notFound } from '../errors';
import type { TLocale } from '../i18n';
import { categoryOf, type TCategory } from '../nps';
import { localizedTexts, ZSurveyTexts, type TLocaleTexts } from '../surveys/schemas';
import { parseInput } from '../validation';
import { ZSubmitAnswer, type TSubmitAnswer, type TValidAnswer } from './schemas';

export interface SurveyView {
  tenantId: string;
  invitationId: string;
  locale: TLocale;
  company: string;
  texts: TLocaleTexts;
  unsubscribed: boolean;
  answer: { score: number; comment: string | null } | null;
}

/** A live invitation found by its token (lookupInvitation); what the answer needs to be recorded. */
export interface Found {
  tenantId: string;
  senderName: string;
  invitationId: string;
  contactId: string;
  locale: TLocale;
  texts: unknown;
  unsubscribed: boolean;
  score: number | null;
  comment: string | null;
}

/** The token lookup: routing key -> tenant, then (tenantId, hash); one round trip. */
function lookupSql(parsed: { routingKey: string; hash: string }, allowExpired: boolean) {
  return Prisma.sql`
    SELECT t."id" AS "tenantId", t."senderName", i."id" AS "invitationId", i."contactId", i."locale"::text AS "locale",
           s."texts", (c."unsubscribedAt" IS NOT NULL) AS "unsubscribed", r."score", r."comment"
    FROM "Tenant" t
    JOIN "Invitation" i ON i."tenantId" = t."id" AND i."tokenHash" = ${parsed.hash}
    JOIN "Survey" s ON s."tenantId" = i."tenantId" AND s."id" = i."surveyId"
    JOIN "Contact" c ON c."tenantId" = i."tenantId" AND c."id" = i."contactId"
    LEFT JOIN "Response" r ON r."tenantId" = i."tenantId" AND r."invitationId" = i."id"
    WHERE t."routingKey" = ${parsed.routingKey}
      AND i."status" IN ('SENT', 'SENDING')
      AND (${allowExpired} OR i."expiresAt" IS NULL OR i."expiresAt" > now())`;
}

/**
 * Finds the live invitation behind a token. Token routing is a cross-tenant path (the token is all
 * the respondent has), so it runs as the system role and returns one invitation only. Unknown,
 * malformed, expired and not-sent tokens all give null, and the page answers the same 404 for each;
 * unsubscribing keeps working after the survey link expired. Read-only: a GET of a survey link never
 * writes (mail scanners open every link).
 */
async function findInvitation(token: string, opts: { allowExpired?: boolean } = {}): Promise<Found | null> {
  const parsed = parseSurveyToken(token);
  if (!parsed) return null;
  const rows = await asSystemQuery<Found[]>('token routing', lookupSql(parsed, opts.allowExpired ?? false));
  return rows[0] ?? null;
}

function toView(f: Found): SurveyView {
  return {
    tenantId: f.tenantId,
    invitationId: f.invitationId,
    locale: f.locale,
    company: f.senderName,
    texts: localizedTexts(ZSurveyTexts.parse(f.texts), f.locale, f.senderName),
    unsubscribed: f.unsubscribed,
    answer: f.score === null ? null : { score: f.score, comment: f.comment },
  };
}

export async function loadSurvey(token: string): Promise<SurveyView | null> {
  const found = await findInvitation(token);
  return found ? toView(found) : null;
}

/** The view for the unsubscribe page: like loadSurvey, but an expired survey link still unsubscribes. */
export async function loadUnsubscribeView(token: string): Promise<SurveyView | null> {
  const found = await findInvitation(token, { allowExpired: true });
  return found ? toView(found) : null;
}

/**
 * The answer as one round trip: kringloop_record_answer (migration answer_in_one_round_trip) names
 * the tenant, upserts the response, stamps the invitation and announces it, in one statement. A new
 * response announces 'response.submitted' (the follow-up task); a changed category announces
 * 'response.changed' (the open task follows: category, SLA, alert).
 */
function answerSql(found: Found, data: { score: number; comment?: string }) {
  const category = categoryOf(data.score);
  const keepComment = data.comment === undefined;
  const comment = data.comment ? data.comment : null;
  return Prisma.sql`
    SELECT "id", "inserted", "comment" FROM kringloop_record_answer(
      ${found.tenantId}::uuid, ${found.invitationId}::uuid, ${uuidv7()}::uuid, ${data.score}::int,
      ${category}::"NpsCategory", ${comment}::text, ${keepComment}, ${uuidv7()}::uuid, ${uuidv7()}::uuid,
      ${uuidv7()}::uuid)`;
}

/** The live invitation behind a survey link, or null (the page then answers the same 404 for any reason). */
export function lookupInvitation(token: string): Promise<Found | null> {
  return findInvitation(token);
}

export function surveyViewOf(found: Found): SurveyView {
  return toView(found);
}

/**
 * Records an answer already validated (ZSubmitAnswer) for an invitation already looked up: one
 * response per invitation, a second submit (same or another score) updates the same row. One round
 * trip, safe under any number of concurrent submits. Comment: undefined keeps the stored one, ''
 * clears it.
 */
export async function recordAnswer(
  found: Found,
  data: TValidAnswer,
): Promise<{ view: SurveyView; category: TCategory; created: boolean }> {
  const rows = await tenantStatement<{ id: string; inserted: boolean; comment: string | null }[]>(
    answerSql(found, data),
  );
  const row = rows[0];
  if (!row) throw notFound();
  const view = toView({ ...found, score: data.score, comment: row.comment });
  return { view, category: categoryOf(data.score), created: row.inserted };
}

/** Looks the token up, validates the input, records the answer (for callers without a lookup yet). */
export async function submitAnswer(
  token: string,
  input: TSubmitAnswer,
): Promise<{ view: SurveyView; category: TCategory; created: boolean }> {
  const found = await findInvitation(token);
  if (!found) throw notFound();
  return recordAnswer(found, parseInput(ZSubmitAnswer, input, found.locale));
}

/**
 * Unsubscribes the invitation's contact from all surveys of this tenant (the page's button and RFC
 * 8058 one-click). Works after the survey link expired; a repeated POST changes and audits nothing.
 */
export async function unsubscribe(token: string): Promise<SurveyView> {
  const found = await findInvitation(token, { allowExpired: true });
  if (!found) throw notFound();
  await withTenant(found.tenantId, async (tx) => {
    const changed = await tx.contact.updateMany({
      where: { tenantId: found.tenantId, id: found.contactId, unsubscribedAt: null },
      data: { unsubscribedAt: new Date() },
    });
    if (changed.count > 0) {
      await audit(tx, {
        tenantId: found.tenantId,
        actorUserId: null,
        action: 'contact.unsubscribed',
        entityType: 'contact',
        entityId: found.contactId,
        data: { invitationId: found.invitationId },
      });
    }
  });
  return toView({ ...found, unsubscribed: true });
}

/** For bench/rls-answer.ts: the same two statements, to time them without row-level security. */
export const answerInternals = { lookupSql, answerSql, parseSurveyToken, toView };
