import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { confirmPathFor, EMAIL_CALLBACK_PATH } from '@/lib/auth/sign-in-link';
import { sameOrigin } from '@/lib/http/route';

type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = NextAuth(authOptions());

/**
 * next-auth, with one change: the email callback spends a sign-in token only on a POST from our own
 * confirmation page. A GET of it (a link mailed before the confirmation page existed, or a mail
 * scanner) is sent to that page with the same query and spends nothing; HEAD follows GET.
 */
export async function GET(req: NextRequest, ctx: Ctx) {
  if (req.nextUrl.pathname === EMAIL_CALLBACK_PATH)
    return NextResponse.redirect(new URL(confirmPathFor(req.nextUrl.searchParams), req.url), 303);
  return handler(req, ctx);
}

/** The button's POST; from another origin it is refused (a forged sign-in into someone else's account). */
export async function POST(req: NextRequest, ctx: Ctx) {
  if (req.nextUrl.pathname === EMAIL_CALLBACK_PATH && !sameOrigin(req))
    return NextResponse.json(
      { error: 'FORBIDDEN', message: 'Cross-origin request refused' },
      { status: 403 },
    );
  return handler(req, ctx);
}
