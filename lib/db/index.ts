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

/** A unique constraint refused the write (Prisma P2002, or Postgres 23505 from raw SQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.code === 'P2002' || e?.meta?.driverAdapterError?.cause?.originalCode === '23505';
}

export async function disconnectDb() {
  await db.$disconnect();
  g.__kringloopDb = undefined;
}
