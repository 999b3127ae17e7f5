// The committed migrations build, on an empty database, exactly the schema in prisma/schema.prisma
// (no drift), plus the hand-written constraints Prisma cannot express.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  DEFAULT_DATABASE_URL,
  diffDatabaseToSchema,
  dropDatabase,
  ensureDatabase,
  isEmptyDiff,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  splitDatabaseUrl,
  withDatabase,
} from '../../scripts/schema-engine';

const baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
// A fresh database per run, so the test never sees (or damages) the developer's data.
const scratchUrl = withDatabase(
  baseUrl,
  `${splitDatabaseUrl(baseUrl).database.slice(0, 30)}_migtest_${randomBytes(4).toString('hex')}`,
);
const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

let applied: string[] = [];
let db: pg.Client;

describe('prisma/migrations', () => {
  beforeAll(async () => {
    await ensureDatabase(scratchUrl);
    applied = await applyMigrations(scratchUrl);
    db = new pg.Client({ connectionString: scratchUrl });
    await db.connect();
  }, 20_000);

  afterAll(async () => {
    await db?.end();
    await dropDatabase(scratchUrl);
  }, 20_000);

  it('applies every migration folder, in order', () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(applied).toEqual(folders);
  });

  it('records each one as finished in _prisma_migrations, with its checksum', async () => {
    const { rows } = await db.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      folders.map((name) => ({
        migration_name: name,
        // migrate deploy compares this sha256 to detect edited migrations.
        checksum: createHash('sha256')
          .update(readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql')))
          .digest('hex'),
      })),
    );
  });

  it('leaves nothing to apply on a second run', async () => {
    expect(await applyMigrations(scratchUrl)).toEqual([]);
  });

  it('has no drift from prisma/schema.prisma', async () => {
    const sql = await diffDatabaseToSchema(scratchUrl, readFileSync(SCHEMA_PATH, 'utf8'));
    expect(isEmptyDiff(sql), sql).toBe(true);
  });

  it('keeps the hand-written score CHECK constraint', async () => {
    const { rows } = await db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conname = 'Response_score_range' AND contype = 'c' AND conrelid = '"Response"'::regclass`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.def).toMatch(/score >= 0.*score <= 10/);
  });
});
