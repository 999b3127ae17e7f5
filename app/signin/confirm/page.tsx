import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { Button } from '@/components/ui/button';
import { callbackAction, parseSignInLink, signInLinkUsable } from '@/lib/auth/sign-in-link';
import { fill, messages } from '@/lib/i18n';
import { currentContext } from '@/lib/http/session';

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await currentContext();
  return { title: messages(locale).auth.confirmPageTitle };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Where the emailed sign-in link leads. Opening it (a person or a mail scanner) spends nothing; the
 * button posts to next-auth's email callback, which spends the token and signs in.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale } = await currentContext();
  const t = messages(locale).auth;
  const sp = await searchParams;
  const link = parseSignInLink(sp);
  // The language switch keeps the link, so switching does not lose the way back to the button.
  const back = `/signin/confirm?${new URLSearchParams(
    Object.entries(sp).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'lang'),
  ).toString()}`;
  if (!link || !(await signInLinkUsable(link)))
    return (
      <AuthCard locale={locale} back={back} title={t.errorTitle}>
        <p className="mb-4 text-sm text-zinc-600">{t.errorBody}</p>
        <Link href="/signin" className="text-sm font-medium text-brand-700 underline">
          {t.tryAgain}
        </Link>
      </AuthCard>
    );
  return (
    <AuthCard locale={locale} back={back} title={t.confirmTitle}>
      <p className="mb-4 text-sm text-zinc-700">{fill(t.confirmIntro, { email: link.email })}</p>
      <form method="post" action={callbackAction(link)}>
        <input type="hidden" name="callbackUrl" value={link.callbackUrl} />
        <Button type="submit" size="lg" className="w-full">
          {t.confirmButton}
        </Button>
      </form>
      <p className="mt-4 text-xs text-zinc-600">{t.confirmWhy}</p>
    </AuthCard>
  );
}
