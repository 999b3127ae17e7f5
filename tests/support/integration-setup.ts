// Runs in each integration test file before it imports lib/: points the app at the run's database,
// Redis prefix and a per-file SMTP sink, then closes everything after the file.
import { afterAll, inject } from 'vitest';
import { startSmtpSink } from '../../lib/mail/sink';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.REDIS_PREFIX = inject('redisPrefix');
// A file may change the environment for itself (vi.hoisted); the next file starts from the baseline.
process.env.REDIS_URL = inject('redisUrl');
delete process.env.DEMO_MODE;
delete process.env.MAILBOX_DIR;
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.APP_URL = 'http://localhost:3999';

// Addresses starting with bounce- are refused for good (550), tempfail- for now (451).
const sink = await startSmtpSink({
  port: 0,
  refuse: (address) =>
    address.startsWith('bounce-')
      ? { code: 550, message: 'No such user' }
      : address.startsWith('tempfail-')
        ? { code: 451, message: 'Try again later' }
        : null,
});
process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
(globalThis as { __sink?: typeof sink }).__sink = sink;

afterAll(async () => {
  const { closeQueues } = await import('../../lib/queue/queues');
  const { closeProducerRedis } = await import('../../lib/queue/connection');
  const { shutdownServices } = await import('../../lib/shutdown');
  await closeQueues();
  await closeProducerRedis();
  await shutdownServices();
  const { disconnectAdminDb } = await import('./db');
  await disconnectAdminDb();
  await sink.close();
});
