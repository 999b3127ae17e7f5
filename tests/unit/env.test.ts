import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../lib/env';

const SECRET = 'x'.repeat(32);

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).problems;
  }
  throw new Error('expected parseEnv to refuse this environment');
}

describe('parseEnv', () => {
  it('fills defaults for an empty environment', () => {
    const e = parseEnv({});
    expect(e.NODE_ENV).toBe('development');
    expect(e.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/kringloop');
    expect(e.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(e.REDIS_PREFIX).toBe('kringloop');
    expect(e.SMTP_URL).toBe('smtp://127.0.0.1:2525');
    expect(e.APP_URL).toBe('http://localhost:3000');
    expect(e.DEMO_MODE).toBe(false);
    expect(e.LOG_LEVEL).toBe('info');
    expect(e.WORKER_CONCURRENCY).toBe(5);
    expect(e.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('accepts valid values', () => {
    const e = parseEnv({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      REDIS_URL: 'rediss://cache:6380',
      SMTP_URL: 'smtps://mail:465',
      AUTH_SECRET: SECRET,
      WORKER_CONCURRENCY: '12',
    });
    expect(e.DATABASE_URL).toBe('postgres://u:p@db:5432/x');
    expect(e.REDIS_URL).toBe('rediss://cache:6380');
    expect(e.AUTH_SECRET).toBe(SECRET);
    expect(e.WORKER_CONCURRENCY).toBe(12);
  });

  it.each(['mysql://x', 'not a url', 'http://db:5432/x'])(
    'refuses DATABASE_URL=%s and names the variable',
    (value) => {
      const problems = problemsOf({ DATABASE_URL: value });
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.some((p) => p.startsWith('DATABASE_URL:'))).toBe(true);
      expect(problems.every((p) => p.startsWith('DATABASE_URL:'))).toBe(true);
    },
  );

  it.each(['REDIS_URL', 'SMTP_URL', 'APP_URL'])(
    'refuses a non-URL %s with an EnvError naming it (no TypeError)',
    (name) => {
      const problems = problemsOf({ [name]: 'not a url' });
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.startsWith(`${name}:`))).toBe(true);
    },
  );

  it('connects the app as kringloop_app and kringloop_system on DATABASE_URL by default', () => {
    const e = parseEnv({ DATABASE_URL: 'postgresql://owner:secret@db:5433/kl_run1?sslmode=require' });
    expect(e.DATABASE_APP_URL).toBe('postgresql://kringloop_app@db:5433/kl_run1?sslmode=require');
    expect(e.DATABASE_SYSTEM_URL).toBe('postgresql://kringloop_system@db:5433/kl_run1?sslmode=require');
    const own = parseEnv({
      DATABASE_APP_URL: 'postgres://kringloop_app:pw@db/x',
      DATABASE_SYSTEM_URL: 'postgres://kringloop_system:pw2@db/x',
    });
    expect([own.DATABASE_APP_URL, own.DATABASE_SYSTEM_URL]).toEqual([
      'postgres://kringloop_app:pw@db/x',
      'postgres://kringloop_system:pw2@db/x',
    ]);
  });

  it('refuses app connections as any other user: the owner would switch row-level security off', () => {
    expect(problemsOf({ DATABASE_APP_URL: 'postgresql://postgres@127.0.0.1/kringloop' })).toEqual([
      'DATABASE_APP_URL: must connect as the role kringloop_app',
    ]);
    expect(problemsOf({ DATABASE_SYSTEM_URL: 'postgresql://kringloop_app@127.0.0.1/kringloop' })).toEqual([
      'DATABASE_SYSTEM_URL: must connect as the role kringloop_system',
    ]);
  });

  it('names the variable in the error message too', () => {
    expect(() => parseEnv({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL/);
  });

  it('refuses an AUTH_SECRET shorter than 32 characters', () => {
    const problems = problemsOf({ AUTH_SECRET: 'x'.repeat(31) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_SECRET: /);
    expect(parseEnv({ AUTH_SECRET: SECRET }).AUTH_SECRET).toBe(SECRET);
  });

  it('refuses production without AUTH_SECRET, unless DEMO_MODE', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(['AUTH_SECRET: must be set in production']);
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: SECRET }).AUTH_SECRET).toBe(SECRET);
    expect(parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true' }).DEMO_MODE).toBe(true);
    expect(problemsOf({ NODE_ENV: 'production', DEMO_MODE: 'false' })).toEqual([
      'AUTH_SECRET: must be set in production',
    ]);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('parses DEMO_MODE=%s as %s', (v, out) => {
    expect(parseEnv({ DEMO_MODE: v }).DEMO_MODE).toBe(out);
  });

  it('refuses an unknown DEMO_MODE value', () => {
    expect(problemsOf({ DEMO_MODE: 'yes' }).some((p) => p.startsWith('DEMO_MODE:'))).toBe(true);
  });

  it('strips trailing slashes from APP_URL', () => {
    expect(parseEnv({ APP_URL: 'https://nps.example.com/' }).APP_URL).toBe('https://nps.example.com');
    expect(parseEnv({ APP_URL: 'https://nps.example.com/app///' }).APP_URL).toBe(
      'https://nps.example.com/app',
    );
    expect(problemsOf({ APP_URL: 'ftp://nps.example.com' }).some((p) => p.startsWith('APP_URL:'))).toBe(true);
  });

  it('counts empty strings as unset', () => {
    const e = parseEnv({
      DATABASE_URL: '',
      APP_URL: '',
      DEMO_MODE: '',
      AUTH_SECRET: '',
      WORKER_CONCURRENCY: '',
    });
    expect(e.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/kringloop');
    expect(e.APP_URL).toBe('http://localhost:3000');
    expect(e.DEMO_MODE).toBe(false);
    expect(e.WORKER_CONCURRENCY).toBe(5);
    // An empty AUTH_SECRET in production is "not set", so it is refused.
    expect(problemsOf({ NODE_ENV: 'production', AUTH_SECRET: '' })).toEqual([
      'AUTH_SECRET: must be set in production',
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', WORKER_CONCURRENCY: '0' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'WORKER_CONCURRENCY',
    ]);
  });

  it('reads mail rates, schedules and token keys, with defaults', () => {
    const d = parseEnv({});
    expect(d.INVITATION_MAIL_RATE).toBe(200);
    expect(d.TENANT_MAIL_RATE).toBe(20);
    expect(d.NOTIFICATION_MAIL_RATE).toBe(100);
    expect(d.SCHEDULE_OUTBOX_PRUNE).toEqual({ every: 3_600_000 });
    expect(d.SCHEDULE_TZ).toBe('UTC');
    expect(d.SURVEY_TOKEN_KEYS).toEqual([]);
    const e = parseEnv({
      INVITATION_MAIL_RATE: '0',
      SCHEDULE_OUTBOX_PRUNE: '0 3 * * *',
      SCHEDULE_TZ: 'Europe/Amsterdam',
      SURVEY_TOKEN_KEYS: `${'n'.repeat(32)}, ${'o'.repeat(40)}`,
    });
    expect(e.INVITATION_MAIL_RATE).toBe(0);
    expect(e.SCHEDULE_OUTBOX_PRUNE).toEqual({ pattern: '0 3 * * *' });
    expect(e.SURVEY_TOKEN_KEYS).toEqual(['n'.repeat(32), 'o'.repeat(40)]);
    expect(parseEnv({ SCHEDULE_OUTBOX_PRUNE: '15m' }).SCHEDULE_OUTBOX_PRUNE).toEqual({ every: 900_000 });
    expect(parseEnv({ SCHEDULE_OUTBOX_PRUNE: 'off' }).SCHEDULE_OUTBOX_PRUNE).toEqual({ off: true });
  });

  it.each([
    ['SCHEDULE_OUTBOX_PRUNE', 'hourly'],
    ['SCHEDULE_OUTBOX_PRUNE', '0s'],
    ['SCHEDULE_OUTBOX_PRUNE', '61 * * * *'],
    ['SCHEDULE_TZ', 'Mars/Olympus'],
    ['INVITATION_MAIL_RATE', '-1'],
    ['NOTIFICATION_MAIL_RATE', 'fast'],
    ['SURVEY_TOKEN_KEYS', 'short'],
    ['MAIL_LEASE_SECONDS', '1'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(problemsOf({ [name]: value }).map((p) => p.split(':')[0])).toEqual([name]);
  });
});
