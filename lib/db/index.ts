import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { env } from '../env';

export { Prisma } from './generated/client.ts';
export type * from './generated/models.ts';
export * from './generated/enums.ts';

/**
 * The one Prisma client. Only lib/ services import it (an ESLint rule keeps it out of app/,
 * components/ and workers/). Every tenant query carries `tenantId` in its where clause; helpers that
 * read across tenants are named `unsafe...`.
 */
function create() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

type Client = ReturnType<typeof create>;
const g = globalThis as unknown as { __kringloopDb?: Client };

export const db: Client = g.__kringloopDb ?? (g.__kringloopDb = create());
export type Tx = Parameters<Parameters<Client['$transaction']>[0]>[0];

export interface TxOptions {
  /** Milliseconds the transaction may run (Prisma's default is 5 s). */
  timeout?: number;
  /** Milliseconds to wait for a pool connection (Prisma's default is 2 s). */
  maxWait?: number;
}

/**
 * THE way to touch tenant-owned rows: one transaction whose first statement scopes it to the tenant
 * (`app.tenant_id`, transaction-local), so row-level security shows and accepts only that tenant's
 * rows. Keep `tenantId` in every where clause as well: the policies are the second wall, not the first.
 * Helpers called from inside take the `tx`; they do not open a transaction of their own.
 */
export async function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    return fn(tx);
  }, opts);
}

/**
 * Work that must cross tenants (the outbox relay, token routing, schedulers that scan every tenant).
 * `purpose` names the path in logs and reviews; each caller is listed in docs/ARCHITECTURE.md. Nothing
 * else may use it.
 */
export async function asSystem<T>(purpose: string, fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}) {
  void purpose;
  return db.$transaction(fn, opts);
}

/** A unique constraint refused the write (Prisma P2002, or Postgres 23505 from raw SQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.code === 'P2002' || e?.meta?.driverAdapterError?.cause?.originalCode === '23505';
}

export async function disconnectDb() {
  await db.$disconnect();
  g.__kringloopDb = undefined;
}
