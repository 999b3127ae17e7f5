import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { ZodError } from 'zod';
import { actorCan, type TAction } from '../auth/permissions';
import { env } from '../env';
import { AppError } from '../errors';
import { requestLogger } from '../log';
import type { TenantContext } from '../tenancy/context';
import { fieldErrors } from '../validation';
import { currentContext } from './session';

type Logger = ReturnType<typeof requestLogger>;

interface RouteArgs<P> {
  req: NextRequest;
  params: P;
  log: Logger;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** State-changing requests must come from our own origin (Next.js checks server actions only). */
export function sameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return false;
  const allowed = new Set([new URL(env().APP_URL).origin, req.nextUrl.origin]);
  return allowed.has(origin);
}

export function errorResponse(err: unknown, log: Logger): NextResponse {
  if (err instanceof AppError) {
    return NextResponse.json(
      { error: err.code, message: err.message, details: err.details },
      { status: err.status },
    );
  }
  if (err instanceof ZodError) {
    return NextResponse.json(
      { error: 'BAD_REQUEST', message: 'Invalid input', details: { fields: fieldErrors(err) } },
      { status: 400 },
    );
  }
  log.error({ err }, 'route failed');
  return NextResponse.json({ error: 'INTERNAL', message: 'Something went wrong' }, { status: 500 });
}

function wrap<P>(run: (req: NextRequest, params: P, log: Logger) => Promise<Response>) {
  return async (req: NextRequest, { params }: { params: Promise<P> }) => {
    const log = requestLogger({
      requestId: req.headers.get('x-request-id') ?? randomUUID(),
      path: req.nextUrl.pathname,
    });
    try {
      return await run(req, await params, log);
    } catch (err) {
      return errorResponse(err, log);
    }
  };
}

/**
 * A route handler for signed-in users: Origin check on unsafe methods, session, membership and the
 * permission for `action`, then the handler. Errors are converted once.
 */
export function tenantRoute<P = Record<string, never>>(
  action: TAction,
  handler: (args: RouteArgs<P> & { ctx: TenantContext }) => Promise<Response>,
) {
  return wrap<P>(async (req, params, log) => {
    if (UNSAFE.has(req.method) && !sameOrigin(req))
      throw new AppError('FORBIDDEN', 'Cross-origin request refused');
    const { ctx } = await currentContext();
    if (!ctx) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (!actorCan(ctx, action)) throw new AppError('FORBIDDEN', 'You do not have permission for this action');
    return handler({ req, params, log: log.child({ tenantId: ctx.tenantId }), ctx });
  });
}

/**
 * A public route handler (health, survey answers, unsubscribe). `checkOrigin` is off where the caller
 * is not our page: a mail provider's one-click unsubscribe POST has no Origin.
 */
export function publicRoute<P = Record<string, never>>(
  opts: { checkOrigin: boolean },
  handler: (args: RouteArgs<P>) => Promise<Response>,
) {
  return wrap<P>(async (req, params, log) => {
    if (opts.checkOrigin && UNSAFE.has(req.method) && !sameOrigin(req)) {
      throw new AppError('FORBIDDEN', 'Cross-origin request refused');
    }
    return handler({ req, params, log });
  });
}
