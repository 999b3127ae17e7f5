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

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgresql://postgres@127.0.0.1:5432/kringloop'),
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

export type TEnv = z.infer<typeof ZEnv>;

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
  return result.data;
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
