// Row-level security, the second wall: proven against the real database as the app's own roles.
// The tables come from the catalog (every table with a tenantId column, and Tenant keyed by id), so a
// table added later is covered, and fails here, without anyone editing a list.
import pg from 'pg';
import { rebuild } from '../../lib/insights/rollup';
import pino from 'pino';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/auth/api-keys';
import { createCompany, createContact } from '../../lib/contacts/service';
import { asSystem, db, systemPathChannel, withTenant, type TSystemPurpose } from '../../lib/db';

import { env } from '../../lib/env';
import { scanDigests } from '../../lib/followup/digest';
import { scanEscalations } from '../../lib/followup/escalation';
import { addTaskNote } from '../../lib/followup/tasks';
import { logCustomerContact } from '../../lib/followup/reply';
import { createRule, createTeam } from '../../lib/routing/service';
import { pruneOutbox, relayOnce } from '../../lib/queue/relay';
import { registry } from '../../workers/registry';
import { outboxRow } from '../../lib/queue/events';
import { loadSurvey, submitAnswer } from '../../lib/responses/public';
import { createSurvey, createTouchpoint, setSurveyStatus } from '../../lib/surveys/service';
import { createTenant, membershipsOfUser, resolveContext } from '../../lib/tenancy/service';
import { adminDb } from '../support/db';
import {
  drainOutbox,
  makeInvitation,
  makeTenant,
  previewAndSend,
  type TestTenant,
  uid,
} from '../support/factories';

/** What Postgres answers a write the policies refuse (SQLSTATE 42501, insufficient_privilege). */
const RLS_REFUSED = /^42501 new row violates row-level security policy for table/;
/** A statement that ran and touched no row. */
const NOTHING = { rows: [], rowCount: 0 };

const owner = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2 });
const app = new pg.Pool({ connectionString: env().DATABASE_APP_URL, max: 2 });
const system = new pg.Pool({ connectionString: env().DATABASE_SYSTEM_URL, max: 1 });

interface TenantTable {
  table: string;
  /** The column that names the tenant: tenantId, or id for Tenant itself. */
  column: string;
}

const TENANT_TABLES_SQL = `
  SELECT c.relname AS "table", CASE WHEN c.relname = 'Tenant' THEN 'id' ELSE 'tenantId' END AS "column"
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    AND (c.relname = 'Tenant' OR EXISTS (
      SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped))
  ORDER BY 1`;

/** What is wrong with row-level security on the tenant tables, as seen through `client`'s session. */
async function rlsProblems(client: pg.Pool | pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ table: string; problem: string }>(`
    WITH t AS (${TENANT_TABLES_SQL}),
    expected AS (
      SELECT t."table", format('(%s = (NULLIF(current_setting(''app.tenant_id''::text, true), ''''::text))::uuid)',
                               quote_ident(t."column")) AS expr
      FROM t)
    SELECT t."table", p.problem FROM t JOIN expected e USING ("table")
    JOIN pg_class c ON c.oid = format('public.%I', t."table")::regclass
    CROSS JOIN LATERAL (
      SELECT 'row-level security not enabled' AS problem WHERE NOT c.relrowsecurity
      UNION ALL SELECT 'row-level security not FORCEd' WHERE NOT c.relforcerowsecurity
      UNION ALL SELECT 'no tenant_isolation policy for all commands and roles on app.tenant_id (USING and WITH CHECK)'
        WHERE NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = t."table"
          AND p.policyname = 'tenant_isolation' AND p.permissive = 'PERMISSIVE' AND p.cmd = 'ALL'
          AND p.roles = '{public}' AND p.qual = e.expr AND p.with_check = e.expr)
      UNION ALL SELECT 'no system_access policy for kringloop_system'
        WHERE NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = t."table"
          AND p.policyname = 'system_access' AND p.roles = '{kringloop_system}')
      UNION ALL SELECT 'unexpected policy ' || p.policyname FROM pg_policies p
        WHERE p.schemaname = 'public' AND p.tablename = t."table"
          AND p.policyname NOT IN ('tenant_isolation', 'system_access')
    ) p
    ORDER BY 1, 2`);
  return rows.map((r) => `${r.table}: ${r.problem}`);
}

const q = (name: string) => pg.escapeIdentifier(name);
const TABLES = (await owner.query<TenantTable>(TENANT_TABLES_SQL)).rows;

interface Outcome {
  rows: Record<string, unknown>[];
  rowCount: number;
  /** SQLSTATE and message of a refused statement. */
  error?: string;
}

/**
 * One statement as the app role, in a transaction scoped to `tenantId` (none: never set) and always
 * rolled back, so probes never change the fixtures. A refused statement gives its SQLSTATE.
 */
async function asApp(tenantId: string | null, sql: string, params: unknown[] = []): Promise<Outcome> {
  const c = await app.connect();
  try {
    await c.query('BEGIN');
    if (tenantId) await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    try {
      const r = await c.query(sql, params);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    } catch (e) {
      const err = e as pg.DatabaseError;
      return { rows: [], rowCount: 0, error: `${err.code} ${err.message}` };
    }
  } finally {
    await c.query('ROLLBACK');
    c.release();
  }
}

/** One row of `t` belonging to `tenantId` (read as the owner), as JSON, with a fresh id. */
async function rowOf(t: TenantTable, tenantId: string, changes: Record<string, unknown> = {}) {
  const { rows } = await owner.query<{ row: Record<string, unknown> }>(
    `SELECT row_to_json(x) AS row FROM ${q(t.table)} x WHERE ${q(t.column)} = $1 LIMIT 1`,
    [tenantId],
  );
  const row = rows[0]?.row;
  if (!row) throw new Error(`no ${t.table} row for the tenant`);
  return { ...row, id: uuidv7(), ...changes };
}

const insertRow = (t: TenantTable) =>
  `INSERT INTO ${q(t.table)} SELECT * FROM json_populate_record(NULL::${q(t.table)}, $1::json)`;

async function ownerCount(t: TenantTable, tenantId: string) {
  const { rows } = await owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${q(t.table)} WHERE ${q(t.column)} = $1`,
    [tenantId],
  );
  return rows[0]!.n;
}

/** The system paths lib/db announced while `fn` ran. */
async function systemPathsDuring(fn: () => Promise<unknown>): Promise<TSystemPurpose[]> {
  const seen: TSystemPurpose[] = [];
  const listen = (m: unknown) => seen.push((m as { purpose: TSystemPurpose }).purpose);
  systemPathChannel.subscribe(listen);
  try {
    await fn();
  } finally {
    systemPathChannel.unsubscribe(listen);
  }
  return seen;
}

/**
 * A tenant with rows in every tenant table, written by the real services (as the app role): members,
 * a business unit and company, a contact, touchpoint and survey, a send (distribution, invitation,
 * outbox), an answer (response), its follow-up task with a note, and the audit trail of it all.
 */
const quiet = pino({ level: 'silent' });

async function populate(t: TestTenant) {
  const ctx = t.admin.ctx;
  const company = await createCompany(ctx, { name: `Acme ${uid()}`, businessUnit: `BU ${uid()}` });
  const contact = await createContact(ctx, { email: `c-${uid()}@customer.example`, companyId: company.id });
  const tp = await createTouchpoint(ctx, { name: `Support ${uid()}`, phase: 'SUPPORT' });
  const survey = await createSurvey(ctx, { touchpointId: tp.id, name: `NPS ${uid()}` });
  await setSurveyStatus(ctx, survey.id, { status: 'ACTIVE' });
  await previewAndSend(ctx, {
    surveyId: survey.id,
    audience: { type: 'contacts', contactIds: [contact.id] },
  });
  const { token } = await makeInvitation(t, {
    surveyId: survey.id,
    contactId: contact.id,
    companyId: company.id,
  });
  await submitAnswer(token, { score: 3, comment: 'Too slow' });
  await drainOutbox(t.tenant.id);
  const task = await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
  await addTaskNote(ctx, task.id, { body: 'Called them' });
  await createApiKey(ctx, { name: `CRM ${uid()}`, role: 'ADMIN' });
  // Insights rollups: a rebuild two days on (today's answer is then a closed day), then a company
  // move, whose trigger marks that day dirty.
  await rebuild(t.tenant.id, new Date(Date.now() + 2 * 86_400_000));
  await adminDb.company.update({
    where: { tenantId_id: { tenantId: t.tenant.id, id: company.id } },
    data: { region: `Region ${uid()}` },
  });
  // Past its deadline and not started: an escalation; and a Monday morning's digests.
  await adminDb.followUpTask.update({
    where: { tenantId_id: { tenantId: t.tenant.id, id: task.id } },
    data: { dueAt: new Date(Date.now() - 3_600_000) },
  });
  await scanEscalations(new Date(), quiet);
  await scanDigests(new Date('2026-12-07T10:00:00Z'), quiet);
  await adminDb.outboxEvent.updateMany({
    where: { publishedAt: null, type: { in: ['task.escalation', 'digest.ready'] } },
    data: { publishedAt: new Date() },
  });
  // The loop: a call logged with the customer, praise shared.
  await logCustomerContact(ctx, task.id, { kind: 'CALL', body: 'Called' });
  await adminDb.praiseShare.create({
    data: { tenantId: t.tenant.id, taskId: task.id, recipientIds: [t.am.membershipId] },
  });
  // Routing: a team with a member, and a rule sending to it.
  const team = await createTeam(ctx, { name: `Desk ${uid()}`, memberIds: [t.am.membershipId] });
  await createRule(ctx, { name: 'Detractors', category: 'DETRACTOR', target: 'TEAM', targetTeamId: team.id });
  // One event left unpublished, so the outbox has rows of both states.
  const ev = outboxRow('response.submitted', { tenantId: t.tenant.id, responseId: uuidv7() });
  await adminDb.outboxEvent.create({
    data: { ...ev, payload: ev.payload as object, publishedAt: new Date() },
  });
  return { token, company, contact, survey, task };
}

let A: TestTenant;
let B: TestTenant;
let a: Awaited<ReturnType<typeof populate>>;
let b: Awaited<ReturnType<typeof populate>>;

beforeAll(async () => {
  A = await makeTenant();
  B = await makeTenant();
  a = await populate(A);
  b = await populate(B);
}, 60_000);

afterAll(async () => {
  await Promise.all([owner.end(), app.end(), system.end()]);
});

describe('the catalog', () => {
  it('finds the tenant tables: Tenant and every table with a tenantId column', () => {
    const names = TABLES.map((t) => t.table);
    expect(names).toContain('Tenant');
    for (const t of ['Membership', 'Company', 'Contact', 'Invitation', 'Response', 'OutboxEvent', 'AuditLog'])
      expect(names).toContain(t);
    // Global tables stay outside: people and next-auth's models.
    for (const t of ['User', 'Session', 'Account', 'VerificationToken']) expect(names).not.toContain(t);
  });

  it('every tenant table has row-level security ENABLEd, FORCEd, and exactly its two policies', async () => {
    expect(await rlsProblems(owner)).toEqual([]);
  });

  it('a new tenant table fails that check until its migration calls kringloop_enable_rls, as documented', async () => {
    const c = await owner.connect();
    try {
      await c.query('BEGIN');
      await c.query(
        `CREATE TABLE "RlsProbe" ("tenantId" uuid NOT NULL, "id" uuid NOT NULL, PRIMARY KEY ("tenantId", "id"))`,
      );
      expect(await rlsProblems(c)).toEqual([
        'RlsProbe: no system_access policy for kringloop_system',
        'RlsProbe: no tenant_isolation policy for all commands and roles on app.tenant_id (USING and WITH CHECK)',
        'RlsProbe: row-level security not FORCEd',
        'RlsProbe: row-level security not enabled',
      ]);
      // Default privileges reach tables created by later migrations: the app role may use it at once.
      const { rows } = await c.query<{ ok: boolean }>(
        `SELECT has_table_privilege('kringloop_app', '"RlsProbe"', 'SELECT, INSERT, UPDATE, DELETE') AS ok`,
      );
      expect(rows[0]?.ok).toBe(true);
      await c.query(`SELECT kringloop_enable_rls('"RlsProbe"')`);
      expect(await rlsProblems(c)).toEqual([]);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it('covers every tenant table with rows of both fixture tenants (extend populate() for a new table)', async () => {
    const empty: string[] = [];
    for (const t of TABLES)
      for (const [name, id] of [
        ['A', A.tenant.id],
        ['B', B.tenant.id],
      ] as const)
        if ((await ownerCount(t, id)) === 0) empty.push(`${t.table} has no row of tenant ${name}`);
    expect(empty).toEqual([]);
  });
});

describe('the roles the app connects as', () => {
  it('lib/db connects as kringloop_app (withTenant, global tables) and kringloop_system (asSystem)', async () => {
    const who = (rows: { u: string }[]) => rows[0]?.u;
    expect(who(await db.$queryRaw<{ u: string }[]>`SELECT current_user::text AS u`)).toBe('kringloop_app');
    expect(
      who(
        await withTenant(A.tenant.id, (tx) => tx.$queryRaw<{ u: string }[]>`SELECT current_user::text AS u`),
      ),
    ).toBe('kringloop_app');
    expect(
      who(
        await asSystem(
          'token routing',
          (tx) => tx.$queryRaw<{ u: string }[]>`SELECT current_user::text AS u`,
        ),
      ),
    ).toBe('kringloop_system');
  });

  it('neither is a superuser nor bypasses row-level security, and they own nothing', async () => {
    const { rows } = await owner.query(
      `SELECT rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles
        WHERE rolname IN ('kringloop_app', 'kringloop_system') ORDER BY 1`,
    );
    expect(rows).toEqual(
      ['kringloop_app', 'kringloop_system'].map((rolname) => ({
        rolname,
        rolsuper: false,
        rolbypassrls: false,
        rolcreaterole: false,
        rolcreatedb: false,
      })),
    );
    const owned = await owner.query<{ n: number }>(`
      SELECT (SELECT count(*) FROM pg_class WHERE relowner = ANY(r.ids))
           + (SELECT count(*) FROM pg_proc WHERE proowner = ANY(r.ids))
           + (SELECT count(*) FROM pg_type WHERE typowner = ANY(r.ids))
           + (SELECT count(*) FROM pg_namespace WHERE nspowner = ANY(r.ids))
           + (SELECT count(*) FROM pg_database WHERE datdba = ANY(r.ids)) AS n
      FROM (SELECT array_agg(oid) AS ids FROM pg_roles WHERE rolname IN ('kringloop_app', 'kringloop_system')) r`);
    expect(Number(owned.rows[0]?.n)).toBe(0);
  });

  it('may not TRUNCATE (which ignores row-level security), nor touch the migrations table', async () => {
    const { rows } = await owner.query<{ table: string; role: string }>(`
      SELECT c.relname AS "table", r.rolname AS role
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN (VALUES ('kringloop_app'), ('kringloop_system')) r(rolname)
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND (has_table_privilege(r.rolname, c.oid, 'TRUNCATE')
          OR (c.relname = '_prisma_migrations' AND has_table_privilege(r.rolname, c.oid, 'SELECT')))`);
    expect(rows).toEqual([]);
    expect((await asApp(null, `TRUNCATE "Company" CASCADE`)).error).toMatch(/^42501 permission denied/);
  });
});

describe.each(TABLES)('$table, as the app role', (t) => {
  describe('with no tenant set', () => {
    it('sees no rows, though both tenants have some', async () => {
      expect(await ownerCount(t, A.tenant.id)).toBeGreaterThan(0);
      const r = await asApp(null, `SELECT count(*)::int AS n FROM ${q(t.table)}`);
      expect(r).toEqual({ rows: [{ n: 0 }], rowCount: 1 });
    });

    it('cannot insert, update or delete', async () => {
      expect((await asApp(null, insertRow(t), [JSON.stringify(await rowOf(t, A.tenant.id))])).error).toMatch(
        RLS_REFUSED,
      );
      expect(await asApp(null, `UPDATE ${q(t.table)} SET ${q(t.column)} = ${q(t.column)}`)).toEqual(NOTHING);
      expect(await asApp(null, `DELETE FROM ${q(t.table)}`)).toEqual(NOTHING);
    });
  });

  describe("with tenant A set: B's rows", () => {
    it("are invisible: A sees exactly its own rows and none of B's, even when asking for them", async () => {
      const all = await asApp(A.tenant.id, `SELECT ${q(t.column)}::text AS tenant FROM ${q(t.table)}`);
      expect(all.rows.length).toBe(await ownerCount(t, A.tenant.id));
      expect(new Set(all.rows.map((r) => r.tenant))).toEqual(new Set([A.tenant.id]));
      const asked = await asApp(
        A.tenant.id,
        `SELECT count(*)::int AS n FROM ${q(t.table)} WHERE ${q(t.column)} = $1`,
        [B.tenant.id],
      );
      expect(asked.rows).toEqual([{ n: 0 }]);
    });

    it("cannot be written: inserting B's tenant id is refused, B's rows are neither updated nor deleted", async () => {
      const foreign = await rowOf(t, A.tenant.id, { [t.column]: B.tenant.id });
      expect((await asApp(A.tenant.id, insertRow(t), [JSON.stringify(foreign)])).error).toMatch(RLS_REFUSED);
      const where = `WHERE ${q(t.column)} = $1`;
      // The control: the same statement on A's own rows does reach them all.
      const own = await asApp(
        A.tenant.id,
        `UPDATE ${q(t.table)} SET ${q(t.column)} = ${q(t.column)} ${where}`,
        [A.tenant.id],
      );
      expect(own.rowCount).toBe(await ownerCount(t, A.tenant.id));
      expect(
        await asApp(A.tenant.id, `UPDATE ${q(t.table)} SET ${q(t.column)} = ${q(t.column)} ${where}`, [
          B.tenant.id,
        ]),
      ).toEqual(NOTHING);
      expect(await asApp(A.tenant.id, `DELETE FROM ${q(t.table)} ${where}`, [B.tenant.id])).toEqual(NOTHING);
    });

    it("cannot move one of A's rows to B", async () => {
      const r = await asApp(
        A.tenant.id,
        `UPDATE ${q(t.table)} SET ${q(t.column)} = $1 WHERE ctid = (SELECT ctid FROM ${q(t.table)} LIMIT 1)`,
        [B.tenant.id],
      );
      expect(r.error).toMatch(RLS_REFUSED);
    });
  });

  it('as kringloop_system (the named cross-tenant paths) shows the rows of both tenants', async () => {
    const { rows } = await system.query<{ n: number }>(
      `SELECT count(DISTINCT ${q(t.column)})::int AS n FROM ${q(t.table)} WHERE ${q(t.column)} = ANY($1::uuid[])`,
      [[A.tenant.id, B.tenant.id]],
    );
    expect(rows).toEqual([{ n: 2 }]);
  });
});

describe('lib/db', () => {
  it('outside withTenant the app role reads no tenant rows at all', async () => {
    const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Company"`;
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('a pooled connection that served a tenant sees nothing once that transaction ended', async () => {
    const c = await app.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [A.tenant.id]);
      expect((await c.query(`SELECT count(*)::int AS n FROM "Company"`)).rows[0].n).toBeGreaterThan(0);
      await c.query('COMMIT');
      // The setting is now '' (not NULL) on this connection: still no rows, and no error.
      expect((await c.query(`SELECT count(*)::int AS n FROM "Company"`)).rows).toEqual([{ n: 0 }]);
    } finally {
      c.release();
    }
  });

  it("withTenant(A) cannot read, change or create B's rows, whatever the where clause says", async () => {
    const seen = await withTenant(A.tenant.id, (tx) =>
      tx.company.findUnique({ where: { tenantId_id: { tenantId: B.tenant.id, id: b.company.id } } }),
    );
    expect(seen).toBeNull();
    await expect(
      withTenant(A.tenant.id, (tx) =>
        tx.company.update({
          where: { tenantId_id: { tenantId: B.tenant.id, id: b.company.id } },
          data: { name: 'taken over' },
        }),
      ),
    ).rejects.toMatchObject({ code: 'P2025' });
    await expect(
      withTenant(A.tenant.id, (tx) =>
        tx.company.create({ data: { tenantId: B.tenant.id, name: 'planted' } }),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await adminDb.company.count({
        where: { tenantId: B.tenant.id, name: { in: ['taken over', 'planted'] } },
      }),
    ).toBe(0);
  });

  it('withTenant refuses anything but a tenant id', async () => {
    await expect(withTenant("' OR true --", async () => 1)).rejects.toThrow(/tenant id/);
  });
});

describe('the named system paths work across tenants; the ordinary path cannot', () => {
  it('outbox relay: publishes the events of both tenants', async () => {
    const evs = [A, B].map((t) =>
      outboxRow('response.submitted', { tenantId: t.tenant.id, responseId: uuidv7() }),
    );
    await adminDb.outboxEvent.createMany({ data: evs.map((e) => ({ ...e, payload: e.payload as object })) });
    const paths = await systemPathsDuring(async () => {
      while ((await relayOnce({ routes: registry.routes })) > 0);
    });
    expect(paths).toContain('outbox relay');
    const left = await adminDb.outboxEvent.count({
      where: { id: { in: evs.map((e) => e.id) }, publishedAt: null },
    });
    expect(left).toBe(0);
    // The same question asked as tenant A sees A's events only.
    const tenants = await withTenant(
      A.tenant.id,
      (tx) =>
        tx.$queryRaw<
          { tenantId: string }[]
        >`SELECT DISTINCT "tenantId"::text AS "tenantId" FROM "OutboxEvent"`,
    );
    expect(tenants).toEqual([{ tenantId: A.tenant.id }]);
  });

  it('outbox prune: deletes old published events of both tenants', async () => {
    const evs = [A, B].map((t) =>
      outboxRow('response.submitted', { tenantId: t.tenant.id, responseId: uuidv7() }),
    );
    const old = new Date(Date.now() - 8 * 86_400_000);
    await adminDb.outboxEvent.createMany({
      data: evs.map((e) => ({ ...e, payload: e.payload as object, publishedAt: old })),
    });
    expect(await systemPathsDuring(() => pruneOutbox())).toContain('outbox prune');
    expect(await adminDb.outboxEvent.count({ where: { id: { in: evs.map((e) => e.id) } } })).toBe(0);
  });

  it("token routing: each tenant's token finds its own invitation; a tenant cannot look up another's", async () => {
    let views: Awaited<ReturnType<typeof loadSurvey>>[] = [];
    const paths = await systemPathsDuring(async () => {
      views = [await loadSurvey(a.token), await loadSurvey(b.token)];
    });
    expect(paths).toEqual(['token routing', 'token routing']);
    expect(views.map((v) => v?.tenantId)).toEqual([A.tenant.id, B.tenant.id]);
    const invitationB = views[1]!.invitationId;
    expect(
      await withTenant(A.tenant.id, (tx) => tx.invitation.findFirst({ where: { id: invitationB } })),
    ).toBeNull();
  });

  it("sign-in memberships: a user in two tenants sees both; withTenant(A) shows only A's membership", async () => {
    const user = A.owner;
    await adminDb.membership.create({ data: { tenantId: B.tenant.id, userId: user.userId, role: 'VIEWER' } });
    let tenants: string[] = [];
    const paths = await systemPathsDuring(async () => {
      tenants = (await membershipsOfUser(user.userId)).map((m) => m.tenantId);
      expect((await resolveContext(user.userId, B.tenant.id, 'en'))?.tenantId).toBe(B.tenant.id);
    });
    expect(paths).toEqual(['sign-in memberships', 'sign-in memberships']);
    expect(tenants.sort()).toEqual([A.tenant.id, B.tenant.id].sort());
    const inA = await withTenant(A.tenant.id, (tx) =>
      tx.membership.findMany({ where: { userId: user.userId } }),
    );
    expect(inA.map((m) => m.tenantId)).toEqual([A.tenant.id]);
  });

  it('sign-up: creates a tenant with its owner; a slug taken by another tenant gets a suffix', async () => {
    const user = await adminDb.user.create({ data: { email: `founder-${uid()}@x.test` } });
    const name = `Same Name ${uid()}`;
    let made: Awaited<ReturnType<typeof createTenant>>[] = [];
    const paths = await systemPathsDuring(async () => {
      made = [await createTenant(user.id, { name }), await createTenant(user.id, { name })];
    });
    expect(paths).toEqual(['sign-up', 'sign-up']);
    const [first, second] = made;
    expect(second!.tenant.slug).not.toBe(first!.tenant.slug);
    expect(second!.tenant.slug.startsWith(first!.tenant.slug)).toBe(true);
    const [m] = await withTenant(second!.tenant.id, (tx) =>
      tx.membership.findMany({ where: { userId: user.id } }),
    );
    expect(m).toMatchObject({ tenantId: second!.tenant.id, role: 'OWNER' });
    // A tenant-scoped transaction cannot create a tenant other than its own.
    await expect(
      withTenant(A.tenant.id, (tx) =>
        tx.tenant.create({
          data: { name: 'x', slug: `x-${uid()}`, senderName: 'x', routingKey: `k${uid()}` },
        }),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
