'use client';

import { common } from '@/lib/i18n/messages/common';
import './globals.css';

/**
 * The last resort, when the root layout itself failed: it replaces the whole document, so the
 * request's language is not known here. It says the same thing in both languages, each marked with
 * its lang for screen readers.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl">
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900">
        <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
          <p className="text-xl font-semibold text-brand-700">Kringloop</p>
          {(['nl', 'en'] as const).map((l) => (
            <section key={l} lang={l} className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
              <h1 className="mb-3 text-xl font-semibold">{common[l].errorPages.errorTitle}</h1>
              <p className="mb-4 text-sm text-zinc-600">{common[l].errorPages.errorBody}</p>
              <button
                type="button"
                onClick={reset}
                className="h-10 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
              >
                {common[l].errorPages.retry}
              </button>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
