// npm run demo: database, migrations, demo seed, build when needed, then web + worker + mail sink
// together until Ctrl-C. Says which service is missing and how to start it.
import { Redis } from 'ioredis';
import type { TCadence } from '../lib/env';
import { COMPANY_NAMES, DEMO_RELATIONSHIP } from '../prisma/seed-data';
import { buildIfNeeded } from './build';
import { startGroup, stopGroups } from './processes';
import { supervise } from './supervise';
import {
  applyMigrations,
  databaseUrl,
  ensureDatabase,
  isUnreachable,
  redactUrl,
  setRolePasswords,
  unreachableMessage,
} from './schema-engine';

/** Companies the seed last surveyed longer ago than the throttle period (every fifth one). */
/** A schedule in words for the start-up message. */
function describeCadence(c: TCadence): string {
  if ('off' in c) return 'off';
  if ('every' in c) return `every ${Math.round(c.every / 60_000)} minutes`;
  return `cron "${c.pattern}"`;
}

const READY = COMPANY_NAMES.filter((_, i) => i % 5 === 4).slice(0, 3);
const PORT = Number(process.env.PORT ?? 3000);
// The demo offers one-click sign-in as the owner and an open mailbox: only this machine may reach it,
// unless HOST says otherwise (HOST=0.0.0.0 to show it on the network, knowingly).
const HOST = process.env.HOST ?? '127.0.0.1';
const SMTP_PORT = Number(process.env.DEMO_SMTP_PORT ?? 2525);
const APP_URL = process.env.APP_URL ?? `http://localhost:${PORT}`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DEMO_MODE: 'true',
  APP_URL,
  DATABASE_URL: databaseUrl(),
  REDIS_URL,
  SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${SMTP_PORT}`,
  MAILBOX_DIR: process.env.MAILBOX_DIR ?? '.demo/mailbox',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: String(PORT),
};

async function checkRedis() {
  const r = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
  } catch {
    console.error(
      `Redis is not reachable at ${REDIS_URL}.\n` +
        `Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 (or set REDIS_URL).`,
    );
    process.exit(1);
  } finally {
    r.disconnect();
  }
}

async function main() {
  const url = databaseUrl();
  try {
    if (await ensureDatabase(url)) console.log(`Created database ${redactUrl(url)}`);
    const applied = await applyMigrations(url);
    for (const m of applied) console.log(`Applied migration ${m}`);
    await setRolePasswords(url);
  } catch (err) {
    if (isUnreachable(err)) {
      console.error(unreachableMessage(url));
      process.exit(1);
    }
    throw err;
  }
  await checkRedis();

  // The seed imports lib/ (which validates the environment), so it runs after the checks above.
  Object.assign(process.env, childEnv);
  const { seedDemo } = await import('../prisma/seed');
  const { shutdownServices } = await import('../lib/shutdown');
  const seeded = await seedDemo();
  console.log(seeded.created ? 'Seeded the demo organisation.' : 'Demo organisation present.');
  await shutdownServices();

  buildIfNeeded(childEnv);

  const { startSmtpSink } = await import('../lib/mail/sink');
  const sink = await startSmtpSink({ port: SMTP_PORT, dir: childEnv.MAILBOX_DIR });
  // Both are restarted when they crash (with a backoff), so killing the worker delays mail and
  // alerts instead of taking the demo down; the outbox keeps what happened meanwhile.
  const services = [
    supervise({
      name: 'web server',
      start: () =>
        startGroup('npx', ['next', 'start', '-H', HOST, '-p', String(PORT)], {
          stdio: 'inherit',
          env: childEnv,
        }),
    }),
    supervise({
      name: 'worker',
      start: () => startGroup('npx', ['tsx', 'workers/index.ts'], { stdio: 'inherit', env: childEnv }),
    }),
  ];

  const e = (await import('../lib/env')).env();
  console.log(`
  Kringloop demo is starting.
    App:          ${APP_URL}   (listening on ${HOST}; set HOST to change)
    Dev mailbox:  ${APP_URL}/dev/mailbox   (every email the demo sends lands here)
    Health:       ${APP_URL}/api/health
  Sign in with one click on ${APP_URL}/signin as:
    cx@demo.kringloop.test        CX manager (surveys, contacts, sending)
    am@demo.kringloop.test        Account manager (follow-up queue)
    director@demo.kringloop.test  Director (dashboard)
    owner@demo.kringloop.test     Owner
  or type any email to get a magic link in the dev mailbox (new addresses create a new organisation).
  Try the whole loop: as the CX manager open a survey, pick ${READY.join(', ')} (surveyed more than
  90 days ago), look at the skip preview, confirm and watch the send's progress; answer from the dev
  mailbox, then sign in as its account manager.
  The scheduler (in the worker) will:
    - survey every contact of every active company once every ${DEMO_RELATIONSHIP.cadenceMonths} months through
      "${DEMO_RELATIONSHIP.name}", a share each day (${describeCadence(e.SCHEDULE_RELATIONSHIP)}, ${e.SCHEDULE_TZ}),
      within the rest period, the account rule and the detractor quiet period: see who is due this
      week under Surveys (the invitations land in the dev mailbox);
    - delete published outbox events older than 7 days (${describeCadence(e.SCHEDULE_OUTBOX_PRUNE)}).
  Invitations leave at ${e.TENANT_MAIL_RATE} per second per organisation (TENANT_MAIL_RATE, or its settings).
  Press Ctrl-C to stop.
`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const s of services) s.stop();
    await stopGroups(services.map((s) => s.current()));
    await sink.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
