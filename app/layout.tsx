import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ErrorTextsProvider } from '@/components/i18n/error-texts';
import { messages } from '@/lib/i18n';
import { currentContext } from '@/lib/http/session';
import './globals.css';

// Icons live in public/ (served as they are); favicon.ico for old clients and the respondent's pages.
export const metadata: Metadata = {
  title: { default: 'Kringloop', template: '%s · Kringloop' },
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '16x16 32x32' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
  manifest: '/manifest.webmanifest',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await currentContext();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <ErrorTextsProvider texts={messages(locale).common.errorPages}>{children}</ErrorTextsProvider>
      </body>
    </html>
  );
}
