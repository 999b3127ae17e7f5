import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

/**
 * The one place that reads process.env. Parsed once, at start-up of the web app, the worker and the
 * scripts; a missing or malformed value stops the process with a message naming the variable.
 */
const DEV_SECRET = 'dev-only-secret-change-me-dev-only-secret';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** The roles the app connects as; the migration 20261201203500_row_level_security creates them. */
export const APP_ROLE = 'kringloop_app';
export const SYSTEM_ROLE = 'kringloop_system';

const url = (protocols: string[]) =>
  z.url().refine(
    (v) => {
      // zod runs this refinement even when z.url() already failed; a non-URL must not throw here.
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must start with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/**
 * How often a scheduled job runs: an interval (`30s`, `15m`, `1h`, `1d`), a cron pattern of 5 or 6
 * fields read in SCHEDULE_TZ (`0 3 * * *`), or `off`. Parsed here so a typo stops the worker at
 * start instead of silently never running; cron-parser is the same parser BullMQ schedules with.
 */
export type TCadence = { every: number } | { pattern: string } | { off: true };
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export const cadence = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((v, ctx): TCadence => {
      if (v === 'off') return { off: true };
      const m = /^(\d+)\s*(s|m|h|d)$/.exec(v);
      if (m) {
        const every = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
        if (every >= 1_000) return { every };
      } else if (v.split(/\s+/).length >= 5) {
        try {
          CronExpressionParser.parse(v, { tz: 'UTC' });
          return { pattern: v };
        } catch {
          /* reported below */
        }
      }
      ctx.addIssue({
        code: 'custom',
        message: `must be an interval (30s, 15m, 1h, 1d), a cron pattern (0 3 * * *) or off; got "${v}"`,
      });
      return z.NEVER;
    });

/** Mails per second for all worker processes together (BullMQ's limiter lives in Redis); 0 = unlimited. */
const mailRate = (fallback: number) => z.coerce.number().int().min(0).max(100_000).default(fallback);

/**
 * A connection for one of the app's roles. Pointing it at any other user (the owner, a superuser)
 * would silently switch row-level security off, so the user name is checked here.
 */
const roleDbUrl = (role: string) =>
  url(['postgres:', 'postgresql:']).refine(
    (v) => {
      try {
        return decodeURIComponent(new URL(v).username) === role;
      } catch {
        return false;
      }
    },
    { message: `must connect as the role ${role}` },
  );

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** The owner: migrations and seeding scripts. The app itself connects as the two roles below. */
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgresql://postgres@127.0.0.1:5432/kringloop'),
    /** As `kringloop_app` (row-level security); default: DATABASE_URL's server and database as that role. */
    DATABASE_APP_URL: roleDbUrl(APP_ROLE).optional(),
    /** As `kringloop_system` (the named cross-tenant paths); default like DATABASE_APP_URL. */
    DATABASE_SYSTEM_URL: roleDbUrl(SYSTEM_ROLE).optional(),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    /** Key prefix for every BullMQ key; tests run under a per-run prefix. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]+$/i)
      .default('kringloop'),
    SMTP_URL: url(['smtp:', 'smtps:']).default('smtp://127.0.0.1:2525'),
    MAIL_FROM: z.string().min(3).default('Kringloop <no-reply@kringloop.local>'),
    APP_URL: url(['http:', 'https:'])
      .default('http://localhost:3000')
      .transform((v) => v.replace(/\/+$/, '')),
    AUTH_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters (openssl rand -base64 32)')
      .default(DEV_SECRET),
    DEMO_MODE: bool,
    /** Where the demo's embedded SMTP sink stores messages for the dev mailbox page. */
    MAILBOX_DIR: z.string().default('.demo/mailbox'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
    /**
     * Survey invitations (and reminders) per second for the whole instance, all workers together: the
     * capacity of the SMTP relay all tenants share (0 = no ceiling).
     */
    INVITATION_MAIL_RATE: mailRate(200),
    /**
     * Survey invitations per second per tenant, unless the tenant has its own rate in its settings.
     * Fits a normal SMTP relay (the sending domain's reputation is the tenant's).
     */
    TENANT_MAIL_RATE: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Person-to-person mail (follow-up alerts, member invitations): its own queue and rate. */
    NOTIFICATION_MAIL_RATE: mailRate(100),
    /**
     * Seconds a sender holds a claimed mail (invitation, alert) before another run may take it over,
     * e.g. after the worker holding it was killed. Longer than one SMTP attempt can take.
     */
    MAIL_LEASE_SECONDS: z.coerce.number().int().min(5).max(3_600).default(120),
    /**
     * Seconds after which BullMQ presumes a silent worker dead and hands its running jobs to
     * another (lock duration and stalled-job check interval).
     */
    WORKER_STALLED_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
    /**
     * Secrets that survey tokens are derived from (HMAC of the invitation id), comma-separated, the
     * first one current. Older ones stay listed until every invitation made under them expired.
     * Unset: derived from AUTH_SECRET.
     */
    SURVEY_TOKEN_KEYS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .refine((keys) => keys.every((k) => k.length >= 32), 'every key must be at least 32 characters'),
    /** Insights rollups and their reconcile (see the README). */
    SCHEDULE_INSIGHTS_ROLLUP: cadence('15m'),
    SCHEDULE_INSIGHTS_RECONCILE: cadence('30 3 * * *'),
    /** Time zone of the cron patterns below. */
    SCHEDULE_TZ: z
      .string()
      .default('UTC')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Europe/Amsterdam'),
    /** Schedules of the scheduled jobs (workers/jobs): see the README. */
    SCHEDULE_OUTBOX_PRUNE: cadence('1h'),
    /** The reminder scan: finds due reminders and queues each one exactly once. */
    SCHEDULE_REMINDERS: cadence('15m'),
    /** The escalation scan: follow-ups not started within their deadline. */
    SCHEDULE_ESCALATIONS: cadence('15m'),
    /** The digest scan: sends each account manager's digest once their tenant's 08:00 has come. */
    SCHEDULE_DIGESTS: cadence('15m'),
    /** The relationship surveys' daily share (every contact once per cadence, spread over the cycle). */
    SCHEDULE_RELATIONSHIP: cadence('0 7 * * *'),
    /** `next build` evaluates modules with NODE_ENV=production but no runtime secrets. */
    BUILDING: z
      .string()
      .optional()
      .transform((v) => v === 'phase-production-build'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.DEMO_MODE && !env.BUILDING && env.AUTH_SECRET === DEV_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'must be set in production' });
    }
  });

/** `url` (the owner's) for another role on the same server and database, without a password. */
export function roleUrl(url: string, role: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  return u.toString();
}

export type TEnv = Omit<z.infer<typeof ZEnv>, 'DATABASE_APP_URL' | 'DATABASE_SYSTEM_URL'> & {
  DATABASE_APP_URL: string;
  DATABASE_SYSTEM_URL: string;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses a given environment; exported for tests. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const cleaned: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  cleaned.BUILDING = source.NEXT_PHASE;
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = result.data;
  return {
    ...e,
    DATABASE_APP_URL: e.DATABASE_APP_URL ?? roleUrl(e.DATABASE_URL, APP_ROLE),
    DATABASE_SYSTEM_URL: e.DATABASE_SYSTEM_URL ?? roleUrl(e.DATABASE_URL, SYSTEM_ROLE),
  };
}

let cached: TEnv | undefined;

export function env(): TEnv {
  if (!cached) {
    cached = parseEnv(process.env);
    // next-auth v4 reads these two directly; derive them from our validated names.
    process.env.NEXTAUTH_URL ??= cached.APP_URL;
    process.env.NEXTAUTH_SECRET ??= cached.AUTH_SECRET;
  }
  return cached;
}
