import { ZodError } from 'zod';
import { actorCan, type TAction } from '../auth/permissions';
import { AppError } from '../errors';
import { messages, type TLocale } from '../i18n';
import { logger } from '../log';
import type { MemberContext } from '../tenancy/context';
import { fieldErrors, type FieldErrors } from '../validation';
import { currentContext } from './session';

export type ActionResult<T = null> =
  { ok: true; data: T } | { ok: false; error: string; fields?: FieldErrors; status: number };

/** Converts any error to an ActionResult once; unexpected errors are logged and answered generically. */
export function toActionError(err: unknown, locale: TLocale): ActionResult<never> {
  const t = messages(locale).common.states;
  if (err instanceof AppError) {
    const fields = (err.details as { fields?: FieldErrors } | undefined)?.fields;
    // Field errors speak for themselves next to their inputs; the headline stays in the user's language.
    const message =
      err.code === 'FORBIDDEN'
        ? t.forbidden
        : err.code === 'NOT_FOUND'
          ? t.notFound
          : fields
            ? t.invalid
            : err.message;
    return { ok: false, error: message, fields, status: err.status };
  }
  if (err instanceof ZodError)
    return { ok: false, error: t.invalid, fields: fieldErrors(err, locale), status: 400 };
  logger.error({ err }, 'server action failed');
  return { ok: false, error: t.error, status: 500 };
}

/**
 * The guard at the entry of every server action: session, membership, permission; then the service
 * call, with errors converted once. Next.js checks the Origin of server actions itself.
 */
export async function runAction<T>(
  action: TAction,
  fn: (ctx: MemberContext) => Promise<T>,
): Promise<ActionResult<T>> {
  const { ctx, locale } = await currentContext();
  if (!ctx) return { ok: false, error: messages(locale).common.states.forbidden, status: 401 };
  if (!actorCan(ctx, action))
    return { ok: false, error: messages(locale).common.states.forbidden, status: 403 };
  try {
    return { ok: true, data: await fn(ctx) };
  } catch (err) {
    return toActionError(err, locale);
  }
}

/** FormData to a plain object (last value wins; repeated keys ending in [] become arrays). */
export function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) {
    if (k.startsWith('$ACTION')) continue;
    if (k.endsWith('[]')) ((out[k.slice(0, -2)] as unknown[]) ??= []).push(v);
    else out[k] = v;
  }
  return out;
}
