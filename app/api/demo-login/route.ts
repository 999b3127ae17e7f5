import { NextResponse } from 'next/server';
import { createDemoSession } from '@/lib/auth/demo';
import { sessionCookieName } from '@/lib/auth/options';
import { env } from '@/lib/env';
import { badRequest, notFound } from '@/lib/errors';
import { publicRoute } from '@/lib/http/route';

/** Demo mode only: one-click sign-in as a seeded user (404 otherwise, see lib/auth/demo.ts). */
export const POST = publicRoute({ checkOrigin: true }, async ({ req }) => {
  if (!env().DEMO_MODE) throw notFound();
  // A body that is not a form (JSON, garbage, none) is the caller's mistake: 400, not a 500.
  const form = await req.formData().catch(() => null);
  if (!form) throw badRequest('Expected a form with an email field');
  const { sessionToken, expires } = await createDemoSession(String(form.get('email') ?? ''));
  const res = NextResponse.redirect(new URL('/', env().APP_URL), 303);
  res.cookies.set(sessionCookieName(), sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().APP_URL.startsWith('https://'),
    path: '/',
    expires,
  });
  return res;
});
