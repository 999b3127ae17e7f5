import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { messages } from '@/lib/i18n';
import { currentContext } from '@/lib/http/session';

/** next-auth sends a used or expired magic link here (?error=Verification). */
export default async function SignInErrorPage() {
  const { locale } = await currentContext();
  const t = messages(locale);
  return (
    <AuthCard locale={locale} back="/signin/error" title={t.auth.errorTitle}>
      <p className="mb-4 text-sm text-zinc-600">{t.auth.errorBody}</p>
      <Link href="/signin" className="text-sm font-medium text-brand-700 underline">
        {t.auth.tryAgain}
      </Link>
    </AuthCard>
  );
}
