import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusPage } from '@/components/ui/status-page';
import { messages } from '@/lib/i18n';
import { currentContext } from '@/lib/http/session';

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await currentContext();
  return { title: messages(locale).common.errorPages.notFoundTitle };
}

/** The 404 of every route (a missing page, a foreign id, a role without access), in the user's language. */
export default async function NotFound() {
  const { locale } = await currentContext();
  const t = messages(locale).common.errorPages;
  return (
    <StatusPage title={t.notFoundTitle} body={t.notFoundBody}>
      <Link href="/" className="text-sm font-medium text-brand-700 underline">
        {t.home}
      </Link>
    </StatusPage>
  );
}
