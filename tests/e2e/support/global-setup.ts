// Starts what the e2e tests run against: a fresh migrated database, an SMTP sink writing to a temp
// folder (tests read the mails from there), the worker, and `next start` on the production build.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startSmtpSink } from '../../../lib/mail/sink';
import { startGroup, stopGroups, waitForHealth } from '../../../scripts/processes';
import { applyMigrations, dropDatabase, ensureDatabase, withDatabase } from '../../../scripts/schema-engine';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default async function globalSetup() {
  const run = randomBytes(4).toString('hex');
  const databaseUrl = withDatabase(
    process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kringloop',
    `kringloop_e2e_${run}`,
  );
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);

  const mailbox = mkdtempSync(join(tmpdir(), 'kringloop-e2e-mail-'));
  const sink = await startSmtpSink({ port: 0, dir: mailbox });
  const appUrl = `http://localhost:${PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `kle2e-${run}`,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    APP_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    DEMO_MODE: 'false',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const children = [
    startGroup('npx', ['next', 'start', '-p', String(PORT)], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
    startGroup('npx', ['tsx', 'workers/index.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] }),
  ];
  // The tests (in worker processes started after this) find everything through these variables.
  Object.assign(process.env, {
    E2E_DATABASE_URL: databaseUrl,
    E2E_MAILBOX: mailbox,
    E2E_APP_URL: appUrl,
    E2E_AUTH_SECRET: env.AUTH_SECRET,
    // For a spec that starts a second server on the same database (the demo-mode pages).
    E2E_SERVER_ENV: JSON.stringify(env),
  });
  try {
    await waitForHealth(appUrl, children);
  } catch (err) {
    await stopGroups(children);
    throw err;
  }

  return async () => {
    await stopGroups(children);
    await sink.close();
    rmSync(mailbox, { recursive: true, force: true });
    await dropDatabase(databaseUrl).catch(() => undefined);
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`{kle2e-${run}}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  };
}
