// The test side of the database: fixtures and assertions run as the owner (DATABASE_URL, the run's
// fresh database, as the superuser), so they can seed any tenant and see every row the app wrote.
// The code under test connects through lib/db as kringloop_app / kringloop_system, under
// row-level security, exactly as in production.
import { ownerDb } from '../../scripts/owner-db';

const g = globalThis as unknown as { __adminDb?: ReturnType<typeof ownerDb> };

export const adminDb = (g.__adminDb ??= ownerDb(process.env.DATABASE_URL));

export async function disconnectAdminDb() {
  await g.__adminDb?.$disconnect();
  g.__adminDb = undefined;
}
