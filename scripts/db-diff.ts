// npm run db:diff -- <name>: write the next migration, prisma/migrations/<UTC timestamp>_<name>/migration.sql.
//
// Like `prisma migrate dev --create-only`, but with our own scratch database instead of the engine's
// shadow database: create `<db>_diff_<random>`, apply the existing migrations to it, diff it against
// prisma/schema.prisma, drop it. Hand-written SQL in earlier migrations (CHECK constraints, ...) is
// therefore part of the starting point, and the target database is never touched.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  applyMigrations,
  databaseUrl,
  diffDatabaseToSchema,
  dropDatabase,
  ensureDatabase,
  isEmptyDiff,
  isUnreachable,
  unreachableMessage,
  MIGRATION_LOCK,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  splitDatabaseUrl,
  withDatabase,
} from './schema-engine';

const url = databaseUrl();

function migrationName(): string {
  // Prisma's own folder names are <timestamp>_<snake_case name>.
  const raw = process.argv.slice(2).join(' ');
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!name) {
    console.error('Usage: npm run db:diff -- <migration_name>');
    process.exit(2);
  }
  return name;
}

async function main(): Promise<void> {
  const name = migrationName();
  const schema = await readFile(SCHEMA_PATH, 'utf8');

  // Postgres identifiers are at most 63 bytes.
  const { database } = splitDatabaseUrl(url);
  const scratchUrl = withDatabase(url, `${database.slice(0, 40)}_diff_${randomBytes(4).toString('hex')}`);
  const started = Date.now();
  await ensureDatabase(scratchUrl);
  // One shared drop: an engine panic surfaces as an uncaught exception that skips `finally`.
  let dropping: Promise<void> | undefined;
  const dropScratch = () => (dropping ??= dropDatabase(scratchUrl));
  process.once('uncaughtException', (e) => {
    console.error(e);
    void dropScratch().finally(() => process.exit(1));
  });
  let sql: string;
  try {
    const applied = await applyMigrations(scratchUrl);
    console.log(
      `Replayed ${applied.length} migration(s) on a scratch database (${Date.now() - started} ms).`,
    );
    const diffStarted = Date.now();
    sql = await diffDatabaseToSchema(scratchUrl, schema);
    console.log(
      `Diffed against ${path.relative(process.cwd(), SCHEMA_PATH)} (${Date.now() - diffStarted} ms).`,
    );
  } finally {
    await dropScratch();
  }

  if (isEmptyDiff(sql)) {
    console.log('no changes');
    return;
  }

  await mkdir(MIGRATIONS_DIR, { recursive: true });
  const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!existsSync(lock)) await writeFile(lock, MIGRATION_LOCK);

  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14); // yyyymmddHHMMSS, UTC
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  await mkdir(dir);
  await writeFile(path.join(dir, 'migration.sql'), sql.endsWith('\n') ? sql : `${sql}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`);
}

main().catch((e: unknown) => {
  if (isUnreachable(e)) {
    console.error(unreachableMessage(url));
  } else {
    console.error('db:diff failed:', e instanceof Error ? e.message : e);
  }
  process.exit(1);
});
