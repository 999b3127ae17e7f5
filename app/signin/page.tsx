import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { EmailSignInForm } from '@/components/auth/email-sign-in-form';
import { Button } from '@/components/ui/button';
import { listDemoUsers } from '@/lib/auth/demo';
import { env } from '@/lib/env';
import { fill, messages } from '@/lib/i18n';
import { currentContext } from '@/lib/http/session';

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await currentContext();
  return { title: messages(locale).auth.signInPageTitle };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { user, locale } = await currentContext();
  if (user) redirect('/');
  const t = messages(locale);
  const { email } = await searchParams;
  // The one-click buttons exist only in demo mode: listDemoUsers returns nothing otherwise.
  const demoUsers = await listDemoUsers();
  return (
    <AuthCard locale={locale} back="/signin" title={t.auth.signInTitle}>
      <p className="mb-4 text-sm text-zinc-600">{t.auth.signInIntro}</p>
      <EmailSignInForm label={t.auth.email} submit={t.auth.sendLink} defaultEmail={email} />
      {env().DEMO_MODE && (
        <section className="mt-6 border-t border-zinc-200 pt-4" aria-labelledby="demo-title">
          <h2 id="demo-title" className="text-sm font-semibold">
            {t.auth.demoTitle}
          </h2>
          <p className="mb-3 text-xs text-zinc-600">{t.auth.demoIntro}</p>
          <ul className="space-y-2">
            {demoUsers.map((u) => (
              <li key={u.email}>
                <form method="post" action="/api/demo-login">
                  <input type="hidden" name="email" value={u.email} />
                  <Button type="submit" variant="secondary" className="w-full justify-between">
                    <span>{fill(t.auth.demoAs, { name: u.name })}</span>
                    {u.role && <span className="text-xs text-zinc-500">{t.common.roles[u.role]}</span>}
                  </Button>
                </form>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-zinc-600">
            {t.auth.devMailboxHint}{' '}
            <Link href="/dev/mailbox" className="text-brand-700 underline">
              {t.common.nav.mailbox}
            </Link>
          </p>
        </section>
      )}
    </AuthCard>
  );
}
