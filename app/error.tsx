'use client';

import Link from 'next/link';
import { useErrorTexts } from '@/components/i18n/error-texts';
import { Button } from '@/components/ui/button';
import { StatusPage } from '@/components/ui/status-page';
import { fill } from '@/lib/i18n/fill';

/** An unexpected error while rendering a page: say so in the user's language, offer a retry. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useErrorTexts();
  if (!t) return null;
  return (
    <StatusPage title={t.errorTitle} body={t.errorBody}>
      <Button type="button" onClick={reset}>
        {t.retry}
      </Button>
      <Button asChild variant="secondary">
        <Link href="/">{t.home}</Link>
      </Button>
      {error.digest && (
        <p className="w-full text-xs text-zinc-600">{fill(t.reference, { digest: error.digest })}</p>
      )}
    </StatusPage>
  );
}
