// A Prisma client as DATABASE_URL's user: the owner that runs the migrations (a superuser in
// development, so row-level security does not apply to it). For test fixtures that seed any tenant and
// check what the app really wrote, and for benchmarks' bulk seeding. The app itself never connects
// like this: lib/db connects as kringloop_app / kringloop_system. ESLint keeps this file out of
// app/, components/, lib/ and workers/.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/db/generated/client.ts';
import { databaseUrl } from './schema-engine';

export function ownerDb(url = databaseUrl(), max = 4) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}
export type OwnerDb = ReturnType<typeof ownerDb>;
