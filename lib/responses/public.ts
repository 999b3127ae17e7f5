import { uuidv7 } from 'uuidv7';
import { asSystemQuery, Prisma, withTenant } from '../db';
import { parseSurveyToken } from '../distribution/tokens';
import { audit } from '../audit';
import { notFound } from '../errors';
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

interface Found {
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
 * The answer as one statement: upsert the response, stamp the invitation, announce it. A new response
 * announces 'response.submitted' (the follow-up task); a changed category announces
 * 'response.changed' (the open task follows: category, SLA, alert).
 */
function answerSql(found: Found, data: { score: number; comment?: string }) {
  const category = categoryOf(data.score);
  const responseId = uuidv7();
  const created = outboxRow('response.submitted', { tenantId: found.tenantId, responseId });
  const changedId = uuidv7();
  const historyId = uuidv7();
  const keepComment = data.comment === undefined;
  const comment = data.comment ? data.comment : null;
  return Prisma.sql`
    WITH prev AS (
      SELECT "category", "score" FROM "Response"
      WHERE "tenantId" = ${found.tenantId}::uuid AND "invitationId" = ${found.invitationId}::uuid
    ),
    up AS (
      INSERT INTO "Response" ("tenantId", "id", "invitationId", "surveyId", "touchpointId", "contactId", "companyId",
                              "score", "category", "comment", "locale", "submittedAt", "updatedAt")
      SELECT i."tenantId", ${responseId}::uuid, i."id", i."surveyId", s."touchpointId", i."contactId", i."companyId",
             ${data.score}, ${category}::"NpsCategory", ${comment}, i."locale", now(), now()
      FROM "Invitation" i JOIN "Survey" s ON s."tenantId" = i."tenantId" AND s."id" = i."surveyId"
      WHERE i."tenantId" = ${found.tenantId}::uuid AND i."id" = ${found.invitationId}::uuid
      ON CONFLICT ("tenantId", "invitationId") DO UPDATE
        SET "score" = EXCLUDED."score", "category" = EXCLUDED."category",
            "comment" = CASE WHEN ${keepComment} THEN "Response"."comment" ELSE EXCLUDED."comment" END,
            "updatedAt" = now()
      RETURNING "id", (xmax = 0) AS "inserted", "comment"
    ),
    inv AS (
      UPDATE "Invitation" SET "respondedAt" = now()
      WHERE "tenantId" = ${found.tenantId}::uuid AND "id" = ${found.invitationId}::uuid AND "respondedAt" IS NULL
        AND EXISTS (SELECT 1 FROM up WHERE up."inserted")
    ),
    ev AS (
      INSERT INTO "OutboxEvent" ("tenantId", "id", "type", "payload", "createdAt")
      SELECT ${found.tenantId}::uuid, ${created.id}::uuid, ${created.type}, ${JSON.stringify(created.payload)}::jsonb, now()
      FROM up WHERE up."inserted"
      UNION ALL
      SELECT ${found.tenantId}::uuid, ${changedId}::uuid, 'response.changed',
             jsonb_build_object('tenantId', ${found.tenantId}::text, 'responseId', up."id"::text), now()
      FROM up, prev WHERE NOT up."inserted" AND prev."category" <> ${category}::"NpsCategory"
    ),
    hist AS (
      -- Every changed score goes into the history (the follow-up's trail shows it), however fast the
      -- respondent flips: the task and its alerts follow only the category (sync-task.ts).
      INSERT INTO "AuditLog" ("tenantId", "id", "actorUserId", "action", "entityType", "entityId", "data", "createdAt")
      SELECT ${found.tenantId}::uuid, ${historyId}::uuid, NULL, 'response.changed', 'response', up."id",
             jsonb_build_object('fromScore', prev."score", 'toScore', ${data.score}::int,
                                'from', prev."category"::text, 'to', ${category}::text), now()
      FROM up, prev WHERE NOT up."inserted" AND prev."score" <> ${data.score}::int
    )
    SELECT "id", "inserted", "comment" FROM up`;
}

/**
 * Records the answer: one response per invitation. A second submit (same or another score) updates
 * the same row. One lookup (token routing), then one short transaction for the write: the statement
 * of answerSql, whose data-modifying CTEs run atomically, so it is safe under any number of concurrent
 * submits. Comment: undefined keeps the stored one, '' clears it.
 */
export async function submitAnswer(
  token: string,
  input: TSubmitAnswer,
): Promise<{ view: SurveyView; category: TCategory; created: boolean }> {
  const found = await findInvitation(token);
  if (!found) throw notFound();
  const data = parseInput(ZSubmitAnswer, input, found.locale);
  const category = categoryOf(data.score);
  const sql = answerSql(found, data);
  const rows = await withTenant(found.tenantId, (tx) =>
    tx.$queryRaw<{ id: string; inserted: boolean; comment: string | null }[]>(sql),
  );
  const row = rows[0];
  if (!row) throw notFound();
  const view = toView({ ...found, score: data.score, comment: row.comment });
  return { view, category, created: row.inserted };
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
export const answerInternals = { lookupSql, answerSql, parseSurveyToken };
