-- The respondent's answer in one round trip (lib/responses/public.ts, recordAnswer). The function
-- names the tenant for the transaction of the one statement that calls it, then upserts the response,
-- stamps the invitation, writes the outbox event and, for a changed score, the history entry, all in
-- one statement (data-modifying CTEs run
-- atomically). SECURITY INVOKER: it runs as its caller, kringloop_app, so row-level security applies
-- exactly as in withTenant; it only saves BEGIN, set_config and COMMIT as separate round trips.
CREATE OR REPLACE FUNCTION kringloop_record_answer(
  p_tenant uuid,
  p_invitation uuid,
  p_response uuid,
  p_score integer,
  p_category "NpsCategory",
  p_comment text,
  p_keep_comment boolean,
  p_created_event uuid,
  p_changed_event uuid,
  p_history uuid
) RETURNS TABLE ("id" uuid, "inserted" boolean, "comment" text)
LANGUAGE plpgsql SECURITY INVOKER AS $fn$
#variable_conflict use_column
BEGIN
  PERFORM set_config('app.tenant_id', p_tenant::text, true);
  RETURN QUERY
  WITH prev AS (
    SELECT r."category", r."score" FROM "Response" r
    WHERE r."tenantId" = p_tenant AND r."invitationId" = p_invitation
  ),
  up AS (
    INSERT INTO "Response" ("tenantId", "id", "invitationId", "surveyId", "touchpointId", "contactId", "companyId",
                            "score", "category", "comment", "locale", "submittedAt", "updatedAt")
    SELECT i."tenantId", p_response, i."id", i."surveyId", s."touchpointId", i."contactId", i."companyId",
           p_score, p_category, p_comment, i."locale", now(), now()
    FROM "Invitation" i JOIN "Survey" s ON s."tenantId" = i."tenantId" AND s."id" = i."surveyId"
    WHERE i."tenantId" = p_tenant AND i."id" = p_invitation
    ON CONFLICT ("tenantId", "invitationId") DO UPDATE
      SET "score" = EXCLUDED."score", "category" = EXCLUDED."category",
          "comment" = CASE WHEN p_keep_comment THEN "Response"."comment" ELSE EXCLUDED."comment" END,
          "updatedAt" = now()
    RETURNING "Response"."id" AS rid, (xmax = 0) AS ins, "Response"."comment" AS cmt
  ),
  inv AS (
    UPDATE "Invitation" SET "respondedAt" = now()
    WHERE "Invitation"."tenantId" = p_tenant AND "Invitation"."id" = p_invitation AND "respondedAt" IS NULL
      AND EXISTS (SELECT 1 FROM up WHERE up.ins)
  ),
  ev AS (
    INSERT INTO "OutboxEvent" ("tenantId", "id", "type", "payload", "createdAt")
    SELECT p_tenant, p_created_event, 'response.submitted',
           jsonb_build_object('tenantId', p_tenant::text, 'responseId', up.rid::text), now()
    FROM up WHERE up.ins
    UNION ALL
    SELECT p_tenant, p_changed_event, 'response.changed',
           jsonb_build_object('tenantId', p_tenant::text, 'responseId', up.rid::text), now()
    FROM up, prev WHERE NOT up.ins AND prev."category" <> p_category
  ),
  hist AS (
    -- Every changed score goes into the history (the follow-up's trail shows it), however fast the
    -- respondent flips: the task and its alerts follow only the category (sync-task.ts).
    INSERT INTO "AuditLog" ("tenantId", "id", "actorUserId", "action", "entityType", "entityId", "data", "createdAt")
    SELECT p_tenant, p_history, NULL, 'response.changed', 'response', up.rid,
           jsonb_build_object('fromScore', prev."score", 'toScore', p_score,
                              'from', prev."category"::text, 'to', p_category::text), now()
    FROM up, prev WHERE NOT up.ins AND prev."score" <> p_score
  )
  SELECT up.rid, up.ins, up.cmt FROM up;
END
$fn$;

REVOKE ALL ON FUNCTION kringloop_record_answer(uuid, uuid, uuid, integer, "NpsCategory", text, boolean, uuid, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kringloop_record_answer(uuid, uuid, uuid, integer, "NpsCategory", text, boolean, uuid, uuid, uuid) TO kringloop_app;

-- The relay's wake-up: one notification per statement that adds outbox events, delivered at commit,
-- so the worker relays at once instead of at its next poll (lib/queue/relay.ts, runRelay).
CREATE OR REPLACE FUNCTION kringloop_outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('kringloop_outbox', '');
  RETURN NULL;
END
$fn$;

DROP TRIGGER IF EXISTS outbox_notify ON "OutboxEvent";
CREATE TRIGGER outbox_notify AFTER INSERT ON "OutboxEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION kringloop_outbox_notify();
