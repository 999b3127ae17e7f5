import type { Logger } from 'pino';
import { Prisma, withTenant, type Tx } from '../db';
import { logger } from '../log';
import type { TEventPayload } from '../queue/events';
import { audienceFilter, evaluateAudience, tuneForAudience, type FatigueRules } from './fatigue';
import { ZAudience } from './schemas';

/** Contacts per batch: one transaction of a few hundred milliseconds, whatever the audience size. */
export const BATCH_SIZE = 5_000;

/**
 * Serialises invitation creation per tenant (one batch at a time), so two sends at once cannot both
 * pass the throttle or both take a company's last place under the account rule.
 */
export async function lockInvitationsOf(tx: Tx, tenantId: string) {
  await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`invitations:${tenantId}`}, 0))`;
}

export async function rulesOf(tx: Tx, tenantId: string) {
  return tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { throttleDays: true, accountRuleMax: true, accountRuleDays: true, defaultLocale: true },
  });
}

/**
 * One batch: the next `limit` contacts of the audience (contact id order) become invitations in one
 * INSERT … SELECT over the evaluated audience (PENDING, or SKIPPED with the reason), and each PENDING
 * one an outbox event in the same statement. The audience never passes through this process.
 * Returns how many contacts the batch read and the last contact id, for the cursor.
 */
export async function insertInvitationBatch(
  tx: Tx,
  o: {
    tenantId: string;
    surveyId: string;
    distributionId: string | null;
    where: Prisma.Sql;
    rules: FatigueRules & { defaultLocale: 'nl' | 'en' };
    now: Date;
    /** One batch of the audience (contact id order); null: the whole audience at once. */
    batch: { after: string | null; limit: number } | null;
    /**
     * Only contacts to invite, at most this many (contact id order), and no SKIPPED rows: the
     * relationship cadence, whose skipped contacts stay due for a later day.
     */
    take?: number;
  },
): Promise<{ seen: number; last: string | null; queued: number; created: number }> {
  const t = Prisma.sql`${o.tenantId}::uuid`;
  const ev = evaluateAudience({
    tenantId: o.tenantId,
    where: o.where,
    rules: o.rules,
    now: o.now,
    batch: o.batch ?? undefined,
  });
  const pick =
    o.take === undefined
      ? Prisma.sql`SELECT * FROM ${ev} e`
      : Prisma.sql`SELECT * FROM ${ev} e WHERE e.reason IS NULL ORDER BY e."contactId" LIMIT ${o.take}`;
  await tuneForAudience(tx);
  const [row] = await tx.$queryRaw<{ seen: number; last: string | null; queued: number; created: number }[]>`
    WITH ev AS (${pick}),
    ins AS (
      INSERT INTO "Invitation" ("tenantId", "id", "surveyId", "contactId", "companyId", "distributionId",
                                "locale", "status", "skipReason", "createdAt")
      SELECT ${t}, kringloop_uuidv7(), ${o.surveyId}::uuid, ev."contactId", ev."companyId",
             ${o.distributionId}::uuid, COALESCE(ev."locale", ${o.rules.defaultLocale}::"Locale"),
             (CASE WHEN ev.reason IS NULL THEN 'PENDING' ELSE 'SKIPPED' END)::"InvitationStatus",
             ev.reason::"SkipReason", ${o.now}
      FROM ev
      ORDER BY ev."contactId"
      ON CONFLICT ("tenantId", "distributionId", "contactId") DO NOTHING
      RETURNING "id", "status"
    ),
    out AS (
      INSERT INTO "OutboxEvent" ("tenantId", "id", "type", "payload")
      SELECT ${t}, kringloop_uuidv7(), 'invitation.send',
             jsonb_build_object('tenantId', ${o.tenantId}::text, 'invitationId', ins."id"::text)
      FROM ins WHERE ins."status" = 'PENDING'
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM ev) AS seen,
           (SELECT ev."contactId"::text FROM ev ORDER BY ev."contactId" DESC LIMIT 1) AS last,
           (SELECT count(*)::int FROM out) AS queued,
           (SELECT count(*)::int FROM ins) AS created`;
  return row!;
}

type BatchResult =
  { kind: 'gone' | 'paused' | 'prepared' } | { kind: 'batch'; queued: number; done: boolean };

async function nextBatch(tenantId: string, distributionId: string, now: Date, limit: number) {
  return withTenant(
    tenantId,
    async (tx): Promise<BatchResult> => {
      await lockInvitationsOf(tx, tenantId);
      const d = await tx.distribution.findUnique({
        where: { tenantId_id: { tenantId, id: distributionId } },
      });
      if (!d) return { kind: 'gone' };
      if (d.preparedAt) return { kind: 'prepared' };
      if (d.status === 'PAUSED') return { kind: 'paused' };
      const r = await insertInvitationBatch(tx, {
        tenantId,
        surveyId: d.surveyId,
        distributionId,
        where: audienceFilter(ZAudience.parse(d.audience)),
        rules: await rulesOf(tx, tenantId),
        now,
        batch: { after: d.cursorContactId, limit },
      });
      const done = r.seen < limit;
      await tx.distribution.update({
        where: { tenantId_id: { tenantId, id: distributionId } },
        data: {
          cursorContactId: r.last ?? d.cursorContactId,
          ...(done ? { preparedAt: new Date(), status: 'SENDING' } : {}),
        },
      });
      return { kind: 'batch', queued: r.queued, done };
    },
    { timeout: 60_000 },
  );
}

/**
 * Job handler (create-invitations): creates a send's invitations batch by batch until the audience
 * is done or the send is paused. Each batch commits its invitations, their outbox events and the
 * cursor together, so a run killed at any moment is run again from the cursor: nothing lost, nothing
 * twice (one invitation per contact and send is also a unique index).
 */
export async function createInvitations(
  p: TEventPayload<'distribution.confirmed'>,
  {
    log = logger,
    now = new Date(),
    batchSize = BATCH_SIZE,
  }: { log?: Logger; now?: Date; batchSize?: number } = {},
): Promise<'prepared' | 'paused' | 'gone'> {
  let queued = 0;
  let batches = 0;
  for (;;) {
    const r = await nextBatch(p.tenantId, p.distributionId, now, batchSize);
    if (r.kind !== 'batch') {
      log.info({ distributionId: p.distributionId, batches, queued, outcome: r.kind }, 'send prepared');
      return r.kind;
    }
    batches++;
    queued += r.queued;
    if (r.done) {
      log.info({ distributionId: p.distributionId, batches, queued }, 'send prepared');
      return 'prepared';
    }
  }
}

/**
 * Job handler (resume-send): a resumed send first finishes its invitations (createInvitations, from
 * the cursor), then announces its waiting invitations to the sender again, in batches by invitation
 * id. Runs again after a crash: an invitation announced twice is still claimed and sent once.
 */
export async function resumeInvitations(
  p: TEventPayload<'distribution.resumed'>,
  { log = logger, batchSize = BATCH_SIZE }: { log?: Logger; batchSize?: number } = {},
): Promise<'resumed' | 'paused' | 'gone'> {
  const created = await createInvitations(p, { log, batchSize });
  if (created !== 'prepared') return created;
  let after: string | null = null;
  let announced = 0;
  for (;;) {
    const r: { n: number; last: string | null; paused: boolean } = await withTenant(
      p.tenantId,
      async (tx) => {
        const d = await tx.distribution.findUnique({
          where: { tenantId_id: { tenantId: p.tenantId, id: p.distributionId } },
          select: { status: true },
        });
        if (d?.status === 'PAUSED') return { n: 0, last: null, paused: true };
        const [row] = await tx.$queryRaw<{ n: number; last: string | null }[]>`
        WITH batch AS (
          SELECT "id" FROM "Invitation"
          WHERE "tenantId" = ${p.tenantId}::uuid AND "distributionId" = ${p.distributionId}::uuid
            AND "status" IN ('PENDING', 'SENDING') ${after ? Prisma.sql`AND "id" > ${after}::uuid` : Prisma.empty}
          ORDER BY "id" LIMIT ${batchSize}
        ),
        out AS (
          INSERT INTO "OutboxEvent" ("tenantId", "id", "type", "payload")
          SELECT ${p.tenantId}::uuid, kringloop_uuidv7(), 'invitation.send',
                 jsonb_build_object('tenantId', ${p.tenantId}::text, 'invitationId', b."id"::text)
          FROM batch b
          RETURNING 1
        )
        SELECT (SELECT count(*)::int FROM out) AS n,
               (SELECT b."id"::text FROM batch b ORDER BY b."id" DESC LIMIT 1) AS last`;
        return { n: row!.n, last: row!.last, paused: false };
      },
    );
    if (r.paused) return 'paused';
    announced += r.n;
    if (r.n < batchSize) break;
    after = r.last;
  }
  log.info({ distributionId: p.distributionId, announced }, 'send resumed');
  return 'resumed';
}
