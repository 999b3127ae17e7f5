import { channel } from 'node:diagnostics_channel';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client.ts';
import { env } from '../env';
import { logger } from '../log';

import type { Prisma } from './generated/client.ts';

export { Prisma } from './generated/client.ts';
export type * from './generated/models.ts';
export * from './generated/enums.ts';

/**
 * Two connection pools, two Postgres roles, neither owning anything nor able to bypass row-level
 * security (docs/ARCHITECTURE.md, "Row-level security"):
 * - `kringloop_app` (DATABASE_APP_URL): every request and job. The policies show it only the rows of
 *   the tenant its transaction named (withTenant); with none named it sees no tenant rows at all.
 * - `kringloop_system` (DATABASE_SYSTEM_URL): the named cross-tenant paths (asSystem), nothing else.
 * Only lib/ imports this module (an ESLint rule keeps it out of app/, components/ and workers/).
 */
function create(url: string, max: number) {
  const adapter = new PrismaPg({ connectionString: url, max });
  return new PrismaClient({ adapter });
}

type Client = ReturnType<typeof create>;
const g = globalThis as unknown as { __kringloopDb?: Client; __kringloopSystemDb?: Client };

const appClient = (): Client => (g.__kringloopDb ??= create(env().DATABASE_APP_URL, 10));
// Small: the system paths are short (a token lookup, a relay batch, a sign-in's memberships).
const systemClient = (): Client => (g.__kringloopSystemDb ??= create(env().DATABASE_SYSTEM_URL, 5));

/**
 * The global tables only: people and next-auth's models (User, Account, Session, VerificationToken),
 * plus `$queryRaw` for the health check. Tenant-owned models are deliberately missing from the type:
 * they are reached through withTenant or asSystem (and row-level security would show nothing here).
 */
export type GlobalDb = Pick<Client, 'user' | 'account' | 'session' | 'verificationToken' | '$queryRaw'>;
export const db: GlobalDb = appClient();

export type Tx = Parameters<Parameters<Client['$transaction']>[0]>[0];

export interface TxOptions {
  /** Milliseconds the transaction may run (Prisma's default is 5 s). */
  timeout?: number;
  /** Milliseconds to wait for a pool connection (default 10 s; Prisma's own 2 s turned a burst on a
   * busy machine into errors instead of a short wait). */
  maxWait?: number;
}

const TX_DEFAULTS: TxOptions = { maxWait: 10_000 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * THE way to touch tenant-owned rows: one transaction whose first statement scopes it to the tenant
 * (`app.tenant_id`, transaction-local), so row-level security shows and accepts only that tenant's
 * rows. Keep `tenantId` in every where clause as well: the policies are the second wall, not the first.
 * Helpers called from inside take the `tx`; they do not open a transaction of their own.
 */
export async function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}) {
  if (!UUID.test(tenantId)) throw new Error('withTenant needs a tenant id (a uuid)');
  return appClient().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      return fn(tx);
    },
    { ...TX_DEFAULTS, ...opts },
  );
}

/**
 * The respondent's hot path only: one statement, no transaction, as `kringloop_app`. `sql` must call
 * a SECURITY INVOKER function whose first step names the tenant (`set_config('app.tenant_id', …,
 * true)`, local to the statement's own transaction), like kringloop_record_answer. It saves withTenant's
 * BEGIN, set_config and COMMIT round trips; row-level security applies unchanged, and a statement that
 * names no tenant sees and writes nothing.
 */
export async function tenantStatement<T>(sql: Prisma.Sql): Promise<T> {
  return appClient().$queryRaw<T>(sql);
}

/**
 * The named paths that must cross tenants, each with the reason it may. asSystem runs them as
 * `kringloop_system`, whose policies show every tenant's rows; docs/ARCHITECTURE.md lists every
 * caller, and tests/unit/system-paths.test.ts keeps that list and the code in step. Adding a purpose
 * is a design decision: say in the review why the work cannot be done per tenant.
 */
export const SYSTEM_PURPOSES = {
  'insights rollup':
    'the rollup and reconcile jobs list the tenant ids (the work runs per tenant); the rebuild command finds a tenant by slug',
  'outbox relay': 'claims the unpublished outbox events of all tenants and marks them published',
  'outbox prune': 'deletes published outbox events of all tenants after a week',
  'token routing':
    'a survey or unsubscribe link names its tenant only inside the token (routing key -> tenant)',
  'sign-in memberships':
    "a signed-in user's memberships across tenants (active tenant, tenant switcher, demo users)",
  'reminder scan':
    'finds the tenants with a reminder due (one indexed probe per tenant); the claims run in withTenant',
  'escalation scan':
    'finds the tenants with an open follow-up past its deadline; the escalations are decided in withTenant',
  'digest scan': 'lists the tenants with their time zone to find whose 08:00 on a business day has come',
  'sign-up': 'creating a tenant: its slug and routing key are unique across all tenants',
  'api key lookup':
    'an API request names its tenant only inside the key (routing key -> tenant); returns one key row',
  'relationship cadence':
    'the daily relationship survey finds the relationship touchpoints of all tenants (then works per tenant)',
} as const;
export type TSystemPurpose = keyof typeof SYSTEM_PURPOSES;

/** Every asSystem call is published here ({ purpose }), for tracing and for tests that count them. */
export const systemPathChannel = channel('kringloop:db:asSystem');

/**
 * Cross-tenant work, for the purposes above only: one transaction as `kringloop_system`. Returns
 * rows of any tenant, so the caller must pass on only what its purpose needs (a token lookup returns
 * one invitation, never a list).
 */
export async function asSystem<T>(purpose: TSystemPurpose, fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}) {
  announce(purpose);
  return systemClient().$transaction(fn, { ...TX_DEFAULTS, ...opts });
}

/**
 * asSystem for exactly one read statement: a statement is atomic by itself and the system role needs
 * no setting, so it skips the transaction (BEGIN and COMMIT are two of the token lookup's three
 * round trips on the respondent's hot path).
 */
export async function asSystemQuery<T>(purpose: TSystemPurpose, sql: Prisma.Sql): Promise<T> {
  announce(purpose);
  return systemClient().$queryRaw<T>(sql);
}

function announce(purpose: TSystemPurpose) {
  logger.debug({ kind: 'db', purpose }, 'cross-tenant path');
  if (systemPathChannel.hasSubscribers) systemPathChannel.publish({ purpose });
}

/**
 * Calls `onNotify` whenever Postgres delivers a notification on `channel` (LISTEN, on a connection of
 * its own as kringloop_system), and once after every (re)connect, since notifications sent while
 * disconnected are lost. Reconnects with a backoff until `signal` aborts. A wake-up only: callers keep
 * a slower poll as the safety net.
 */
export function listen(channel: 'kringloop_outbox', onNotify: () => void, signal: AbortSignal) {
  let client: pg.Client | undefined;
  const connect = async (attempt: number): Promise<void> => {
    if (signal.aborted) return;
    const c = new pg.Client({ connectionString: env().DATABASE_SYSTEM_URL });
    client = c;
    const retry = () => {
      c.removeAllListeners();
      void c.end().catch(() => undefined);
      if (!signal.aborted) setTimeout(() => void connect(attempt + 1), Math.min(attempt * 500, 5_000));
    };
    c.on('error', (err) => {
      logger.warn({ err: err.message, channel }, 'listen connection lost; reconnecting');
      retry();
    });
    c.on('notification', () => onNotify());
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      attempt = 0;
      onNotify();
    } catch (err) {
      logger.warn({ err: (err as Error).message, channel }, 'could not listen; retrying');
      retry();
    }
  };
  void connect(1);
  signal.addEventListener('abort', () => void client?.end().catch(() => undefined), { once: true });
}

/** A unique constraint refused the write (Prisma P2002, or Postgres 23505 from raw SQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.code === 'P2002' || e?.meta?.driverAdapterError?.cause?.originalCode === '23505';
}

export async function disconnectDb() {
  await g.__kringloopDb?.$disconnect();
  await g.__kringloopSystemDb?.$disconnect();
  g.__kringloopDb = undefined;
  g.__kringloopSystemDb = undefined;
}
