import Link from 'next/link';
import { StatusPage } from '@/components/ui/status-page';
import { messages } from '@/lib/i18n';
import { currentContext } from '@/lib/http/session';

/** A page of the app that is missing or not for this role: the 404 inside the app's own shell. */
export default async function AppNotFound() {
  const { locale } = await currentContext();
  const t = messages(locale).common.errorPages;
  return (
    <StatusPage inShell title={t.notFoundTitle} body={t.notFoundBody}>
      <Link href="/" className="text-sm font-medium text-brand-700 underline">
        {t.home}
      </Link>
    </StatusPage>
  );
}
